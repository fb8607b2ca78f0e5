using Microstructure.Risk.Processing;
using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Tests.TestSupport;
using static Microstructure.Risk.Tests.TestSupport.LongPositionScenario;

namespace Microstructure.Risk.Tests.Liquidation;

public class TieredPartialDesignTests
{
    // Two brackets: ≤ $500 at 0.5% (cum 0), above at 1% (cum $2.50). The $1,000 position sits in the upper one.
    private static readonly BracketTable TwoTiers = new([new(500m, 100, 0.005m), new(1_000_000_000m, 50, 0.01m)]);

    private static readonly TieredPartialOptions NoFee = new() { ClearanceFeeRate = 0m };

    [Fact]
    public void Reduces_to_the_next_lower_bracket_with_an_ioc_at_the_bankruptcy_price_and_stops_when_healthy()
    {
        var d = Create(NoFee, brackets: TwoTiers);
        TwoBids(d);
        // −900 + N ≤ 0.01 N − 2.5 ⇔ mark ≤ 90.65; at 90.60 equity 6 < MM 6.56.
        var events = d.Mark(9_060);

        var order = Assert.Single(events, e => e.Type == ExchangeEventType.LiquidationOrder);
        Assert.Equal(5, order.Engine.Quantity.Lots);           // ⌈(906 − 500) / 90.60⌉
        Assert.Equal(9_000, order.Engine.Price.Ticks);         // limited at the bankruptcy price
        Assert.DoesNotContain(events, e => e.Type == ExchangeEventType.Takeover);
        var finished = Assert.Single(events, e => e.Type == ExchangeEventType.LiquidationFinished);
        Assert.Equal(5, finished.PositionLots);
        Assert.Equal(5, d.Account(Trader).Lots);
        Assert.False(d.Exchange.IsBreachedForTest(Trader));
        d.AssertConserved();
    }

    [Fact]
    public void Takes_over_at_the_bankruptcy_price_when_the_reduction_cannot_fill()
    {
        var d = Create(NoFee, brackets: TwoTiers, tweak: Venue);
        d.Limit(Maker, Side.Buy, 8_900, 10);
        var events = d.Mark(9_060);
        var orders = events.Where(e => e.Type == ExchangeEventType.LiquidationOrder && e.Engine.AccountId == Trader).ToList();
        Assert.Equal(5, orders[0].Engine.Quantity.Lots); // the reduction to the lower bracket…
        Assert.Equal(10, orders[1].Engine.Quantity.Lots); // …then the fund path's IOC at bankruptcy for the rest
        Assert.All(orders, o => Assert.Equal(9_000, o.Engine.Price.Ticks));
        var takeover = Assert.Single(events, e => e.Type == ExchangeEventType.Takeover);
        Assert.Equal(10, takeover.Engine.Quantity.Lots);
        Assert.Equal(9_000, takeover.Engine.Price.Ticks);
        Assert.Equal(0, d.Account(Trader).Lots);
        Assert.Equal(10, d.Account(d.Exchange.InsuranceFundAccountId).Lots); // the fund holds it
        Assert.Equal(Driver.Usd(1_000m + 6m), d.Exchange.InsuranceFundEquity); // 10 × (90.60 − 90.00) at the mark
        d.AssertConserved();
    }

    [Fact]
    public void In_the_lowest_bracket_it_goes_straight_to_the_fund_path()
    {
        var d = Create(NoFee, tweak: Venue);
        TwoBids(d);
        var events = d.Mark(9_040);
        var order = Assert.Single(events, e => e.Type == ExchangeEventType.LiquidationOrder && e.Engine.AccountId == Trader);
        Assert.Equal(10, order.Engine.Quantity.Lots); // no reduction step: the whole position at bankruptcy
        Assert.Equal(5, Assert.Single(events, e => e.Type == ExchangeEventType.Takeover).Engine.Quantity.Lots);
        d.AssertConserved();
    }

    private static ExchangeOptions Venue(ExchangeOptions o) => o with { LiquidationEngine = new LiquidationEngineOptions { MaxPerInterval = 0 } };
}
