using Microstructure.Agents.Families;
using Microstructure.Agents.Tests.TestSupport;

namespace Microstructure.Agents.Tests.Families;

public class LiquidatorTests
{
    private static readonly LiquidatorOptions Options = new() { AuctionDiscount = 0.03, MaxTakeLots = 40, DipDiscount = 0.01, DipLots = 25 };

    [Fact]
    public void It_subscribes_to_auctions_and_liquidations()
    {
        var agent = new Liquidator(TestMarket.Setup(), Options, 0);
        Assert.Equal(AgentSubscriptions.Auctions | AgentSubscriptions.Liquidations, agent.Subscriptions);
    }

    [Fact]
    public void It_takes_a_long_s_auction_only_once_the_price_is_discounted_enough()
    {
        var agent = new Liquidator(TestMarket.Setup(), Options, 0);
        var context = new FakeContext { Market = TestMarket.Quotes(499_990, 500_010) }; // mark 500,000
        context.Deliver(agent, Events.Auction(ExchangeEventType.AuctionStarted, 3, 11, Side.Sell, 600_000, 100));
        context.Deliver(agent, Events.Auction(ExchangeEventType.AuctionStep, 3, 11, Side.Sell, 490_000, 100)); // 2%: not enough
        Assert.Empty(context.Sent);
        context.Deliver(agent, Events.Auction(ExchangeEventType.AuctionStep, 3, 11, Side.Sell, 480_000, 100)); // 4%
        var take = Assert.Single(context.Sent);
        Assert.Equal(ExchangeCommandType.AuctionTake, take.Type);
        Assert.Equal((11L, 40L, 480_000L), (take.Target, take.Amount, take.Price.Ticks));
    }

    [Fact]
    public void It_buys_a_liquidation_dip_below_the_discounted_index_and_ignores_a_shallow_one()
    {
        var agent = new Liquidator(TestMarket.Setup(), Options, 0);
        var liquidationSell = new ExchangeEvent { Type = ExchangeEventType.LiquidationOrder, Engine = { AccountId = 3, Side = Side.Sell } };
        var context = new FakeContext { Market = TestMarket.Quotes(497_990, 498_010, index: 500_000) }; // 0.4% below
        context.Deliver(agent, liquidationSell);
        Assert.Empty(context.Places);
        context.Market = TestMarket.Quotes(489_990, 490_010, index: 500_000); // 2% below
        context.Deliver(agent, liquidationSell);
        var order = Assert.Single(context.Places);
        Assert.Equal((Side.Buy, TimeInForce.Ioc, 495_000L, 25L), (order.Side, order.TimeInForce, order.Price.Ticks, order.Quantity.Lots));
    }

    [Fact]
    public void It_unwinds_what_it_bought_once_the_price_is_back_near_the_index()
    {
        var agent = new Liquidator(TestMarket.Setup(), Options, 0);
        var context = new FakeContext { Market = TestMarket.Quotes(489_990, 490_010, index: 500_000) };
        context.Deliver(agent, Events.Trade(7, 1, 9, 2, Side.Buy, 490_000, 25));
        agent.OnWake(context);
        Assert.Empty(context.Places); // still far below the index, not held long
        context.Market = TestMarket.Quotes(499_990, 500_010, index: 500_000);
        agent.OnWake(context);
        var unwind = Assert.Single(context.Places);
        Assert.Equal((Side.Sell, OrderType.Market, 25L, OrderFlags.ReduceOnly), (unwind.Side, unwind.OrderType, unwind.Quantity.Lots, unwind.Flags));
    }
}
