using Microstructure.Risk.Pricing;

namespace Microstructure.Risk.Tests.Pricing;

public class FundingClockTests
{
    private const long Hour = 3_600_000_000_000;

    private static FundingClock Binance() =>
        new(8 * Hour, FixedPoint.ToRate(0.0001m), FixedPoint.ToRate(0.0005m), FixedPoint.ToRate(0.00375m));

    [Fact]
    public void Mark_equal_to_index_pays_the_interest_rate()
    {
        var clock = Binance();
        clock.Start(0);
        clock.Accumulate(8 * Hour, 10_000, 10_000);
        Assert.Equal(FixedPoint.ToRate(0.0001m), clock.PredictedRate());
    }

    [Fact]
    public void A_small_premium_is_pulled_to_the_interest_rate_by_the_clamp()
    {
        var clock = Binance();
        clock.Start(0);
        clock.Accumulate(8 * Hour, 100_030, 100_000); // premium 0.03%: F = 0.03% + clamp(0.01% − 0.03%, ±0.05%) = 0.01%
        Assert.Equal(FixedPoint.ToRate(0.0001m), clock.PredictedRate());
    }

    [Fact]
    public void A_large_premium_passes_the_clamp_and_is_capped()
    {
        var clock = Binance();
        clock.Start(0);
        clock.Accumulate(4 * Hour, 10_020, 10_000); // 0.2% for half the interval
        clock.Accumulate(8 * Hour, 10_000, 10_000); // 0 for the other half: average 0.1%
        Assert.Equal(FixedPoint.ToRate(0.001m - 0.0005m), clock.PredictedRate());
        clock.Settle(scheduled: true);
        clock.Accumulate(16 * Hour, 10_500, 10_000); // 5%: capped at 0.375%
        Assert.Equal(FixedPoint.ToRate(0.00375m), clock.PredictedRate());
    }

    [Fact]
    public void Settlements_fall_on_multiples_of_the_interval_and_the_fair_basis_decays_to_zero()
    {
        var clock = Binance();
        clock.Start(Hour);
        Assert.Equal(8 * Hour, clock.NextSettlement);
        clock.Accumulate(8 * Hour, 10_020, 10_000);
        long rate = clock.Settle(scheduled: true);
        Assert.Equal(16 * Hour, clock.NextSettlement);
        Assert.Equal(rate, clock.FairBasis(8 * Hour));
        Assert.Equal(rate / 2, clock.FairBasis(12 * Hour));
        Assert.Equal(0, clock.FairBasis(16 * Hour));
    }
}
