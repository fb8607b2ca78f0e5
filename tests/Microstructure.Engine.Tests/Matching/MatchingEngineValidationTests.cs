using Microstructure.Engine.Matching;

namespace Microstructure.Engine.Tests.Matching;

public sealed class MatchingEngineValidationTests
{
    [Fact]
    public void Order_id_zero_is_rejected_because_events_use_it_for_no_order()
    {
        var h = new EngineHarness();
        Assert.Equal(new[] { "Rejected 0 InvalidOrder" }, h.Limit(0, Side.Sell, 100, 5, account: 2));
        Assert.Equal(0, h.Engine.OrderCount);
    }

    [Theory]
    [InlineData(nameof(OrderCommand.OrderType))]
    [InlineData(nameof(OrderCommand.TimeInForce))]
    [InlineData(nameof(OrderCommand.Side))]
    [InlineData(nameof(OrderCommand.SelfTradePrevention))]
    [InlineData(nameof(OrderCommand.Flags))]
    public void An_enum_value_out_of_range_is_rejected_and_the_book_is_unchanged(string field)
    {
        var h = new EngineHarness();
        h.Limit(1, Side.Buy, 100, 5);
        var command = new OrderCommand
        {
            Type = CommandType.Place, OrderType = OrderType.Limit, Side = Side.Sell, OrderId = new OrderId(2), AccountId = 2,
            Price = new Price(100), Quantity = new Quantity(1),
        };
        switch (field)
        {
            case nameof(OrderCommand.OrderType): command.OrderType = (OrderType)9; break;
            case nameof(OrderCommand.TimeInForce): command.TimeInForce = (TimeInForce)9; break;
            case nameof(OrderCommand.Side): command.Side = (Side)9; break;
            case nameof(OrderCommand.SelfTradePrevention): command.SelfTradePrevention = (SelfTradePrevention)9; break;
            default: command.Flags = (OrderFlags)8; break;
        }

        Assert.Equal(new[] { "Rejected 2 InvalidOrder" }, h.Run(command));
        Assert.Equal(new[] { new L2Level(new Price(100), new Quantity(5), 1) }, h.Levels(Side.Buy));
    }

    [Fact]
    public void An_unknown_command_type_is_rejected()
    {
        var h = new EngineHarness();
        Assert.Equal(new[] { "Rejected 1 InvalidOrder" }, h.Run(new OrderCommand { Type = (CommandType)42, OrderId = new OrderId(1) }));
    }

    [Fact]
    public void Accepted_carries_everything_needed_to_rebuild_the_order()
    {
        var h = new EngineHarness();
        h.Limit(1, Side.Buy, 100, 10, display: 2, flags: OrderFlags.ReduceOnly);
        var limit = h.LastEvents[0];
        Assert.Equal((OrderType.Limit, TimeInForce.Gtc, OrderFlags.ReduceOnly, 2L, 0L), (limit.OrderType, limit.TimeInForce, limit.Flags, limit.DisplayQuantity.Lots, limit.StopPrice.Ticks));

        h.Stop(2, Side.Sell, stop: 90, qty: 3, limit: 89, tif: TimeInForce.Ioc);
        var stop = h.LastEvents[0];
        Assert.Equal((OrderType.StopLimit, TimeInForce.Ioc, 90L, 89L), (stop.OrderType, stop.TimeInForce, stop.StopPrice.Ticks, stop.Price.Ticks));
    }

    [Fact]
    public void A_price_range_wider_than_the_engine_supports_is_refused_with_a_clear_message()
    {
        var spec = new InstrumentSpec("WIDE", 0.0001m, 1m, new Price(1), new Price(MatchingEngine.MaxPriceRange + 1), new Quantity(1_000));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MatchingEngine(spec, 16));
        Assert.Contains("narrow MinPrice..MaxPrice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trillion_tick_book_places_cancels_and_matches_across_far_apart_pages_in_little_memory()
    {
        // A 0.00001 tick under a 10M-quote cap: 10^12 ticks. The old engine refused anything past 2^31 ticks; a
        // page directory over the whole range would have been 2 GB per side.
        var spec = new InstrumentSpec("FINE", 0.00001m, 0.001m, new Price(1), new Price(1_000_000_000_000), new Quantity(1_000_000));
        long before = GC.GetAllocatedBytesForCurrentThread();
        var h = new EngineHarness(maxOrders: 64, spec: spec);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 2_000_000, "an empty 10^12-tick book costs little");

        h.Limit(1, Side.Buy, 10_000_000_000, 5);      // 100,000 quote
        h.Limit(2, Side.Buy, 2, 5);                   // the range's two ends, 10^12 ticks apart
        h.Limit(3, Side.Sell, 999_999_999_999, 5);
        h.Limit(4, Side.Sell, 10_000_000_001, 5);
        h.Limit(5, Side.Sell, 500_000_000_000, 5);
        Assert.Equal((10_000_000_000L, 10_000_000_001L), (h.Engine.BestBid.Ticks, h.Engine.BestAsk.Ticks));
        Assert.Equal([10_000_000_001L, 500_000_000_000L, 999_999_999_999L], h.Levels(Side.Sell).Select(l => l.Price.Ticks));

        h.Cancel(1);
        Assert.Equal(2L, h.Engine.BestBid.Ticks);
        Assert.Equal(
            ["Accepted 6 Buy px=1000000000000 q=12", "Trade 6<-4 Buy px=10000000001 q=5 rem=7 mrem=0",
             "Trade 6<-5 Buy px=500000000000 q=5 rem=2 mrem=0", "Trade 6<-3 Buy px=999999999999 q=2 rem=0 mrem=3",
             "Top 2x5 999999999999x3"],
            h.Limit(6, Side.Buy, 1_000_000_000_000, 12, account: 2));
        h.Amend(3, price: 1, qty: 3); // re-priced 10^12 ticks down: crosses the bid at 2
        Assert.Equal((0L, 2L), (h.Engine.BestAsk.Ticks, h.Engine.BestBid.Ticks));
        Assert.Equal([new L2Level(new Price(2), new Quantity(2), 1)], h.Levels(Side.Buy));
    }

    [Fact]
    public void The_widest_price_range_the_engine_supports_is_accepted()
    {
        var spec = new InstrumentSpec("WIDEST", 1m, 1m, new Price(1), new Price(MatchingEngine.MaxPriceRange), new Quantity(1_000));
        var h = new EngineHarness(maxOrders: 16, spec: spec);
        h.Limit(1, Side.Sell, MatchingEngine.MaxPriceRange, 1);
        h.Limit(2, Side.Sell, 1, 1, account: 2);
        h.Cancel(2, account: 2);
        Assert.Equal(MatchingEngine.MaxPriceRange, h.Engine.BestAsk.Ticks);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(1, 1, 0)]
    public void Non_positive_tick_lot_or_maximum_quantity_is_refused(int tick, int lot, long maxQuantity)
    {
        var spec = new InstrumentSpec("BAD", tick, lot, new Price(1), new Price(100), new Quantity(maxQuantity));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MatchingEngine(spec, 16));
    }

    [Fact]
    public void More_price_levels_than_orders_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MatchingEngine(InstrumentSpec.Default, 16, 17));
    }
}
