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
        var spec = new InstrumentSpec("WIDE", 0.0001m, 1m, new Price(1), new Price(long.MaxValue / 2), new Quantity(1_000));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new MatchingEngine(spec, 16));
        Assert.Contains("narrow MinPrice..MaxPrice", error.Message, StringComparison.Ordinal);
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
