using Microstructure.Agents.Families;
using Microstructure.Agents.Tests.TestSupport;

namespace Microstructure.Agents.Tests.Families;

public class MomentumTraderTests
{
    [Fact]
    public void After_a_rise_the_fast_average_leads_and_it_buys_after_a_fall_it_sells()
    {
        var options = new MomentumTraderOptions { FastSeconds = 5, SlowSeconds = 60, Threshold = 0.0005 };
        var agent = new MomentumTrader(TestMarket.Setup(), options, 0);
        var context = new FakeContext();
        long price = 500_000;
        for (int second = 0; second < 30; second++)
        {
            context.Market = TestMarket.Quotes(price - 10, price + 10) with { TimeNs = second * 1_000_000_000L };
            agent.OnWake(context);
            price += 200; // +4 bp a second
        }

        Assert.True(agent.Signal > 0.0005);
        Assert.All(context.Places, o => Assert.Equal(Side.Buy, o.Side));
        Assert.NotEmpty(context.Places);
        context.Clear();
        for (int second = 30; second < 90; second++)
        {
            context.Market = TestMarket.Quotes(price - 10, price + 10) with { TimeNs = second * 1_000_000_000L };
            agent.OnWake(context);
            price -= 300;
        }

        Assert.True(agent.Signal < -0.0005);
        Assert.Contains(context.Places, o => o.Side == Side.Sell);
    }

    [Fact]
    public void A_flat_market_gives_no_signal_and_no_order()
    {
        var agent = new MomentumTrader(TestMarket.Setup(), new MomentumTraderOptions(), 0);
        var context = new FakeContext();
        for (int second = 0; second < 60; second++)
        {
            context.Market = TestMarket.Quotes(499_990, 500_010) with { TimeNs = second * 1_000_000_000L };
            agent.OnWake(context);
        }

        Assert.Empty(context.Places);
        Assert.Equal(0, agent.Signal);
    }
}
