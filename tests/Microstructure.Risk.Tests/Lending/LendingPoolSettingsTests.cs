using Microstructure.Risk.Lending;

namespace Microstructure.Risk.Tests.Lending;

public class LendingPoolSettingsTests
{
    private static readonly LendingPoolSettings Aave = new(new LendingPoolOptions());

    [Fact]
    public void Close_factor_is_half_at_hf_0_96_and_full_at_hf_0_94_for_positions_above_the_minimum()
    {
        long large = FixedPoint.ToCash(10_000m);
        Assert.Equal(FixedPoint.ToRate(0.5m), Aave.CloseFactorFor(FixedPoint.ToRate(0.96m), large, large));
        Assert.Equal(FixedPoint.RateScale, Aave.CloseFactorFor(FixedPoint.ToRate(0.94m), large, large));
        Assert.Equal(FixedPoint.RateScale, Aave.CloseFactorFor(FixedPoint.ToRate(0.95m), large, large));
    }

    [Fact]
    public void Close_factor_is_full_below_the_2000_minimum_on_either_side_even_at_hf_0_96()
    {
        long hf = FixedPoint.ToRate(0.96m);
        long large = FixedPoint.ToCash(10_000m);
        long small = FixedPoint.ToCash(1_999.99m);
        Assert.Equal(FixedPoint.RateScale, Aave.CloseFactorFor(hf, small, large));
        Assert.Equal(FixedPoint.RateScale, Aave.CloseFactorFor(hf, large, small));
        Assert.Equal(FixedPoint.ToRate(0.5m), Aave.CloseFactorFor(hf, FixedPoint.ToCash(2_000m), FixedPoint.ToCash(2_000m)));
    }

    [Fact]
    public void Health_factor_is_collateral_times_threshold_over_debt_and_liquidatable_strictly_below_one()
    {
        const long K = 1_000_000;
        long lt = FixedPoint.ToRate(0.825m);
        // 10 units at $100.00 = $1,000 collateral, LT 82.5% → $825 of borrowing power; debt $825 is HF exactly 1.
        long debt = FixedPoint.ToCash(825m);
        Assert.Equal(FixedPoint.RateScale, LendingPoolSettings.HealthFactor(10, debt, 10_000, K, lt));
        Assert.False(LendingPoolSettings.IsLiquidatable(10, debt, 10_000, K, lt));
        Assert.True(LendingPoolSettings.IsLiquidatable(10, debt, 9_999, K, lt));
        Assert.Equal(9_999, LendingPoolSettings.ThresholdPrice(10, debt, K, lt, 1_000_000));
    }

    [Fact]
    public void E_mode_loops_to_ten_times_leverage()
    {
        // Looping at LTV 90% converges to 1 / (1 − 0.9) = 10× exposure per unit of equity (DESIGN.md §3).
        decimal ltv = new LendingPoolOptions().EModeLoanToValue;
        decimal exposure = 0m, layer = 1m;
        for (int i = 0; i < 400; i++)
        {
            exposure += layer;
            layer *= ltv;
        }

        Assert.Equal(10m, decimal.Round(exposure, 6));
    }
}
