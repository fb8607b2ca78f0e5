using System.Globalization;
using Microstructure.Engine.Matching;

namespace Microstructure.Engine.Tests.Matching;

/// <summary>Drives a <see cref="MatchingEngine"/> with terse helpers and returns each command's events as text.</summary>
internal sealed class EngineHarness
{
    private readonly List<EngineEvent> _events = new();
    private long _sequence;

    public EngineHarness(int maxOrders = 1024, InstrumentSpec? spec = null, int? maxPriceLevels = null)
    {
        Engine = new MatchingEngine(
            spec ?? new InstrumentSpec("T", 1m, 1m, new Price(1), new Price(1000), new Quantity(1_000_000)), maxOrders, maxPriceLevels ?? maxOrders);
    }

    public EngineHarness(MatchingEngine engine) => Engine = engine;

    public MatchingEngine Engine { get; }

    public List<EngineEvent> LastEvents { get; } = new();

    public string[] Run(OrderCommand command)
    {
        _events.Clear();
        var sink = new RecordingSink(_events);
        Engine.Process(in command, ++_sequence, ref sink);
        LastEvents.Clear();
        LastEvents.AddRange(_events);
        foreach (var e in _events)
        {
            Assert.Equal(_sequence, e.CommandSequence);
            Assert.Equal(command.Timestamp, e.Timestamp);
        }

        return _events.Select(Format).ToArray();
    }

    public string[] Limit(long id, Side side, long price, long qty, long account = 1, TimeInForce tif = TimeInForce.Gtc,
        SelfTradePrevention stp = SelfTradePrevention.None, long display = 0, OrderFlags flags = OrderFlags.None) =>
        Run(new OrderCommand
        {
            Type = CommandType.Place, OrderType = OrderType.Limit, TimeInForce = tif, Side = side, OrderId = new OrderId(id),
            AccountId = account, Price = new Price(price), Quantity = new Quantity(qty), DisplayQuantity = new Quantity(display),
            SelfTradePrevention = stp, Flags = flags, Timestamp = new Timestamp(1000 + _sequence),
        });

    public string[] Market(long id, Side side, long qty, long account = 1, TimeInForce tif = TimeInForce.Ioc,
        SelfTradePrevention stp = SelfTradePrevention.None) =>
        Run(new OrderCommand
        {
            Type = CommandType.Place, OrderType = OrderType.Market, TimeInForce = tif, Side = side, OrderId = new OrderId(id),
            AccountId = account, Quantity = new Quantity(qty), SelfTradePrevention = stp, Timestamp = new Timestamp(1000 + _sequence),
        });

    public string[] Stop(long id, Side side, long stop, long qty, long limit = 0, long account = 1, TimeInForce tif = TimeInForce.Gtc) =>
        Run(new OrderCommand
        {
            Type = CommandType.Place, OrderType = limit == 0 ? OrderType.StopMarket : OrderType.StopLimit, TimeInForce = tif,
            Side = side, OrderId = new OrderId(id), AccountId = account, Price = new Price(limit), StopPrice = new Price(stop),
            Quantity = new Quantity(qty), Timestamp = new Timestamp(1000 + _sequence),
        });

    public string[] Cancel(long id, long account = 1) =>
        Run(new OrderCommand { Type = CommandType.Cancel, OrderId = new OrderId(id), AccountId = account });

    public string[] Reduce(long id, long by, long account = 1) =>
        Run(new OrderCommand { Type = CommandType.Reduce, OrderId = new OrderId(id), AccountId = account, Quantity = new Quantity(by) });

    public string[] Snapshot(long depth) => Run(new OrderCommand { Type = CommandType.SnapshotL2, Quantity = new Quantity(depth) });

    public string[] Amend(long id, long price, long qty, long account = 1) =>
        Run(new OrderCommand
        {
            Type = CommandType.Amend, OrderId = new OrderId(id), AccountId = account, Price = new Price(price), Quantity = new Quantity(qty),
        });

    public OrderId[] Queue(Side side, int rank = 0)
    {
        var buffer = new OrderId[256];
        var n = Engine.GetLevelOrders(side, rank, buffer);
        return buffer.AsSpan(0, n).ToArray();
    }

    public L2Level[] Levels(Side side, int depth = 10)
    {
        var buffer = new L2Level[depth];
        var n = Engine.SnapshotL2(side, buffer);
        return buffer.AsSpan(0, n).ToArray();
    }

    public static string Format(EngineEvent e) => e.Type switch
    {
        EngineEventType.Accepted => Invariant($"Accepted {e.OrderId} {e.Side} px={e.Price} q={e.Quantity}"),
        EngineEventType.Trade => Invariant(
            $"Trade {e.OrderId}<-{e.MakerOrderId} {e.Side} px={e.Price} q={e.Quantity} rem={e.RemainingQuantity} mrem={e.MakerRemainingQuantity}"),
        EngineEventType.Cancelled => Invariant($"Cancelled {e.OrderId} {e.CancelReason} q={e.Quantity} rem={e.RemainingQuantity}"),
        EngineEventType.Rejected => Invariant($"Rejected {e.OrderId} {e.RejectReason}"),
        EngineEventType.StopTriggered => Invariant($"StopTriggered {e.OrderId} q={e.Quantity}"),
        EngineEventType.Amended => Invariant($"Amended {e.OrderId} px={e.Price} q={e.Quantity}"),
        EngineEventType.TopOfBook => Invariant($"Top {e.BidPrice}x{e.BidQuantity} {e.AskPrice}x{e.AskQuantity}"),
        EngineEventType.L2Level => Invariant($"L2 {e.Side} #{e.Level} px={e.Price} q={e.Quantity} open={e.RemainingQuantity} n={e.OrderCount}"),
        _ => "?",
    };

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
