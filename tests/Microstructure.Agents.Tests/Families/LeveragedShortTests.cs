using Microstructure.Agents.Families;
using Microstructure.Agents.Randomness;
using Microstructure.Agents.Tests.TestSupport;

namespace Microstructure.Agents.Tests.Families;

/// <summary>Leveraged shorts end to end, and the crowd's long/short skew.</summary>
public class LeveragedShortTests
{
    private const long Me = 7;

    private static readonly LeveragedTraderOptions Shorts = new()
    {
        Leverage = ValueDistribution.Fixed(10),
        LongProbability = 0,
        EntryStartSeconds = 1,
        EntryEndSeconds = 1,
        StopProbability = 0,
        CoolDownSeconds = ValueDistribution.Fixed(30),
        TopUpProbability = 0,
    };

    [Fact]
    public void A_short_enters_by_market_sell_sized_at_the_bid_and_protects_itself_with_a_buy_stop_above()
    {
        var (agent, context) = Opened(Shorts with { StopProbability = 1, StopDistance = ValueDistribution.Fixed(0.02) });
        var entry = context.Places.First();
        Assert.Equal((Side.Sell, OrderType.Market), (entry.Side, entry.OrderType));
        Assert.Equal(2_000, entry.Quantity.Lots); // 10,000 × 10 at the bid 49,999 → 2,000 lots (sized at the price it sells at)
        Assert.Equal(-2_000, agent.Account.Position);
        var stop = Assert.Single(context.Places, o => o.OrderType == OrderType.StopMarket);
        Assert.Equal((Side.Buy, 510_000L, 2_000L, OrderFlags.ReduceOnly), (stop.Side, stop.StopPrice.Ticks, stop.Quantity.Lots, stop.Flags));
    }

    [Fact]
    public void A_liquidated_short_cools_down_and_re_levers_short_with_what_is_left()
    {
        var (agent, context) = Opened(Shorts);
        context.Clear();
        context.Now = 50_000_000_000;
        context.Deliver(agent, Events.Triggered(Me, 4));
        context.Deliver(agent, Events.Takeover(Me, 100, Side.Buy, 2_000, 540_000)); // the exchange buys the short back
        Assert.Equal(0, agent.Account.Position);
        context.Deliver(agent, Events.Finished(Me, 4, 0, TestMarket.Cash(1_500)));
        Assert.Equal(LeveragedPhase.CoolingDown, agent.Phase);
        context.Clear();
        context.Now = 80_000_000_000;
        context.Market = TestMarket.Quotes(539_990, 540_010);
        agent.OnWake(context);
        var again = Assert.Single(context.Places);
        Assert.Equal((Side.Sell, 277L), (again.Side, again.Quantity.Lots)); // 1,500 × 10 / 53,999 → 277 lots
        Assert.Equal(1, agent.ReLeversAfterLiquidation);
    }

    [Fact]
    public void A_partially_liquidated_short_keeps_a_buy_stop_on_what_is_left_and_its_own_exit_buys_back()
    {
        var options = Shorts with { StopProbability = 1, StopDistance = ValueDistribution.Fixed(0.02), HoldSeconds = ValueDistribution.Fixed(100) };
        var (agent, context) = Opened(options);
        context.AcceptAll(agent);
        context.Clear();
        context.Deliver(agent, Events.Triggered(Me, 4));
        context.Deliver(agent, Events.Takeover(Me, 100, Side.Buy, 500, 505_000));
        context.Deliver(agent, Events.Finished(Me, 4, -1_500, TestMarket.Cash(8_000)));
        var stop = Assert.Single(context.Places, o => o.OrderType == OrderType.StopMarket);
        Assert.Equal((Side.Buy, 1_500L), (stop.Side, stop.Quantity.Lots));

        context.Clear();
        agent.OnWake(context); // holding time over: close by a reduce-only market buy
        var exit = Assert.Single(context.Places);
        Assert.Equal((Side.Buy, OrderType.Market, 1_500L, OrderFlags.ReduceOnly), (exit.Side, exit.OrderType, exit.Quantity.Lots, exit.Flags));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.3)]
    [InlineData(0.7)]
    public void The_share_of_longs_in_a_crowd_follows_longProbability(double longProbability)
    {
        const int Traders = 2_000;
        int longs = 0;
        for (int i = 0; i < Traders; i++)
        {
            var agent = new LeveragedTrader(TestMarket.Setup(1_000 + i, seed: 5), Shorts with { LongProbability = longProbability }, TestMarket.Cash(10_000));
            var context = new FakeContext { Market = TestMarket.Quotes(499_990, 500_010) };
            agent.Start(context);
            context.Now = 1_000_000_000;
            agent.OnWake(context);
            longs += context.Places.Single().Side == Side.Buy ? 1 : 0;
        }

        double sd = Math.Sqrt(longProbability * (1 - longProbability) / Traders);
        Assert.InRange(longs / (double)Traders, longProbability - (4 * sd) - 1e-9, longProbability + (4 * sd) + 1e-9);
    }

    private static (LeveragedTrader Agent, FakeContext Context) Opened(LeveragedTraderOptions options)
    {
        var agent = new LeveragedTrader(TestMarket.Setup(Me), options, TestMarket.Cash(10_000));
        var context = new FakeContext { Market = TestMarket.Quotes(499_990, 500_010) };
        agent.Start(context);
        context.Clear();
        context.Now = 1_000_000_000;
        agent.OnWake(context);
        var entry = context.Places.Single();
        context.AcceptAll(agent);
        context.Deliver(agent, Events.Trade(Me, entry.OrderId.Value, 9, 1, Side.Sell, 500_000, entry.Quantity.Lots));
        return (agent, context);
    }
}
