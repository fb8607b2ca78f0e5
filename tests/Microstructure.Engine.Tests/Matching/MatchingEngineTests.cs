using Microstructure.Engine.Matching;

namespace Microstructure.Engine.Tests.Matching;

public sealed class MatchingEngineTests
{
    [Fact]
    public void Limit_orders_rest_and_top_of_book_is_reported_only_on_change()
    {
        var h = new EngineHarness();
        Assert.Equal(new[] { "Accepted 1 Buy px=100 q=10", "Top 100x10 0x0" }, h.Limit(1, Side.Buy, 100, 10));
        Assert.Equal(new[] { "Accepted 2 Sell px=105 q=5", "Top 100x10 105x5" }, h.Limit(2, Side.Sell, 105, 5));
        Assert.Equal(new[] { "Accepted 3 Buy px=99 q=7" }, h.Limit(3, Side.Buy, 99, 7));
        Assert.Equal(new Price(100), h.Engine.BestBid);
        Assert.Equal(new Price(105), h.Engine.BestAsk);
        Assert.Equal(3, h.Engine.OrderCount);
    }

    [Fact]
    public void Market_buy_sweeps_two_levels_in_price_time_order()
    {
        var h = new EngineHarness();
        h.Limit(1, Side.Sell, 101, 5, account: 2);
        h.Limit(2, Side.Sell, 101, 3, account: 3);
        h.Limit(3, Side.Sell, 102, 4, account: 2);
        h.Limit(4, Side.Sell, 103, 10, account: 2);
        Assert.Equal(
            new[]
            {
                "Accepted 10 Buy px=0 q=10",
                "Trade 10<-1 Buy px=101 q=5 rem=5 mrem=0",
                "Trade 10<-2 Buy px=101 q=3 rem=2 mrem=0",
                "Trade 10<-3 Buy px=102 q=2 rem=0 mrem=2",
                "Top 0x0 102x2",
            },
            h.Market(10, Side.Buy, 10));
        Assert.Equal(new Price(102), h.Engine.LastTradePrice);
        var trade = h.LastEvents[1];
        Assert.Equal(1L, trade.AccountId);
        Assert.Equal(2L, trade.MakerAccountId);
    }

    [Fact]
    public void Market_order_remainder_expires_and_never_rests()
    {
        var h = new EngineHarness();
        h.Limit(1, Side.Sell, 101, 5, account: 2);
        Assert.Equal(
            new[] { "Accepted 10 Buy px=0 q=8", "Trade 10<-1 Buy px=101 q=5 rem=3 mrem=0", "Cancelled 10 Expired q=3 rem=0", "Top 0x0 0x0" },
            h.Market(10, Side.Buy, 8));
        Assert.Equal(0, h.Engine.OrderCount);
        Assert.Equal(new[] { "Accepted 11 Sell px=0 q=1", "Cancelled 11 Expired q=1 rem=0" }, h.Market(11, Side.Sell, 1));
    }

    [Fact]
    public void Crossing_limit_fills_at_maker_price_and_rests_the_remainder()
    {
        var h = new EngineHarness();
        h.Limit(1, Side.Sell, 101, 5, account: 2);
        Assert.Equal(
            new[] { "Accepted 2 Buy px=102 q=8", "Trade 2<-1 Buy px=101 q=5 rem=3 mrem=0", "Top 102x3 0x0" },
            h.Limit(2, Side.Buy, 102, 8));
        Assert.True(h.Engine.TryGetOrder(new OrderId(2), out var view));
        Assert.Equal(new Quantity(3), view.OpenQuantity);
        Assert.Equal(new Price(102), view.Price);
    }

    [Fact]
    public void Ioc_fills_what_crosses_and_cancels_the_rest()
    {
        var h = new EngineHarness();
        h.Limit(1, Side.Sell, 101, 5, account: 2);
        Assert.Equal(
            new[] { "Accepted 2 Buy px=101 q=8", "Trade 2<-1 Buy px=101 q=5 rem=3 mrem=0", "Cancelled 2 Expired q=3 rem=0", "Top 0x0 0x0" },
            h.Limit(2, Side.Buy, 101, 8, tif: TimeInForce.Ioc));
        Assert.Equal(new[] { "Accepted 3 Buy px=100 q=5", "Cancelled 3 Expired q=5 rem=0" }, h.Limit(3, Side.Buy, 100, 5, tif: TimeInForce.Ioc));
        Assert.Equal(0, h.Engine.OrderCount);
    }

    [Fact]
    public void Fok_is_rejected_without_effect_when_not_fillable_and_fills_completely_otherwise()
    {
        var h = new EngineHarness();
        h.Limit(1, Side.Sell, 101, 5, account: 2);
        h.Limit(2, Side.Sell, 102, 5, account: 2);
        Assert.Equal(new[] { "Rejected 3 FokNotFillable" }, h.Limit(3, Side.Buy, 101, 6, tif: TimeInForce.Fok));
        Assert.Equal(new[] { new L2Level(new Price(101), new Quantity(5), 1), new L2Level(new Price(102), new Quantity(5), 1) }, h.Levels(Side.Sell));
        Assert.Equal(
            new[]
            {
                "Accepted 3 Buy px=102 q=6",
                "Trade 3<-1 Buy px=101 q=5 rem=1 mrem=0",
                "Trade 3<-2 Buy px=102 q=1 rem=0 mrem=4",
                "Top 0x0 102x4",
            },
            h.Limit(3, Side.Buy, 102, 6, tif: TimeInForce.Fok));
        Assert.Equal(new[] { "Rejected 4 FokNotFillable" }, h.Market(4, Side.Buy, 5, tif: TimeInForce.Fok));
    }

    [Fact]
    public void Fok_counts_hidden_iceberg_reserve_as_fillable()
    {
        var h = new EngineHarness();
        h.Limit(1, Side.Sell, 101, 9, account: 2, display: 2);
        Assert.Equal(
            new[]
            {
                "Accepted 3 Buy px=101 q=5",
                "Trade 3<-1 Buy px=101 q=2 rem=3 mrem=7",
                "Trade 3<-1 Buy px=101 q=2 rem=1 mrem=5",
                "Trade 3<-1 Buy px=101 q=1 rem=0 mrem=4",
                "Top 0x0 101x1",
            },
            h.Limit(3, Side.Buy, 101, 5, tif: TimeInForce.Fok));
    }

    [Fact]
    public void Post_only_is_rejected_when_it_would_take_and_rests_otherwise()
    {
        var h = new EngineHarness();
        h.Limit(1, Side.Buy, 100, 10, account: 2);
        Assert.Equal(new[] { "Rejected 2 PostOnlyWouldCross" }, h.Limit(2, Side.Sell, 100, 3, flags: OrderFlags.PostOnly));
        Assert.Equal(new[] { "Accepted 2 Sell px=101 q=3", "Top 100x10 101x3" }, h.Limit(2, Side.Sell, 101, 3, flags: OrderFlags.PostOnly));
        Assert.Equal(new[] { "Rejected 3 InvalidOrder" }, h.Limit(3, Side.Sell, 105, 3, tif: TimeInForce.Ioc, flags: OrderFlags.PostOnly));
    }

    [Fact]
    public void Reduce_only_flag_is_carried_on_the_order()
    {
        var h = new EngineHarness();
        h.Limit(1, Side.Buy, 100, 10, flags: OrderFlags.ReduceOnly);
        Assert.True(h.Engine.TryGetOrder(new OrderId(1), out var view));
        Assert.Equal(OrderFlags.ReduceOnly, view.Flags);
    }

    [Fact]
    public void Iceberg_shows_only_its_slice_and_requeues_at_the_back_after_a_refresh()
    {
        var h = new EngineHarness();
        Assert.Equal(new[] { "Accepted 1 Sell px=100 q=10", "Top 0x0 100x3" }, h.Limit(1, Side.Sell, 100, 10, account: 2, display: 3));
        Assert.Equal(new[] { "Accepted 2 Sell px=100 q=4", "Top 0x0 100x7" }, h.Limit(2, Side.Sell, 100, 4, account: 3));
        Assert.Equal(new[] { new L2Level(new Price(100), new Quantity(7), 2) }, h.Levels(Side.Sell));
        Assert.Equal(
            new[]
            {
                "Accepted 3 Buy px=100 q=5",
                "Trade 3<-1 Buy px=100 q=3 rem=2 mrem=7",
                "Trade 3<-2 Buy px=100 q=2 rem=0 mrem=2",
                "Top 0x0 100x5",
            },
            h.Limit(3, Side.Buy, 100, 5));
        Assert.Equal(new[] { new OrderId(2), new OrderId(1) }, h.Queue(Side.Sell));
        Assert.True(h.Engine.TryGetOrder(new OrderId(1), out var view));
        Assert.Equal(new Quantity(7), view.OpenQuantity);
        Assert.Equal(new Quantity(3), view.VisibleQuantity);
    }

    [Fact]
    public void Iceberg_alone_on_its_level_is_hit_slice_after_slice()
    {
        var h = new EngineHarness();
        h.Limit(1, Side.Sell, 100, 10, account: 2, display: 3);
        Assert.Equal(
            new[]
            {
                "Accepted 5 Buy px=0 q=7",
                "Trade 5<-1 Buy px=100 q=3 rem=4 mrem=7",
                "Trade 5<-1 Buy px=100 q=3 rem=1 mrem=4",
                "Trade 5<-1 Buy px=100 q=1 rem=0 mrem=3",
                "Top 0x0 100x2",
            },
            h.Market(5, Side.Buy, 7));
    }

    [Fact]
    public void Cancel_removes_the_order_and_cancel_of_unknown_order_is_rejected_and_book_unchanged()
    {
        var h = new EngineHarness();
        h.Limit(1, Side.Buy, 100, 10);
        Assert.Equal(new[] { "Rejected 1 NotOwner" }, h.Cancel(1, account: 9));
        Assert.Equal(new[] { "Cancelled 1 UserRequested q=10 rem=0", "Top 0x0 0x0" }, h.Cancel(1));
        Assert.Equal(new[] { "Rejected 1 UnknownOrder" }, h.Cancel(1));
        Assert.Equal(0, h.Engine.OrderCount);
        Assert.Equal(Price.Zero, h.Engine.BestBid);
    }

    [Fact]
    public void Reduce_keeps_priority_and_reduce_to_zero_cancels()
    {
        var h = new EngineHarness();
        h.Limit(1, Side.Buy, 100, 10);
        h.Limit(2, Side.Buy, 100, 5);
        Assert.Equal(new[] { "Amended 1 px=100 q=6", "Top 100x11 0x0" }, h.Reduce(1, 4));
        Assert.Equal(new[] { new OrderId(1), new OrderId(2) }, h.Queue(Side.Buy));
        Assert.Equal(new[] { "Rejected 1 InvalidQuantity" }, h.Reduce(1, 0));
        Assert.Equal(new[] { "Cancelled 1 UserRequested q=6 rem=0", "Top 100x5 0x0" }, h.Reduce(1, 6));
    }

    [Fact]
    public void Amend_keeps_priority_only_for_same_price_and_smaller_size()
    {
        var h = new EngineHarness();
        h.Limit(1, Side.Buy, 100, 10);
        h.Limit(2, Side.Buy, 100, 5);
        Assert.Equal(new[] { "Amended 1 px=100 q=8", "Top 100x13 0x0" }, h.Amend(1, 100, 8));
        Assert.Equal(new[] { new OrderId(1), new OrderId(2) }, h.Queue(Side.Buy));
        Assert.Equal(new[] { "Amended 1 px=100 q=9", "Top 100x14 0x0" }, h.Amend(1, 100, 9));
        Assert.Equal(new[] { new OrderId(2), new OrderId(1) }, h.Queue(Side.Buy));
        Assert.Equal(new[] { "Amended 2 px=99 q=5", "Top 100x9 0x0" }, h.Amend(2, 99, 5));
        Assert.Equal(new[] { new OrderId(1) }, h.Queue(Side.Buy));
        Assert.Equal(new[] { "Cancelled 1 UserRequested q=9 rem=0", "Top 99x5 0x0" }, h.Amend(1, 100, 0));
    }

    [Fact]
    public void Amend_that_crosses_matches_as_aggressor_and_rests_the_remainder()
    {
        var h = new EngineHarness();
        h.Limit(1, Side.Buy, 100, 6);
        h.Limit(3, Side.Sell, 102, 4, account: 2);
        Assert.Equal(
            new[] { "Amended 1 px=103 q=6", "Trade 1<-3 Buy px=102 q=4 rem=2 mrem=0", "Top 103x2 0x0" },
            h.Amend(1, 103, 6));
        Assert.True(h.Engine.TryGetOrder(new OrderId(1), out var view));
        Assert.Equal(new Quantity(2), view.OpenQuantity);
    }

    [Fact]
    public void Amend_of_post_only_order_that_would_cross_is_rejected()
    {
        var h = new EngineHarness();
        h.Limit(1, Side.Buy, 100, 6, flags: OrderFlags.PostOnly);
        h.Limit(3, Side.Sell, 102, 4, account: 2);
        Assert.Equal(new[] { "Rejected 1 PostOnlyWouldCross" }, h.Amend(1, 102, 6));
        Assert.Equal(new Price(100), h.Engine.BestBid);
    }

    [Fact]
    public void Invalid_new_orders_are_rejected_with_a_reason_and_book_unchanged()
    {
        var h = new EngineHarness(maxOrders: 2);
        h.Limit(1, Side.Buy, 100, 10);
        Assert.Equal(new[] { "Rejected 1 DuplicateOrderId" }, h.Limit(1, Side.Buy, 99, 1));
        Assert.Equal(new[] { "Rejected 2 InvalidQuantity" }, h.Limit(2, Side.Buy, 99, 0));
        Assert.Equal(new[] { "Rejected 2 InvalidQuantity" }, h.Limit(2, Side.Buy, 99, 2_000_000));
        Assert.Equal(new[] { "Rejected 2 InvalidPrice" }, h.Limit(2, Side.Buy, 0, 1));
        Assert.Equal(new[] { "Rejected 2 InvalidPrice" }, h.Limit(2, Side.Buy, 1001, 1));
        Assert.Equal(new[] { "Rejected 2 InvalidOrder" }, h.Limit(2, Side.Buy, 99, 5, display: 6));
        Assert.Equal(new[] { "Rejected 2 InvalidOrder" }, h.Limit(2, Side.Buy, 99, 5, display: 2, tif: TimeInForce.Ioc));
        Assert.Equal(new[] { "Rejected 2 InvalidOrder" }, h.Run(new OrderCommand
        {
            Type = CommandType.Place, OrderType = OrderType.Market, Side = Side.Buy, OrderId = new OrderId(2), AccountId = 1,
            Quantity = new Quantity(5), DisplayQuantity = new Quantity(1),
        }));
        Assert.Equal(new[] { "Rejected 2 InvalidPrice" }, h.Stop(2, Side.Buy, 5000, 1));
        Assert.Equal(new[] { "Rejected 7 UnknownOrder" }, h.Amend(7, 100, 1));
        Assert.Equal(new[] { "Rejected 1 InvalidPrice" }, h.Amend(1, 0, 1));
        Assert.Equal(new[] { "Accepted 2 Buy px=99 q=1" }, h.Limit(2, Side.Buy, 99, 1));
        Assert.Equal(new[] { "Rejected 3 BookFull" }, h.Limit(3, Side.Buy, 98, 1));
        Assert.Equal(new[] { "Rejected 3 BookFull" }, h.Stop(3, Side.Buy, 200, 1));
        Assert.Equal(new[] { "Accepted 3 Sell px=0 q=1", "Trade 3<-1 Sell px=100 q=1 rem=0 mrem=9", "Top 100x9 0x0" }, h.Market(3, Side.Sell, 1, account: 2));
        Assert.Equal(2, h.Engine.OrderCount);
    }

    [Fact]
    public void Snapshot_reports_visible_size_best_first_and_honours_depth()
    {
        var h = new EngineHarness();
        h.Limit(1, Side.Buy, 100, 10, display: 2);
        h.Limit(2, Side.Buy, 100, 3);
        h.Limit(3, Side.Buy, 98, 4);
        h.Limit(4, Side.Buy, 99, 1);
        Assert.Equal(
            new[] { new L2Level(new Price(100), new Quantity(5), 2), new L2Level(new Price(99), new Quantity(1), 1) },
            h.Levels(Side.Buy, depth: 2));
        Assert.Equal(3, h.Levels(Side.Buy).Length);
        Assert.Empty(h.Levels(Side.Sell));
    }
}
