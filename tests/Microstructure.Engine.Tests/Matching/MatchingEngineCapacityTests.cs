namespace Microstructure.Engine.Tests.Matching;

/// <summary>A price-level pool smaller than the order pool: commands that would need a level are refused up front.</summary>
public sealed class MatchingEngineCapacityTests
{
    [Fact]
    public void A_limit_order_at_a_new_price_is_refused_when_no_level_is_free_but_joins_an_existing_level()
    {
        var h = new EngineHarness(maxOrders: 8, maxPriceLevels: 2);
        h.Limit(1, Side.Buy, 100, 1);
        h.Limit(2, Side.Sell, 105, 1, account: 2);

        Assert.Equal(new[] { "Rejected 3 BookFull" }, h.Limit(3, Side.Buy, 99, 1));
        Assert.Equal(new[] { "Accepted 3 Buy px=100 q=1", "Top 100x2 105x1" }, h.Limit(3, Side.Buy, 100, 1));

        // An IOC never rests, so it needs no level.
        Assert.Equal(new[] { "Accepted 4 Buy px=104 q=1", "Cancelled 4 Expired q=1 rem=0" }, h.Limit(4, Side.Buy, 104, 1, tif: TimeInForce.Ioc));
    }

    [Fact]
    public void An_amend_to_a_new_price_is_refused_when_no_level_is_free_unless_the_order_frees_its_own()
    {
        var h = new EngineHarness(maxOrders: 8, maxPriceLevels: 2);
        h.Limit(1, Side.Buy, 100, 1);
        h.Limit(2, Side.Buy, 100, 1);
        h.Limit(3, Side.Sell, 105, 1, account: 2);

        Assert.Equal(new[] { "Rejected 1 BookFull" }, h.Amend(1, 99, 1));
        Assert.Equal(new[] { 1L, 2 }, h.Queue(Side.Buy).Select(id => id.Value));

        // The ask is alone at 105: moving it frees that level for its new price.
        Assert.Equal(new[] { "Amended 3 px=106 q=1", "Top 100x2 106x1" }, h.Amend(3, 106, 1, account: 2));
    }

    [Fact]
    public void A_triggered_stop_limit_that_cannot_rest_is_cancelled_with_book_full()
    {
        var h = new EngineHarness(maxOrders: 8, maxPriceLevels: 2);
        h.Limit(1, Side.Sell, 101, 2, account: 2);
        h.Limit(2, Side.Buy, 98, 1, account: 3);
        h.Stop(3, Side.Buy, stop: 101, qty: 2, limit: 99);

        // A partial fill at 101 keeps both levels in use; the stop triggers and its limit at 99 finds no free level.
        Assert.Equal(
            new[]
            {
                "Accepted 4 Buy px=101 q=1", "Trade 4<-1 Buy px=101 q=1 rem=0 mrem=1",
                "StopTriggered 3 q=2", "Cancelled 3 BookFull q=2 rem=0", "Top 98x1 101x1",
            },
            h.Limit(4, Side.Buy, 101, 1, account: 4, tif: TimeInForce.Ioc));
        Assert.False(h.Engine.TryGetOrder(new OrderId(3), out _));
    }
}
