namespace Microstructure.Engine.Tests.Matching;

public sealed class SelfTradePreventionTests
{
    private static EngineHarness BookWithOwnOrderFirst()
    {
        var h = new EngineHarness();
        h.Limit(1, Side.Sell, 100, 5, account: 7);
        h.Limit(2, Side.Sell, 100, 5, account: 8);
        return h;
    }

    [Fact]
    public void None_lets_the_account_trade_with_itself()
    {
        var h = BookWithOwnOrderFirst();
        Assert.Equal(
            new[]
            {
                "Accepted 3 Buy px=100 q=8",
                "Trade 3<-1 Buy px=100 q=5 rem=3 mrem=0",
                "Trade 3<-2 Buy px=100 q=3 rem=0 mrem=2",
                "Top 0x0 100x2",
            },
            h.Limit(3, Side.Buy, 100, 8, account: 7));
    }

    [Fact]
    public void CancelNewest_cancels_the_incoming_remainder_and_keeps_the_resting_order()
    {
        var h = BookWithOwnOrderFirst();
        Assert.Equal(
            new[] { "Accepted 3 Buy px=100 q=8", "Cancelled 3 SelfTradePrevention q=8 rem=0" },
            h.Limit(3, Side.Buy, 100, 8, account: 7, stp: SelfTradePrevention.CancelNewest));
        Assert.Equal(2, h.Engine.OrderCount);
    }

    [Fact]
    public void CancelOldest_cancels_the_resting_order_and_keeps_matching()
    {
        var h = BookWithOwnOrderFirst();
        Assert.Equal(
            new[]
            {
                "Accepted 3 Buy px=100 q=8",
                "Cancelled 1 SelfTradePrevention q=5 rem=0",
                "Trade 3<-2 Buy px=100 q=5 rem=3 mrem=0",
                "Top 100x3 0x0",
            },
            h.Limit(3, Side.Buy, 100, 8, account: 7, stp: SelfTradePrevention.CancelOldest));
    }

    [Fact]
    public void CancelBoth_cancels_resting_then_incoming()
    {
        var h = BookWithOwnOrderFirst();
        Assert.Equal(
            new[]
            {
                "Accepted 3 Buy px=100 q=8",
                "Cancelled 1 SelfTradePrevention q=5 rem=0",
                "Cancelled 3 SelfTradePrevention q=8 rem=0",
                "Top 0x0 100x5",
            },
            h.Limit(3, Side.Buy, 100, 8, account: 7, stp: SelfTradePrevention.CancelBoth));
    }

    [Fact]
    public void Decrement_removes_the_smaller_quantity_from_both_without_a_trade()
    {
        var h = BookWithOwnOrderFirst();
        Assert.Equal(
            new[]
            {
                "Accepted 3 Buy px=100 q=8",
                "Cancelled 1 SelfTradePrevention q=5 rem=0",
                "Cancelled 3 SelfTradePrevention q=5 rem=3",
                "Trade 3<-2 Buy px=100 q=3 rem=0 mrem=2",
                "Top 0x0 100x2",
            },
            h.Limit(3, Side.Buy, 100, 8, account: 7, stp: SelfTradePrevention.Decrement));
    }

    [Fact]
    public void Decrement_of_a_larger_resting_order_keeps_its_priority()
    {
        var h = BookWithOwnOrderFirst();
        Assert.Equal(
            new[]
            {
                "Accepted 3 Buy px=100 q=3",
                "Cancelled 1 SelfTradePrevention q=3 rem=2",
                "Cancelled 3 SelfTradePrevention q=3 rem=0",
                "Top 0x0 100x7",
            },
            h.Limit(3, Side.Buy, 100, 3, account: 7, stp: SelfTradePrevention.Decrement));
        Assert.Equal(new[] { new OrderId(1), new OrderId(2) }, h.Queue(Side.Sell));
    }

    [Fact]
    public void Fok_with_CancelNewest_counts_only_liquidity_ahead_of_the_own_order()
    {
        var h = new EngineHarness();
        h.Limit(1, Side.Sell, 100, 4, account: 8);
        h.Limit(2, Side.Sell, 100, 5, account: 7);
        h.Limit(3, Side.Sell, 100, 5, account: 8);
        Assert.Equal(
            new[] { "Rejected 4 FokNotFillable" },
            h.Limit(4, Side.Buy, 100, 5, account: 7, tif: TimeInForce.Fok, stp: SelfTradePrevention.CancelNewest));
        Assert.Equal(
            new[]
            {
                "Accepted 4 Buy px=100 q=9",
                "Trade 4<-1 Buy px=100 q=4 rem=5 mrem=0",
                "Cancelled 2 SelfTradePrevention q=5 rem=0",
                "Trade 4<-3 Buy px=100 q=5 rem=0 mrem=0",
                "Top 0x0 0x0",
            },
            h.Limit(4, Side.Buy, 100, 9, account: 7, tif: TimeInForce.Fok, stp: SelfTradePrevention.CancelOldest));
    }
}
