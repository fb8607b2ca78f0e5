using Microstructure.Engine;
using Microstructure.Engine.Matching;
using Microstructure.Replay.Injection;
using Microstructure.Replay.Io;
using Microstructure.Replay.Output;

namespace Microstructure.Replay.Processing;

/// <summary>
/// The book operations every replay needs, on top of the processor: historical orders and level placeholders
/// (account <see cref="ReplayAccounts.Historical"/>), injected orders, and the reconciliation primitives
/// (historical liquidity at a price, taking it placeholder-first). One reusable command; nothing allocated per call.
/// </summary>
/// <typeparam name="TProcessor">The business logic (engine alone, or engine + risk).</typeparam>
internal sealed class ReplayBook<TProcessor>
    where TProcessor : struct, IReplayProcessor
{
    private TProcessor _processor;
    private ReplaySink _sink;
    private OrderCommand _command;
    private OrderId[] _ids = new OrderId[64];
    private long _sequence;

    public ReplayBook(TProcessor processor, ReplayRecorder recorder, DepletionLedger ledger, ReconciliationCounts counts)
    {
        _processor = processor;
        Recorder = recorder;
        Ledger = ledger;
        Counts = counts;
        _sink = new ReplaySink(recorder);
    }

    public MatchingEngine Engine => _processor.Engine;

    public ReplayRecorder Recorder { get; }

    public DepletionLedger Ledger { get; }

    public ReconciliationCounts Counts { get; }

    /// <summary>Sequence number the next command will carry.</summary>
    public long Sequence => _sequence;

    /// <summary>The business logic (the replay reads the engine through it; a risk processor also reports on its population).</summary>
    public TProcessor Processor => _processor;

    /// <summary>Source time stamped on commands, nanoseconds.</summary>
    public long Now { get; set; }

    /// <summary>Injected orders submitted so far.</summary>
    public long InjectedOrders { get; private set; }

    /// <summary>Injected orders the risk layer refused (see <see cref="Inject"/>).</summary>
    public long InjectedOrdersRefused { get; private set; }

    /// <summary>Notes on the first <see cref="MaxRefusalNotes"/> of those.</summary>
    public List<string> RefusalNotes { get; } = [];

    /// <summary>Refused injected orders described one by one in the notes (the rest are counted).</summary>
    public const int MaxRefusalNotes = 10;

    /// <summary>Top of book just before the first injected order (bid, ask; 0 = empty side).</summary>
    public (long Bid, long Ask) BeforeFirstInjection { get; private set; }

    /// <summary>Top of book right after the first injected order.</summary>
    public (long Bid, long Ask) AfterFirstInjection { get; private set; }

    /// <summary>Places a GTC limit order for <paramref name="account"/>; returns the engine's reject reason (None when accepted).</summary>
    public RejectReason PlaceLimit(long id, Side side, long price, long lots, long account = ReplayAccounts.Historical)
    {
        _command = default;
        _command.Type = CommandType.Place;
        _command.OrderType = OrderType.Limit;
        _command.TimeInForce = TimeInForce.Gtc;
        _command.Side = side;
        _command.OrderId = new OrderId(id);
        _command.AccountId = account;
        _command.Price = new Price(price);
        _command.Quantity = new Quantity(lots);
        Recorder.CommandPrice = price;
        Submit();
        return Recorder.LastReject;
    }

    /// <summary>Cancels a historical order; returns the lots it still had (0 when it was not live).</summary>
    public long Cancel(long id)
    {
        _command = default;
        _command.Type = CommandType.Cancel;
        _command.OrderId = new OrderId(id);
        _command.AccountId = ReplayAccounts.Historical;
        Submit();
        return Recorder.CancelledLots;
    }

    /// <summary>Removes up to <paramref name="lots"/> from a historical order, keeping its priority; returns the lots removed.</summary>
    public long Reduce(long id, long lots)
    {
        if (lots <= 0)
        {
            return 0;
        }

        _command = default;
        _command.Type = CommandType.Reduce;
        _command.OrderId = new OrderId(id);
        _command.AccountId = ReplayAccounts.Historical;
        _command.Quantity = new Quantity(lots);
        Submit();
        return Recorder.LastReject != RejectReason.None ? 0 : Recorder.CancelledLots > 0 ? Recorder.CancelledLots : lots;
    }

    /// <summary>Historical liquidity resting at a price: the level total minus simulated orders queued there.</summary>
    public long HistoricalAt(Side side, long price)
    {
        var level = Engine.GetLevel(side, new Price(price));
        if (level.OrderCount == 0)
        {
            return 0;
        }

        var total = level.Quantity.Lots;
        var n = CopyIds(side, price);
        for (var i = 0; i < n; i++)
        {
            if (Engine.TryGetOrder(_ids[i], out var view) && view.AccountId != ReplayAccounts.Historical)
            {
                total -= view.VisibleQuantity.Lots;
            }
        }

        return total;
    }

    /// <summary>Adds level-only historical liquidity at a price (the level's placeholder grows, or is created).</summary>
    public RejectReason AddHistorical(Side side, long price, long lots)
    {
        var id = ReplayOrderIds.Placeholder(side, price);
        if (!Engine.TryGetOrder(new OrderId(id), out var view))
        {
            return PlaceLimit(id, side, price, lots);
        }

        _command = default;
        _command.Type = CommandType.Amend;
        _command.OrderId = new OrderId(id);
        _command.AccountId = ReplayAccounts.Historical;
        _command.Price = new Price(price);
        _command.Quantity = new Quantity(view.OpenQuantity.Lots + lots);
        Submit();
        return Recorder.LastReject;
    }

    /// <summary>
    /// Takes up to <paramref name="lots"/> of historical liquidity at a price: the level placeholder first (the oldest,
    /// level-only liquidity), then venue orders from the back of the queue. Returns the lots taken.
    /// </summary>
    public long TakeHistorical(Side side, long price, long lots)
    {
        var placeholder = ReplayOrderIds.Placeholder(side, price);
        var taken = 0L;
        if (Engine.TryGetOrder(new OrderId(placeholder), out var view))
        {
            taken = Reduce(placeholder, Math.Min(lots, view.OpenQuantity.Lots));
        }

        if (taken == lots)
        {
            return taken;
        }

        var n = CopyIds(side, price);
        for (var i = n - 1; i >= 0 && taken < lots; i--)
        {
            var id = _ids[i];
            if (id.Value != placeholder && Engine.TryGetOrder(id, out view) && view.AccountId == ReplayAccounts.Historical)
            {
                taken += Reduce(id.Value, Math.Min(lots - taken, view.OpenQuantity.Lots));
            }
        }

        return taken;
    }

    /// <summary>
    /// Submits an injected order (tape row first, then its fills) and records the impact of the first one. A refusal by
    /// the risk layer (a population's exchange refuses the injected trader like any other) is counted and noted; a
    /// rejection by the book means the injection file does not fit the replay: bad input, named by file and line.
    /// </summary>
    /// <param name="order">The order.</param>
    /// <param name="formatPrice">Ticks in the source's units, for the message.</param>
    /// <exception cref="ReplayInputException">The book rejected the order.</exception>
    public void Inject(InjectedOrder order, Func<long, string> formatPrice)
    {
        var first = InjectedOrders == 0;
        if (first)
        {
            BeforeFirstInjection = (BestBid(), BestAsk());
        }

        var id = ReplayOrderIds.Injected(InjectedOrders++);
        Recorder.Write(new TapeRow
        {
            Sequence = Sequence, TimeNs = Now, Event = TapeEvent.Injected, Side = order.Side, Price = order.Price,
            Quantity = order.Quantity, OrderId = id, Detail = order.Label.Length > 0 ? $"{Name(order.Kind)}:{order.Label}" : Name(order.Kind),
        });
        _command = default;
        _command.Type = CommandType.Place;
        _command.OrderType = order.Kind is InjectedOrderKind.Limit or InjectedOrderKind.Ioc ? OrderType.Limit : OrderType.Market;
        _command.TimeInForce = order.Kind == InjectedOrderKind.Ioc ? TimeInForce.Ioc : TimeInForce.Gtc;
        _command.Flags = order.Kind == InjectedOrderKind.Liquidation ? OrderFlags.ReduceOnly : OrderFlags.None;
        _command.Side = order.Side;
        _command.OrderId = new OrderId(id);
        _command.AccountId = ReplayAccounts.Injected;
        _command.Price = new Price(order.Price);
        _command.Quantity = new Quantity(order.Quantity);
        Recorder.CommandPrice = order.Price;
        Submit();
        if (Recorder.LastReject != RejectReason.None)
        {
            throw Rejected(order, Recorder.LastReject, formatPrice);
        }

        if (Recorder.LastRiskReject is { } refusal)
        {
            InjectedOrdersRefused++;
            if (RefusalNotes.Count < MaxRefusalNotes)
            {
                RefusalNotes.Add($"{order.Where}: injected {Name(order.Kind)} order refused by the risk layer ({refusal})");
            }
        }

        if (first)
        {
            AfterFirstInjection = (BestBid(), BestAsk());
        }
    }

    /// <summary>Adds the refusal notes (and how many more there were) to <paramref name="notes"/>.</summary>
    public void AddRefusalNotes(List<string> notes)
    {
        notes.AddRange(RefusalNotes);
        if (InjectedOrdersRefused > RefusalNotes.Count)
        {
            notes.Add($"{InjectedOrdersRefused - RefusalNotes.Count} more injected order(s) refused by the risk layer");
        }
    }

    private ReplayInputException Rejected(InjectedOrder order, RejectReason reject, Func<long, string> formatPrice)
    {
        var spec = Engine.Spec;
        var what = reject switch
        {
            RejectReason.InvalidPrice => $"its price {formatPrice(order.Price)} is outside the replay's price range (up to {formatPrice(spec.MaxPrice.Ticks)}); pass a larger --max-price",
            RejectReason.InvalidQuantity => $"its quantity ({order.Quantity} lots) is above the largest order the book takes ({spec.MaxQuantity.Lots} lots)",
            RejectReason.BookFull => "the book is full; pass a larger --max-orders",
            _ => $"the engine's reason: {reject}",
        };
        return new ReplayInputException(order.File ?? "injection file", order.Line, $"the book rejected the injected {Name(order.Kind)} order: {what}", InputErrorKind.InvalidValue);
    }

    /// <summary>Hands market data to the processor (a risk layer may react with orders).</summary>
    public void OnMarketData(in MarketDataUpdate update) => _processor.OnMarketData(in update, ref _sequence, ref _sink);

    /// <summary>Lets the processor run its own work due before <paramref name="timeNs"/> (e.g. a population opening).</summary>
    /// <remarks>The recorder's per-command outcome is not reset: the replay reads it only after commands of its own.</remarks>
    public void Advance(long timeNs) => _processor.Advance(timeNs, Now, ref _sequence, ref _sink);

    public long BestBid() => Engine.BestBid.Ticks;

    public long BestAsk() => Engine.BestAsk.Ticks;

    private static string Name(InjectedOrderKind kind) => kind switch
    {
        InjectedOrderKind.Market => "market",
        InjectedOrderKind.Limit => "limit",
        InjectedOrderKind.Ioc => "ioc",
        _ => "liquidation",
    };

    private void Submit()
    {
        _command.Timestamp = new Timestamp(Now);
        Recorder.BeginCommand(_command.OrderId.Value);
        _processor.Process(in _command, ref _sequence, ref _sink);
    }

    private int CopyIds(Side side, long price)
    {
        var n = Engine.CopyLevelOrderIds(side, new Price(price), _ids);
        if (n > _ids.Length)
        {
            _ids = new OrderId[Math.Max(n, _ids.Length * 2)];
            n = Engine.CopyLevelOrderIds(side, new Price(price), _ids);
        }

        return n;
    }
}
