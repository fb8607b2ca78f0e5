using Microstructure.Agents.Families;
using Microstructure.Agents.Randomness;
using Microstructure.Agents.Tests.TestSupport;

namespace Microstructure.Agents.Tests.Families;

public class LeveragedTraderTests
{
    private const long Me = 7;

    private static readonly LeveragedTraderOptions Options = new()
    {
        Leverage = ValueDistribution.Fixed(10),
        LongProbability = 1,
        EntryStartSeconds = 1,
        EntryEndSeconds = 1,
        StopProbability = 0,
        CoolDownSeconds = ValueDistribution.Fixed(30),
        TopUpProbability = 0,
        MinEquity = 10,
    };

    [Fact]
    public void It_enters_at_its_entry_time_with_notional_equal_to_leverage_times_equity()
    {
        var (agent, context) = Started(Options);
        Assert.Equal(1_000_000_000, context.Wake);
        context.Clear();
        context.Now = 1_000_000_000;
        agent.OnWake(context);
        var entry = Assert.Single(context.Places);
        Assert.Equal((Side.Buy, OrderType.Market), (entry.Side, entry.OrderType));
        // 10,000 quote × 10 at 50,001 → 1,999 lots of 0.001 (rounded down)
        Assert.Equal(1_999, entry.Quantity.Lots);
        long leverageSet = Assert.Single(context.OfType(ExchangeCommandType.SetLeverage)).Amount;
        Assert.Equal(13, leverageSet); // ⌈10 × 1.25⌉: headroom for the exchange's initial-margin check
        Assert.Equal(LeveragedPhase.Opening, agent.Phase);
    }

    [Fact]
    public void A_refused_entry_is_retried_at_half_the_size()
    {
        var (agent, context) = Opened(Options, fill: false);
        long first = context.Places.Single().OrderId.Value;
        context.Clear();
        context.Deliver(agent, Events.RiskRejected(Me, first));
        Assert.Equal(1_999 / 2, Assert.Single(context.Places).Quantity.Lots);
    }

    [Fact]
    public void After_its_entry_fills_it_protects_the_position_with_a_reduce_only_stop_when_the_round_has_one()
    {
        var (agent, context) = Opened(Options with { StopProbability = 1, StopDistance = ValueDistribution.Fixed(0.02) }, fill: true);
        Assert.Equal(LeveragedPhase.Open, agent.Phase);
        var stop = Assert.Single(context.Places, o => o.OrderType == OrderType.StopMarket);
        Assert.Equal((Side.Sell, 490_000L, 1_999L, OrderFlags.ReduceOnly), (stop.Side, stop.StopPrice.Ticks, stop.Quantity.Lots, stop.Flags));
    }

    [Fact]
    public void After_a_liquidation_it_cools_down_then_re_levers_with_what_is_left()
    {
        var (agent, context) = Opened(Options, fill: true);
        context.Clear();
        context.Now = 50_000_000_000;
        context.Deliver(agent, Events.Triggered(Me, 4));
        context.Deliver(agent, Events.Takeover(Me, 100, Side.Sell, 1_999, 460_000));
        Assert.Equal(LeveragedPhase.Open, agent.Phase); // still in liquidation until it finishes
        context.Deliver(agent, Events.Finished(Me, 4, 0, TestMarket.Cash(2_000)));
        Assert.Equal(LeveragedPhase.CoolingDown, agent.Phase);
        Assert.Equal(80_000_000_000, context.Wake); // the 30 s cool-down
        context.Clear();
        context.Now = 80_000_000_000;
        context.Market = TestMarket.Quotes(459_990, 460_010);
        agent.OnWake(context);
        var again = Assert.Single(context.Places);
        Assert.Equal(Side.Buy, again.Side);
        Assert.Equal(434, again.Quantity.Lots); // 2,000 × 10 / 46,001 → 434 lots: re-levered with what was left
        Assert.Equal(1, agent.ReLeversAfterLiquidation);
        Assert.Equal(2, agent.Rounds);
    }

    [Fact]
    public void With_a_top_up_it_re_levers_with_fresh_money_and_without_equity_it_retires()
    {
        var (agent, context) = Opened(Options with { TopUpProbability = 1, TopUpFraction = 0.5 }, fill: true);
        context.Deliver(agent, Events.Triggered(Me, 4));
        context.Deliver(agent, Events.Takeover(Me, 100, Side.Sell, 1_999, 460_000));
        context.Deliver(agent, Events.Finished(Me, 4, 0, 0));
        context.Clear();
        agent.OnWake(context);
        Assert.Equal(TestMarket.Cash(5_000), Assert.Single(context.OfType(ExchangeCommandType.Deposit)).Amount);
        Assert.Single(context.Places);

        var (broke, brokeContext) = Opened(Options, fill: true);
        brokeContext.Deliver(broke, Events.Triggered(Me, 5));
        brokeContext.Deliver(broke, Events.Takeover(Me, 100, Side.Sell, 1_999, 460_000));
        brokeContext.Deliver(broke, Events.Finished(Me, 5, 0, 0));
        brokeContext.Clear();
        broke.OnWake(brokeContext);
        Assert.Empty(brokeContext.Places);
        Assert.Equal(LeveragedPhase.Retired, broke.Phase);
    }

    [Fact]
    public void Its_own_stop_closing_the_position_counts_and_is_followed_by_a_cool_down()
    {
        var (agent, context) = Opened(Options with { StopProbability = 1, StopDistance = ValueDistribution.Fixed(0.02) }, fill: true);
        long stop = context.Places.Single(o => o.OrderType == OrderType.StopMarket).OrderId.Value;
        context.AcceptAll(agent);
        context.Deliver(agent, Events.Trade(Me, stop, 9, 3, Side.Sell, 489_000, 1_999));
        Assert.Equal(1, agent.StopsHit);
        Assert.Equal(LeveragedPhase.CoolingDown, agent.Phase);
    }

    private static (LeveragedTrader Agent, FakeContext Context) Started(LeveragedTraderOptions options)
    {
        var agent = new LeveragedTrader(TestMarket.Setup(Me), options, TestMarket.Cash(10_000));
        var context = new FakeContext { Market = TestMarket.Quotes(499_990, 500_010) };
        agent.Start(context);
        return (agent, context);
    }

    private static (LeveragedTrader Agent, FakeContext Context) Opened(LeveragedTraderOptions options, bool fill)
    {
        var (agent, context) = Started(options);
        context.Clear();
        context.Now = 1_000_000_000;
        agent.OnWake(context);
        var entry = context.Places.Single();
        context.AcceptAll(agent);
        if (fill)
        {
            context.Deliver(agent, Events.Trade(Me, entry.OrderId.Value, 9, 1, Side.Buy, 500_000, entry.Quantity.Lots));
        }

        return (agent, context);
    }
}
