using Microstructure.Agents.Families;
using Microstructure.Agents.Tests.TestSupport;

namespace Microstructure.Agents.Tests.Families;

public class ShockTraderTests
{
    [Fact]
    public void It_sends_each_scheduled_market_order_at_its_time_and_nothing_else()
    {
        var orders = new[] { new ScheduledOrder(5_000, Side.Sell, 300), new ScheduledOrder(1_000, Side.Buy, 10) };
        var agent = new ShockTrader(TestMarket.Setup(), orders, TestMarket.Cash(1_000_000), 20);
        var context = new FakeContext();
        agent.Start(context);
        Assert.Equal(1_000, context.Wake);
        context.Clear();
        context.Now = 1_000;
        agent.OnWake(context);
        var first = Assert.Single(context.Places);
        Assert.Equal((OrderType.Market, Side.Buy, 10L), (first.OrderType, first.Side, first.Quantity.Lots));
        Assert.Equal(5_000, context.Wake);
        context.Clear();
        context.Now = 5_000;
        agent.OnWake(context);
        Assert.Equal(300, Assert.Single(context.Places).Quantity.Lots);
        Assert.Null(context.Wake);
        Assert.Equal(2, agent.Sent);
    }
}
