using Microstructure.Agents.Families;
using Microstructure.Agents.Tests.TestSupport;

namespace Microstructure.Agents.Tests.Families;

public class FundamentalTraderTests
{
    private static readonly FundamentalTraderOptions Options = new() { Threshold = 0.002, LotsPerPercent = 100, MaxOrder = 1_000, MaxPosition = 60 };

    [Fact]
    public void Below_the_index_beyond_the_threshold_it_buys_with_an_ioc_limit_at_the_index_sized_by_the_gap()
    {
        var agent = new FundamentalTrader(TestMarket.Setup(), Options, 0);
        var context = new FakeContext { Market = TestMarket.Quotes(494_990, 495_010, index: 500_000) }; // mid 1% below
        agent.OnWake(context);
        var order = Assert.Single(context.Places);
        Assert.Equal(Side.Buy, order.Side);
        Assert.Equal(TimeInForce.Ioc, order.TimeInForce);
        Assert.Equal(500_000, order.Price.Ticks);
        Assert.Equal(60, order.Quantity.Lots); // ln(1/0.99) − 0.2% ≈ 0.805% → 81 lots, capped by the position limit
    }

    [Fact]
    public void Above_the_index_it_sells_and_within_the_threshold_it_does_nothing()
    {
        var agent = new FundamentalTrader(TestMarket.Setup(), Options, 0);
        var context = new FakeContext { Market = TestMarket.Quotes(502_990, 503_010, index: 500_000) };
        agent.OnWake(context);
        Assert.Equal(Side.Sell, Assert.Single(context.Places).Side);
        context.Clear();
        context.Market = TestMarket.Quotes(500_490, 500_510, index: 500_000); // 10 bp: inside the threshold
        agent.OnWake(context);
        Assert.Empty(context.Places);
    }
}
