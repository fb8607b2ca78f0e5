using Microstructure.Engine;
using Microstructure.Replay.Io;
using Microstructure.Replay.L2;
using Microstructure.Replay.Output;
using Microstructure.Replay.Processing;

namespace Microstructure.Replay.Binance;

/// <summary>One Binance depth replay (see <see cref="BinanceReplay"/>).</summary>
/// <typeparam name="TProcessor">The business logic.</typeparam>
internal sealed class BinanceSession<TProcessor>(BinanceReplayOptions options, IReplayTape? tape, Func<InstrumentSpec, int, TProcessor> createProcessor)
    where TProcessor : struct, IReplayProcessor
{
    private readonly BinanceReplayOptions _options = options;
    private readonly DecimalUnit _tick = DecimalUnit.From(options.TickSize);
    private readonly BinanceJsonParser _parser = new(DecimalUnit.From(options.TickSize), DecimalUnit.From(options.LotSize));
    private readonly BinanceDepthEvent _event = new();
    private readonly ReplayReport _report = new()
    {
        Format = "binance",
        Inputs = [options.SnapshotsPath, options.UpdatesPath],
        TickSize = options.TickSize,
        LotSize = options.LotSize,
        Validated = options.Validate,
    };

    private List<BinanceDepthSnapshot> _snapshots = [];
    private L2Book<TProcessor> _book = null!;
    private InstrumentSpec _spec = null!;
    private int _current;
    private bool _awaitingFirst = true;
    private bool _unsynced;
    private long _previousFinal;
    private int _nextInjection;

    public ReplayReport Run()
    {
        _snapshots = ReadSnapshots();
        CreateBook();
        Reset(0);
        using var reader = LineReader.Open(_options.UpdatesPath);
        var cancellation = _options.Cancellation;
        while (reader.TryReadLine(out var line))
        {
            if (cancellation.IsCancellationRequested)
            {
                return _book.FinishCancelled(_report, _options.Injections.Count - _nextInjection);
            }

            if (line.IsEmpty)
            {
                continue;
            }

            _report.MessagesRead++;
            try
            {
                _parser.ParseEvent(line, _event, reader.Name, reader.LineNumber);
                Apply(reader.Name);
            }
            catch (ReplayInputException e) when (_options.Lenient)
            {
                _report.Skipped.Record(e);
            }
        }

        if (_report.MessagesRead == 0)
        {
            throw new ReplayInputException(_options.UpdatesPath, 0, "no depthUpdate event in the file (an empty updates file replays nothing)", InputErrorKind.Malformed);
        }

        DeliverInjections(long.MaxValue);
        return Finish();
    }

    private List<BinanceDepthSnapshot> ReadSnapshots()
    {
        var list = new List<BinanceDepthSnapshot>();
        using var reader = LineReader.Open(_options.SnapshotsPath);
        while (reader.TryReadLine(out var line))
        {
            if (line.IsEmpty)
            {
                continue;
            }

            var s = _parser.ParseSnapshot(line, reader.Name, reader.LineNumber);
            if (list.Count > 0 && s.LastUpdateId <= list[^1].LastUpdateId)
            {
                throw new ReplayInputException(reader.Name, reader.LineNumber, $"snapshots must be in ascending lastUpdateId order ({s.LastUpdateId} after {list[^1].LastUpdateId})", InputErrorKind.OutOfOrderTime);
            }

            var bids = s.Side(Side.Buy);
            var asks = s.Side(Side.Sell);
            if (bids.Length > 0 && asks.Length > 0 && bids[0].Price >= asks[0].Price)
            {
                throw new ReplayInputException(reader.Name, reader.LineNumber, $"crossed snapshot: best bid {_tick.Format(bids[0].Price)} >= best ask {_tick.Format(asks[0].Price)}", InputErrorKind.CrossedBook);
            }

            list.Add(s);
        }

        return list.Count > 0 ? list : throw new ReplayInputException(_options.SnapshotsPath, 0, "no snapshot in the file (the replay needs one to start from)", InputErrorKind.Malformed);
    }

    private void CreateBook()
    {
        var highest = _snapshots[0].Levels.Count > 0 ? _snapshots[0].Levels.Max(l => l.Price) : 1;
        _report.Symbol = Path.GetFileName(_options.UpdatesPath).Split('_')[0];
        _spec = new InstrumentSpec(_report.Symbol, _options.TickSize, _options.LotSize, new Price(1), new Price(_options.MaxPrice ?? ReplayLimits.DefaultMaxPrice(highest, 1_000)), new Quantity(ReplayLimits.MaxLots));
        _book = new L2Book<TProcessor>(_spec, _options.MaxOrders, createProcessor, tape);
    }

    private void Reset(int index)
    {
        var s = _snapshots[index];
        foreach (var l in s.Levels)
        {
            L2Book<TProcessor>.CheckPrice(_spec, l.Price, _options.SnapshotsPath, s.Line, _tick.Format);
        }

        _book.Live.Now = Math.Max(_book.Live.Now, s.TimeNs);
        _book.ApplySnapshot(s.Levels, _options.SnapshotsPath, s.Line);
        _report.SnapshotResets++;
        _current = index;
        _awaitingFirst = true;
    }

    private void Apply(string file)
    {
        var e = _event;
        DeliverInjections(e.TimeNs);
        _book.Live.Now = Math.Max(_book.Live.Now, e.TimeNs);
        if (_unsynced)
        {
            _report.EventsDroppedUnsynced++;
            return;
        }

        while (true)
        {
            var lastUpdateId = _snapshots[_current].LastUpdateId;
            if (_awaitingFirst)
            {
                if (e.FinalUpdateId < lastUpdateId)
                {
                    _report.StaleEventsDropped++;
                    return;
                }

                if (e.FirstUpdateId <= lastUpdateId)
                {
                    break;
                }

                if (!Gap(file, $"the first event after snapshot lastUpdateId={lastUpdateId} starts at U={e.FirstUpdateId}"))
                {
                    return;
                }
            }
            else if (e.PreviousFinalUpdateId == _previousFinal)
            {
                break;
            }
            else if (!Gap(file, $"pu={e.PreviousFinalUpdateId} but the previous event ended at u={_previousFinal}"))
            {
                return;
            }
        }

        foreach (var u in e.Updates)
        {
            L2Book<TProcessor>.CheckPrice(_spec, u.Price, file, e.Line, _tick.Format);
        }

        var (first, crossed) = _book.ApplyBatch(e.Updates, file, e.Line);
        _awaitingFirst = false;
        _previousFinal = e.FinalUpdateId;
        _report.MessagesApplied++;
        if (crossed > 0)
        {
            var u = e.Updates[first];
            var error = new ReplayInputException(file, e.Line, $"crossed book: {(u.Side == Side.Buy ? "bid" : "ask")} {_tick.Format(u.Price)} would cross the opposite best level; update not applied", InputErrorKind.CrossedBook);
            if (!_options.Lenient)
            {
                throw error;
            }

            _report.Skipped.Record(error);
        }

        Validate();
    }

    /// <summary>Handles an update-id gap: resync from the next snapshot beyond it (true: re-examine the event), else fail or drop the rest.</summary>
    private bool Gap(string file, string what)
    {
        _report.Gaps++;
        var line = _event.Line;
        for (var k = _current + 1; k < _snapshots.Count; k++)
        {
            if (_snapshots[k].LastUpdateId > _previousFinal && _snapshots[k].LastUpdateId >= _event.PreviousFinalUpdateId)
            {
                _report.Notes.Add($"{file}:{line}: update-id gap ({what}); resynced from the snapshot at {_options.SnapshotsPath}:{_snapshots[k].Line} (lastUpdateId={_snapshots[k].LastUpdateId})");
                _book.Live.Recorder.Write(new TapeRow { Sequence = _book.Live.Sequence, TimeNs = _book.Live.Now, Event = TapeEvent.Gap, Detail = "resync" });
                Reset(k);
                _report.Resyncs++;
                return true;
            }
        }

        var error = new ReplayInputException(file, line, $"update-id gap: {what}, and no later snapshot to resync from", InputErrorKind.UpdateIdGap);
        if (!_options.Lenient)
        {
            throw error;
        }

        _report.Skipped.Record(error);
        _book.Live.Recorder.Write(new TapeRow { Sequence = _book.Live.Sequence, TimeNs = _book.Live.Now, Event = TapeEvent.Gap, Detail = "unrecoverable" });
        _unsynced = true;
        _report.EventsDroppedUnsynced++;
        return false;
    }

    /// <summary>Compares the book with a later snapshot taken exactly where this event ended.</summary>
    private void Validate()
    {
        if (!_report.Validated)
        {
            return;
        }

        for (var k = _current + 1; k < _snapshots.Count; k++)
        {
            var s = _snapshots[k];
            if (s.LastUpdateId != _previousFinal)
            {
                continue;
            }

            var asks = s.Side(Side.Sell);
            var bids = s.Side(Side.Buy);
            _report.TransitionsChecked++;
            var mismatch = _book.Compare(asks, bids, Math.Max(1, Math.Min(asks.Length, bids.Length)), _tick.Format);
            if (mismatch is not null)
            {
                _report.TransitionsMismatched++;
                _report.FirstMismatch ??= $"{_options.SnapshotsPath}:{s.Line} (after {_options.UpdatesPath}:{_event.Line}): {mismatch}";
            }
        }
    }

    private void DeliverInjections(long time) => _book.DeliverInjections(_options.Injections, ref _nextInjection, time, _spec, _tick.Format);

    private ReplayReport Finish() => _book.Finish(_report);
}
