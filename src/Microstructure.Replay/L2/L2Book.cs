using Microstructure.Engine;
using Microstructure.Engine.Matching;
using Microstructure.Replay.Injection;
using Microstructure.Replay.Io;
using Microstructure.Replay.Output;
using Microstructure.Replay.Processing;

namespace Microstructure.Replay.L2;

/// <summary>
/// Level-total (L2) replay shared by Tardis and Binance. A shadow book holds the historical levels exactly as the
/// feed says; the replayed book holds one placeholder order per level plus whatever simulated flow did. Every
/// update is applied to the replayed book as a delta (new total − historical total before), so liquidity that
/// simulated orders took stays taken; a decrease larger than what is left is absorbed and counted.
/// </summary>
/// <typeparam name="TProcessor">The business logic.</typeparam>
internal sealed class L2Book<TProcessor>
    where TProcessor : struct, IReplayProcessor
{
    private readonly MatchingEngine _shadow;
    private readonly List<LevelUpdate> _pending = [];
    private readonly Dictionary<(Side, long), int> _lastIndex = [];
    private NullSink _nullSink;
    private OrderCommand _command;
    private long _shadowSequence;
    private L2Level[] _levels = new L2Level[256];
    private readonly int _maxOrders;
    private string _file = "";
    private long _line;

    public L2Book(InstrumentSpec spec, int maxOrders, Func<InstrumentSpec, int, TProcessor> createProcessor, IReplayTape? tape)
    {
        _maxOrders = maxOrders;
        Counts = new ReconciliationCounts();
        var ledger = new DepletionLedger();
        Live = new ReplayBook<TProcessor>(createProcessor(spec, maxOrders), new ReplayRecorder(tape, ledger, Counts), ledger, Counts);
        _shadow = new MatchingEngine(spec, maxOrders);
    }

    /// <summary>The replayed book (history plus simulated flow).</summary>
    public ReplayBook<TProcessor> Live { get; }

    /// <summary>The historical book, exactly as the feed describes it.</summary>
    public MatchingEngine Historical => _shadow;

    public ReconciliationCounts Counts { get; }

    /// <summary>
    /// Applies one feed message's updates: decreases first, then increases, so a message that moves a level across
    /// the spread never crosses the book halfway. An increase that would still cross the historical book is not
    /// applied; returns the index (in <paramref name="updates"/>) of the first such update, or -1, and how many.
    /// </summary>
    /// <exception cref="ReplayInputException">A new level finds the book full (named at <paramref name="file"/>:<paramref name="line"/>, with the option to change).</exception>
    public (int FirstCrossed, int Crossed) ApplyBatch(List<LevelUpdate> updates, string file, long line)
    {
        _file = file;
        _line = line;
        // A level may change twice in one message: only its last value counts.
        _lastIndex.Clear();
        for (var i = 0; i < updates.Count; i++)
        {
            _lastIndex[(updates[i].Side, updates[i].Price)] = i;
        }

        for (var i = 0; i < updates.Count; i++)
        {
            var u = updates[i];
            if (_lastIndex[(u.Side, u.Price)] == i && u.Amount < ShadowAt(u.Side, u.Price))
            {
                Set(u.Side, u.Price, u.Amount);
            }
        }

        var first = -1;
        var crossed = 0;
        for (var i = 0; i < updates.Count; i++)
        {
            var u = updates[i];
            if (_lastIndex[(u.Side, u.Price)] == i && u.Amount > ShadowAt(u.Side, u.Price))
            {
                if (Crosses(u.Side, u.Price))
                {
                    first = first < 0 ? i : first;
                    crossed++;
                    continue;
                }

                Set(u.Side, u.Price, u.Amount);
            }
        }

        return (first, crossed);
    }

    /// <summary>
    /// Replaces the historical book by a full snapshot (levels absent from it go to zero), as deltas like any update.
    /// Returns false, changing nothing, when the snapshot itself is crossed.
    /// </summary>
    public bool ApplySnapshot(List<LevelUpdate> levels, string file, long line)
    {
        long bestBid = 0, bestAsk = long.MaxValue;
        foreach (var l in levels)
        {
            if (l.Amount > 0)
            {
                if (l.Side == Side.Buy)
                {
                    bestBid = Math.Max(bestBid, l.Price);
                }
                else
                {
                    bestAsk = Math.Min(bestAsk, l.Price);
                }
            }
        }

        if (bestBid >= bestAsk)
        {
            return false;
        }

        _pending.Clear();
        foreach (var side in (ReadOnlySpan<Side>)[Side.Sell, Side.Buy])
        {
            var n = SnapshotShadow(side);
            for (var i = 0; i < n; i++)
            {
                _pending.Add(new LevelUpdate(side, _levels[i].Price.Ticks, 0));
            }
        }

        // Later entries win (ApplyBatch keeps the last value per level), so the snapshot's own levels override the zeroes.
        _pending.AddRange(levels);
        ApplyBatch(_pending, file, line);
        return true;
    }

    /// <summary>Compares the top levels of the replayed book with a snapshot; returns a description of the first difference or null.</summary>
    /// <param name="asks">Expected asks, best first (Amount 0 = empty level).</param>
    /// <param name="bids">Expected bids, best first.</param>
    /// <param name="depth">Levels to compare per side.</param>
    /// <param name="format">Formats a price in ticks for the message.</param>
    public string? Compare(ReadOnlySpan<LevelUpdate> asks, ReadOnlySpan<LevelUpdate> bids, int depth, Func<long, string> format)
    {
        foreach (var side in (ReadOnlySpan<Side>)[Side.Sell, Side.Buy])
        {
            var expected = side == Side.Sell ? asks : bids;
            var n = Live.Engine.SnapshotL2(side, _levels.AsSpan(0, Math.Min(depth, _levels.Length)));
            for (var i = 0; i < depth; i++)
            {
                var e = i < expected.Length ? expected[i] : default;
                var gotPrice = i < n ? _levels[i].Price.Ticks : 0;
                var gotSize = i < n ? _levels[i].Quantity.Lots : 0;
                var expectedPrice = e.Amount > 0 ? e.Price : 0;
                if (expectedPrice != gotPrice || e.Amount != gotSize)
                {
                    string Level(long p, long q) => q == 0 ? "empty" : $"{format(p)} x {q} lots";
                    return $"{(side == Side.Sell ? "ask" : "bid")} level {i + 1}: expected {Level(expectedPrice, e.Amount)}, got {Level(gotPrice, gotSize)}";
                }
            }
        }

        return null;
    }

    /// <summary>Lots over the historical book's top 25 levels of a side, in the replayed or the historical book.</summary>
    public long WindowDepth(Side side, bool historical)
    {
        var n = _shadow.SnapshotL2(side, _levels.AsSpan(0, 25));
        return n == 0 ? 0 : Output.WindowDepth.Sum(historical ? _shadow : Live.Engine, side, _levels[n - 1].Price.Ticks);
    }

    private long ShadowAt(Side side, long price) => _shadow.GetLevel(side, new Price(price)).Quantity.Lots;

    private bool Crosses(Side side, long price)
    {
        var opposite = side == Side.Buy ? _shadow.BestAsk.Ticks : _shadow.BestBid.Ticks;
        return opposite != 0 && (side == Side.Buy ? price >= opposite : price <= opposite);
    }

    /// <summary>Sets the historical total at a level and applies the change to the replayed book as a delta.</summary>
    private void Set(Side side, long price, long amount)
    {
        var old = ShadowAt(side, price);
        var id = ReplayOrderIds.Placeholder(side, price);
        _command = default;
        _command.OrderId = new OrderId(id);
        _command.AccountId = ReplayAccounts.Historical;
        _command.Side = side;
        _command.Price = new Price(price);
        _command.Quantity = new Quantity(amount);
        _command.Type = amount == 0 ? CommandType.Cancel : old == 0 ? CommandType.Place : CommandType.Amend;
        _shadow.Process(in _command, _shadowSequence++, ref _nullSink);
        if (old == 0 && amount > 0 && ShadowAt(side, price) == 0)
        {
            // Prices and amounts were checked when read: a new level the historical book refuses has no node left.
            ThrowBookFull();
        }

        var delta = amount - old;
        if (delta > 0)
        {
            var reject = Live.AddHistorical(side, price, delta);
            if (reject == RejectReason.BookFull)
            {
                ThrowBookFull();
            }

            if (reject != RejectReason.None)
            {
                throw new InvalidOperationException($"The replayed book refused a level the historical book accepted ({reject}).");
            }

            return;
        }

        var taken = Live.TakeHistorical(side, price, -delta);
        if (taken < -delta)
        {
            Counts.AbsorbedLevelUpdates++;
            Counts.AbsorbedLevelLots += -delta - taken;
            Live.Recorder.Write(new TapeRow
            {
                Sequence = Live.Sequence, TimeNs = Live.Now, Event = TapeEvent.Reconcile, Side = side, Price = price,
                Quantity = -delta - taken, Detail = "level-update-absorbed",
            });
        }
    }

    private void ThrowBookFull() =>
        throw new ReplayInputException(_file, _line, $"the book is full ({_maxOrders:N0} resting orders, one per level plus simulated orders) and this update needs a new level; pass a larger --max-orders", InputErrorKind.InvalidValue);

    private int SnapshotShadow(Side side)
    {
        while (true)
        {
            var n = _shadow.SnapshotL2(side, _levels);
            if (n < _levels.Length)
            {
                return n;
            }

            _levels = new L2Level[_levels.Length * 2];
        }
    }

    /// <summary>
    /// Sends the injected orders due before <paramref name="time"/> (file order; prices checked against
    /// <paramref name="spec"/>), each at its own time, then lets the live book run its work due before
    /// <paramref name="time"/>.
    /// </summary>
    public void DeliverInjections(IReadOnlyList<InjectedOrder> injections, ref int next, long time, InstrumentSpec spec, Func<long, string> format)
    {
        while (next < injections.Count && injections[next].TimeNs < time)
        {
            var order = injections[next++];
            if (order.Price > 0)
            {
                CheckPrice(spec, order.Price, order.File ?? "injection file", order.Line, format);
            }

            Live.Advance(order.TimeNs + 1);
            Live.Now = Math.Max(Live.Now, order.TimeNs);
            Live.Inject(order, format);
        }

        Live.Advance(time);
    }

    /// <summary>Completes <paramref name="report"/> at the end of the replay: reconciliation, simulated fills and, when orders were injected, their impact.</summary>
    public ReplayReport Finish(ReplayReport report)
    {
        var recorder = Live.Recorder;
        report.Reconciliation = Counts;
        report.HistoricalCrossTrades = recorder.HistoricalCrossTrades;
        report.InjectedOrders = Live.InjectedOrders;
        report.InjectedOrdersRefused = Live.InjectedOrdersRefused;
        Live.AddRefusalNotes(report.Notes);
        report.SimulatedFills = recorder.SimulatedFills;
        report.SimulatedFilledLots = recorder.SimulatedFilledLots;
        report.SimulatedAveragePrice = recorder.SimulatedFilledLots > 0 ? (decimal)recorder.SimulatedFilledNotional / recorder.SimulatedFilledLots : null;
        report.L1Changes = recorder.L1Changes;
        if (Live.InjectedOrders > 0)
        {
            report.Impact = new ImpactReport
            {
                BidBefore = Live.BeforeFirstInjection.Bid,
                AskBefore = Live.BeforeFirstInjection.Ask,
                BidAfter = Live.AfterFirstInjection.Bid,
                AskAfter = Live.AfterFirstInjection.Ask,
                FinalBid = Live.BestBid(),
                FinalAsk = Live.BestAsk(),
                FinalHistoricalBid = _shadow.BestBid.Ticks,
                FinalHistoricalAsk = _shadow.BestAsk.Ticks,
                FinalBidDepth = WindowDepth(Side.Buy, historical: false),
                FinalHistoricalBidDepth = WindowDepth(Side.Buy, historical: true),
                FinalAskDepth = WindowDepth(Side.Sell, historical: false),
                FinalHistoricalAskDepth = WindowDepth(Side.Sell, historical: true),
            };
        }

        return report;
    }

    /// <summary>
    /// <see cref="Finish"/> for a replay cancelled before the end of its input: marks the report cancelled at the
    /// book's time and notes the <paramref name="undelivered"/> injected orders that were not yet due.
    /// </summary>
    public ReplayReport FinishCancelled(ReplayReport report, int undelivered)
    {
        report.Cancelled = true;
        report.StoppedAtNs = Live.Now;
        if (undelivered > 0)
        {
            report.Notes.Add($"{undelivered} injected order(s) never ran: the replay was cancelled first");
        }

        return Finish(report);
    }

    /// <summary>Checks a price is inside the book's range before it reaches the engine.</summary>
    public static void CheckPrice(InstrumentSpec spec, long ticks, string file, long line, Func<long, string> format)
    {
        if (!spec.IsPriceInBounds(new Price(ticks)))
        {
            var fix = spec.MaxPrice.Ticks < ReplayLimits.MaxPriceTicks ? "pass a larger --max-price" : "no book holds more than 2^62 ticks: pass a larger --tick-size";
            throw new ReplayInputException(file, line, $"price {format(ticks)} is outside the replay's price range (up to {format(spec.MaxPrice.Ticks)}); {fix}", InputErrorKind.InvalidValue);
        }
    }
}
