namespace Microstructure.Engine.Tests.Matching;

public sealed class StopOrderTests
{
    [Fact]
    public void Buy_stop_market_triggers_when_last_trade_reaches_the_stop_and_runs_after_the_trigger_command()
    {
        var h = new EngineHarness();
        h.Limit(1, Side.Sell, 100, 2, account: 2);
        h.Limit(2, Side.Sell, 101, 5, account: 2);
        Assert.Equal(new[] { "Accepted 10 Buy px=0 q=3" }, h.Stop(10, Side.Buy, 100, 3));
        Assert.Equal(3, h.Engine.OrderCount);
        Assert.True(h.Engine.TryGetOrder(new OrderId(10), out var view));
        Assert.True(view.IsPendingStop);
        Assert.Equal(
            new[]
            {
                "Accepted 11 Buy px=0 q=2",
                "Trade 11<-1 Buy px=100 q=2 rem=0 mrem=0",
                "StopTriggered 10 q=3",
                "Trade 10<-2 Buy px=101 q=3 rem=0 mrem=2",
                "Top 0x0 101x2",
            },
            h.Market(11, Side.Buy, 2, account: 3));
        Assert.Equal(
            new[] { "Accepted 12 Buy px=0 q=1", "StopTriggered 12 q=1", "Trade 12<-2 Buy px=101 q=1 rem=0 mrem=1", "Top 0x0 101x1" },
            h.Stop(12, Side.Buy, 101, 1));
        Assert.Equal(1, h.Engine.OrderCount);
    }

    [Fact]
    public void Sell_stops_cascade_highest_stop_first()
    {
        var h = new EngineHarness();
        h.Limit(1, Side.Buy, 100, 1, account: 2);
        h.Limit(2, Side.Buy, 99, 5, account: 2);
        h.Limit(3, Side.Buy, 98, 5, account: 2);
        h.Limit(5, Side.Sell, 101, 1, account: 2);
        h.Market(6, Side.Buy, 1, account: 3);
        Assert.Equal(new Price(101), h.Engine.LastTradePrice);
        Assert.Equal(new[] { "Accepted 20 Sell px=99 q=3" }, h.Stop(20, Side.Sell, 99, 3, limit: 99));
        Assert.Equal(new[] { "Accepted 21 Sell px=0 q=2" }, h.Stop(21, Side.Sell, 100, 2));
        Assert.Equal(
            new[]
            {
                "Accepted 7 Sell px=0 q=1",
                "Trade 7<-1 Sell px=100 q=1 rem=0 mrem=0",
                "StopTriggered 21 q=2",
                "Trade 21<-2 Sell px=99 q=2 rem=0 mrem=3",
                "StopTriggered 20 q=3",
                "Trade 20<-2 Sell px=99 q=3 rem=0 mrem=0",
                "Top 98x5 0x0",
            },
            h.Market(7, Side.Sell, 1, account: 3));
    }

    [Fact]
    public void Triggered_stop_limit_rests_its_remainder_at_the_limit()
    {
        var h = new EngineHarness();
        h.Limit(1, Side.Sell, 100, 1, account: 2);
        h.Limit(2, Side.Sell, 103, 1, account: 2);
        Assert.Equal(new[] { "Accepted 20 Buy px=101 q=4" }, h.Stop(20, Side.Buy, 100, 4, limit: 101));
        Assert.Equal(
            new[] { "Accepted 3 Buy px=0 q=1", "Trade 3<-1 Buy px=100 q=1 rem=0 mrem=0", "StopTriggered 20 q=4", "Top 101x4 103x1" },
            h.Market(3, Side.Buy, 1, account: 3));
        Assert.True(h.Engine.TryGetOrder(new OrderId(20), out var view));
        Assert.False(view.IsPendingStop);
        Assert.Equal(new Quantity(4), view.VisibleQuantity);
    }

    [Fact]
    public void Stop_never_triggers_before_the_first_trade_and_can_be_cancelled_and_reduced_but_not_amended()
    {
        var h = new EngineHarness();
        Assert.Equal(new[] { "Accepted 20 Sell px=0 q=4" }, h.Stop(20, Side.Sell, 500, 4));
        Assert.Equal(new[] { "Amended 20 px=0 q=3" }, h.Reduce(20, 1));
        Assert.Equal(new[] { "Rejected 20 InvalidOrder" }, h.Amend(20, 100, 1));
        Assert.Equal(new[] { "Cancelled 20 UserRequested q=3 rem=0" }, h.Cancel(20));
        Assert.Equal(0, h.Engine.OrderCount);
    }

    [Fact]
    public void Triggered_fok_stop_that_cannot_fill_is_cancelled_as_expired()
    {
        var h = new EngineHarness();
        h.Limit(1, Side.Sell, 100, 1, account: 2);
        h.Limit(2, Side.Sell, 101, 1, account: 2);
        h.Stop(20, Side.Buy, 100, 5, tif: TimeInForce.Fok);
        Assert.Equal(
            new[]
            {
                "Accepted 3 Buy px=0 q=1",
                "Trade 3<-1 Buy px=100 q=1 rem=0 mrem=0",
                "StopTriggered 20 q=5",
                "Cancelled 20 Expired q=5 rem=0",
                "Top 0x0 101x1",
            },
            h.Market(3, Side.Buy, 1, account: 3));
    }
}
