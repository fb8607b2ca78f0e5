using Microstructure.Risk.Pricing;

namespace Microstructure.Risk.Tests.Pricing;

public class MarkPriceCalculatorTests
{
    private static MarkPriceCalculator Make(MarkPriceMethod method, long tau = 100) => new(method, tau, 1, 1_000_000);

    [Fact]
    public void Last_trade_falls_back_to_mid_then_index()
    {
        var calc = Make(MarkPriceMethod.LastTrade);
        Assert.Equal(105, calc.Compute(100, 110, 105, 90, 0));
        Assert.Equal(105, calc.Compute(100, 110, 0, 90, 0));
        Assert.Equal(90, calc.Compute(0, 0, 0, 90, 0));
        Assert.Equal(0, calc.Compute(0, 0, 0, 0, 0));
    }

    [Fact]
    public void Mid_is_floored_to_a_tick_and_one_sided_books_use_that_side()
    {
        var calc = Make(MarkPriceMethod.Mid);
        Assert.Equal(100, calc.Compute(100, 101, 0, 0, 0));
        Assert.Equal(101, calc.Compute(0, 101, 0, 0, 0));
    }

    [Fact]
    public void Ema_moves_by_dt_over_dt_plus_tau_of_the_gap_and_not_at_all_without_time()
    {
        var calc = Make(MarkPriceMethod.EmaOfMid, tau: 100);
        calc.Advance(0, 1_000, 1_000, 0, 0);
        calc.Advance(0, 2_000, 2_000, 0, 0);
        Assert.Equal(1_000, calc.Compute(2_000, 2_000, 0, 0, 0));
        calc.Advance(100, 2_000, 2_000, 0, 0); // α = 100 / 200
        Assert.Equal(1_500, calc.Compute(2_000, 2_000, 0, 0, 0));
    }

    [Fact]
    public void Fair_price_is_index_times_one_plus_basis()
    {
        var calc = Make(MarkPriceMethod.FairPrice);
        Assert.Equal(10_010, calc.Compute(0, 0, 0, 10_000, FixedPoint.ToRate(0.001m)));
    }

    [Fact]
    public void Median_of_three_ignores_a_book_outlier()
    {
        var calc = Make(MarkPriceMethod.MedianOfThree);
        calc.Advance(0, 9_990, 10_010, 10_000, 10_000);
        // The book crashed to 5,000 but the EMA basis and the index still say 10,000.
        Assert.Equal(10_000, calc.Compute(5_000, 5_010, 5_000, 10_000, 0));
    }
}
