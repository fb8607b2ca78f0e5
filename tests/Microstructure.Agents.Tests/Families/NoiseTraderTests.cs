using Microstructure.Agents.Families;
using Microstructure.Agents.Randomness;
using Microstructure.Agents.Tests.TestSupport;

namespace Microstructure.Agents.Tests.Families;

public class NoiseTraderTests
{
    [Fact]
    public void Start_deposits_sets_leverage_and_schedules_a_wake()
    {
        var options = new NoiseTraderOptions { Leverage = 3 };
        var agent = new NoiseTrader(TestMarket.Setup(), options, TestMarket.Cash(1_000));
        var context = new FakeContext();
        agent.Start(context);
        Assert.Equal(TestMarket.Cash(1_000), Assert.Single(context.OfType(ExchangeCommandType.Deposit)).Amount);
        Assert.Equal(3, Assert.Single(context.OfType(ExchangeCommandType.SetLeverage)).Amount);
        Assert.True(context.Wake > 0);
    }

    [Fact]
    public void Limit_buys_rest_below_the_mid_and_sells_above_it_by_the_drawn_offset()
    {
        var options = new NoiseTraderOptions { LimitRate = 1, MarketRate = 0, CancelRate = 0, LimitOffsetTicks = ValueDistribution.Uniform(3, 10), MaxOpenOrders = 10_000 };
        var agent = new NoiseTrader(TestMarket.Setup(), options, 0);
        var context = new FakeContext { Market = TestMarket.Quotes(499_990, 500_010) };
        for (int i = 0; i < 400; i++)
        {
            agent.OnWake(context);
        }

        var places = context.Places.ToList();
        Assert.Equal(400, places.Count);
        Assert.All(places, o => Assert.Equal(OrderType.Limit, o.OrderType));
        Assert.All(places.Where(o => o.Side == Side.Buy), o => Assert.InRange(o.Price.Ticks, 500_000 - 10, 500_000 - 3));
        Assert.All(places.Where(o => o.Side == Side.Sell), o => Assert.InRange(o.Price.Ticks, 500_000 + 3, 500_000 + 10));
        Assert.InRange(places.Count(o => o.Side == Side.Buy), 150, 250);
    }

    [Fact]
    public void At_its_position_limit_it_only_trades_to_reduce()
    {
        var options = new NoiseTraderOptions { LimitRate = 0, MarketRate = 1, MaxPosition = 5 };
        var agent = new NoiseTrader(TestMarket.Setup(), options, 0);
        var context = new FakeContext { Market = TestMarket.Quotes(499_990, 500_010) };
        context.Deliver(agent, Events.Trade(7, 1, 9, 2, Side.Buy, 500_000, 5));
        for (int i = 0; i < 50; i++)
        {
            agent.OnWake(context);
        }

        Assert.All(context.Places, o => Assert.Equal(Side.Sell, o.Side));
    }

    [Fact]
    public void Cancellations_name_its_own_live_orders_at_a_rate_per_resting_order()
    {
        var options = new NoiseTraderOptions { LimitRate = 1, MarketRate = 0, CancelRate = 1_000, MaxOpenOrders = 100 };
        var agent = new NoiseTrader(TestMarket.Setup(), options, 0);
        var context = new FakeContext { Market = TestMarket.Quotes(499_990, 500_010) };
        agent.OnWake(context); // no resting order yet: the only action possible is a limit order
        var placed = Assert.Single(context.Places);
        context.AcceptAll(agent);
        context.Clear();
        agent.OnWake(context); // one live order with a huge cancel rate: it is cancelled
        Assert.Equal(placed.OrderId, Assert.Single(context.Cancels).OrderId);
        Assert.Equal(1, agent.Cancellations);
    }

    [Fact]
    public void With_no_price_known_it_does_nothing_but_wakes_again()
    {
        var agent = new NoiseTrader(TestMarket.Setup(), new NoiseTraderOptions(), 0);
        var context = new FakeContext { Market = default, Now = 5 };
        agent.OnWake(context);
        Assert.Empty(context.Sent);
        Assert.True(context.Wake > 5);
    }

    [Fact]
    public void Activity_feedback_raises_the_order_rate_when_short_term_volatility_jumps()
    {
        static double MeanWait(double shortVol)
        {
            var options = new NoiseTraderOptions { LimitRate = 1, MarketRate = 0, CancelRate = 0, ActivityFeedback = 1, MaxActivityMultiplier = 5, MaxOpenOrders = 100_000 };
            var agent = new NoiseTrader(TestMarket.Setup(), options, 0);
            var context = new FakeContext { Market = TestMarket.Quotes(499_990, 500_010, shortVol: shortVol, longVol: 0.001) };
            double total = 0;
            for (int i = 0; i < 2_000; i++)
            {
                agent.OnWake(context);
                total += context.Wake!.Value - context.Now;
            }

            return total / 2_000;
        }

        Assert.InRange(MeanWait(0.003) / MeanWait(0.001), 0.25, 0.42); // multiplier 3 at triple the volatility
    }
}
