using Microstructure.Risk.Liquidation;
using static Microstructure.Risk.Tests.TestSupport.LongPositionScenario;

namespace Microstructure.Risk.Tests.Liquidation;

public class TimeSlicedDesignTests
{
    private static readonly TimeSlicedOptions Sliced = new() { SliceThreshold = 500m, SliceFraction = 0.2m, CooldownSeconds = 30m };

    [Fact]
    public void Large_positions_are_sold_a_fifth_at_a_time_with_a_cool_down_until_healthy()
    {
        var d = Create(Sliced);
        d.Limit(Maker, Side.Buy, 9_010, 10);
        var first = d.Mark(9_040);
        Assert.Equal(2, Assert.Single(first, e => e.Type == ExchangeEventType.LiquidationOrder).Engine.Quantity.Lots);
        var deferred = Assert.Single(first, e => e.Type == ExchangeEventType.LiquidationDeferred);
        Assert.Equal(d.Time + 30_000_000_000, deferred.Amount);
        Assert.Equal(8, d.Account(Trader).Lots);
        Assert.True(d.Account(Trader).InLiquidation);

        Assert.DoesNotContain(d.Advance(29m), e => e.Type == ExchangeEventType.LiquidationOrder);
        var second = d.Advance(1m);
        Assert.Equal(2, Assert.Single(second, e => e.Type == ExchangeEventType.LiquidationOrder).Engine.Quantity.Lots);
        // 6 lots left: −539.60 + 6 × 90.40 = 2.80 > MM 2.712, healthy again: the liquidation ends.
        Assert.Single(second, e => e.Type == ExchangeEventType.LiquidationFinished);
        Assert.Equal(6, d.Account(Trader).Lots);
        Assert.False(d.Account(Trader).InLiquidation);
        d.AssertConserved();
    }

    [Fact]
    public void Small_positions_close_in_one_order()
    {
        var d = Create(Sliced with { SliceThreshold = 100_000m });
        TwoBids(d);
        Assert.Equal(10, Assert.Single(d.Mark(9_040), e => e.Type == ExchangeEventType.LiquidationOrder).Engine.Quantity.Lots);
    }

    [Fact]
    public void A_per_interval_notional_cap_defers_the_rest_to_the_next_interval()
    {
        var d = Create(Sliced with { SliceFraction = 1m, CooldownSeconds = 0.5m, MaxNotionalPerInterval = 200m, CapIntervalSeconds = 1m });
        d.Limit(Maker, Side.Buy, 9_010, 10);
        var first = d.Mark(9_040);
        Assert.Equal(2, Assert.Single(first, e => e.Type == ExchangeEventType.LiquidationOrder).Engine.Quantity.Lots); // ⌊200 / 90.40⌋
        Assert.Equal(1_500_000_000, Assert.Single(first, e => e.Type == ExchangeEventType.LiquidationDeferred).Amount);

        // After the cool-down the interval [1 s, 2 s) has no room left: wait for the next one.
        var capped = d.Advance(0.5m);
        Assert.DoesNotContain(capped, e => e.Type == ExchangeEventType.LiquidationOrder);
        Assert.Equal(2_000_000_000, Assert.Single(capped, e => e.Type == ExchangeEventType.LiquidationDeferred).Amount);
        Assert.Equal(2, Assert.Single(d.Advance(0.5m), e => e.Type == ExchangeEventType.LiquidationOrder).Engine.Quantity.Lots);
        d.AssertConserved();
    }

    [Fact]
    public void A_bankrupt_account_goes_to_the_insurance_fund_at_once()
    {
        var d = Create(Sliced, tweak: o => o with { LiquidationEngine = new LiquidationEngineOptions { MaxPerInterval = 0 } });
        d.Limit(Maker, Side.Buy, 8_800, 10);
        var events = d.Mark(8_900);
        Assert.Single(events, e => e.Type == ExchangeEventType.Takeover);
        Assert.Equal(0, d.Account(Trader).Lots);
        d.AssertConserved();
    }
}
