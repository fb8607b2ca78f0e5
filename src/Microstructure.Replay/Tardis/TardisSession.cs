using Microstructure.Engine;
using Microstructure.Replay.Io;
using Microstructure.Replay.L2;
using Microstructure.Replay.Output;
using Microstructure.Replay.Processing;

namespace Microstructure.Replay.Tardis;

/// <summary>
/// One Tardis replay: merges the files by local_timestamp (book updates first at equal times, then the snapshot
/// check, trades, liquidations, tickers; injections after every historical row at or before their time).
/// </summary>
/// <typeparam name="TProcessor">The business logic.</typeparam>
internal sealed partial class TardisSession<TProcessor> : IDisposable
    where TProcessor : struct, IReplayProcessor
{
    private readonly TardisReplayOptions _options;
    private readonly IReplayTape? _tape;
    private readonly Func<InstrumentSpec, int, TProcessor> _createProcessor;
    private readonly DecimalUnit _tick;
    private readonly DecimalUnit _lot;
    private readonly ReplayReport _report;
    private readonly TardisBookUpdateReader _updates;
    private readonly TardisSnapshotReader? _snapshots;
    private readonly TardisTradeReader? _trades;
    private readonly TardisTradeReader? _liquidations;
    private readonly TardisTickerReader? _ticker;
    private readonly List<LevelUpdate> _batch = [];
    private readonly List<long> _batchLines = [];
    private readonly TardisSnapshotRow? _snapshotRow;
    private L2Book<TProcessor> _book = null!;
    private InstrumentSpec _spec = null!;
    private TardisBookRow _nextRow;
    private bool _haveRow;
    private bool _haveSnapshot;
    private TardisTrade _trade;
    private bool _haveTrade;
    private TardisTrade _liquidation;
    private bool _haveLiquidation;
    private MarketDataUpdate _tickerRow;
    private bool _haveTicker;
    private int _nextInjection;

    public TardisSession(TardisReplayOptions options, IReplayTape? tape, Func<InstrumentSpec, int, TProcessor> createProcessor)
    {
        _options = options;
        _tape = tape;
        _createProcessor = createProcessor;
        if (options.TickSize <= 0 || options.LotSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "Tick and lot sizes must be positive.");
        }

        _tick = DecimalUnit.From(options.TickSize);
        _lot = DecimalUnit.From(options.LotSize);
        var inputs = new List<string> { options.BookUpdatesPath };
        inputs.AddRange(new[] { options.SnapshotsPath, options.TradesPath, options.LiquidationsPath, options.TickerPath }.OfType<string>());
        _report = new ReplayReport
        {
            Format = "tardis",
            Inputs = inputs,
            TickSize = options.TickSize,
            LotSize = options.LotSize,
            Validated = options.Validate && options.SnapshotsPath is not null,
        };
        _updates = new TardisBookUpdateReader(options.BookUpdatesPath, _tick, _lot);
        _snapshots = options.SnapshotsPath is null ? null : new TardisSnapshotReader(options.SnapshotsPath, _tick, _lot);
        _snapshotRow = _snapshots is null ? null : new TardisSnapshotRow(_snapshots.Depth);
        _trades = options.TradesPath is null ? null : new TardisTradeReader(options.TradesPath, _tick, _lot);
        _liquidations = options.LiquidationsPath is null ? null : new TardisTradeReader(options.LiquidationsPath, _tick, _lot, liquidations: true);
        _ticker = options.TickerPath is null ? null : new TardisTickerReader(options.TickerPath, _tick, _lot);
        foreach (var reader in new TardisReader?[] { _snapshots, _trades, _liquidations, _ticker })
        {
            // One instrument across the files: every row repeats the exchange and symbol of the first book update.
            if (reader is not null)
            {
                reader.Instrument = _updates.Instrument;
            }
        }
    }

    public ReplayReport Run()
    {
        _haveRow = Read(_updates, () => _updates.TryRead(out _nextRow));
        if (!_haveRow)
        {
            throw new ReplayInputException(_updates.Name, 0, "no book updates in the file", InputErrorKind.Malformed);
        }

        CreateBook();
        _haveSnapshot = _snapshots is not null && Read(_snapshots, () => _snapshots.TryRead(_snapshotRow!));
        _haveTrade = _trades is not null && Read(_trades, () => _trades.TryRead(out _trade));
        _haveLiquidation = _liquidations is not null && Read(_liquidations, () => _liquidations.TryRead(out _liquidation));
        _haveTicker = _ticker is not null && Read(_ticker, () => _ticker.TryRead(out _tickerRow));
        var cancellation = _options.Cancellation;
        while (!cancellation.IsCancellationRequested)
        {
            if (!StepEarliest())
            {
                DeliverInjections(long.MaxValue);
                return Finish();
            }
        }

        return _book.FinishCancelled(_report, _options.Injections.Count - _nextInjection);
    }

    public void Dispose()
    {
        _updates.Dispose();
        _snapshots?.Dispose();
        _trades?.Dispose();
        _liquidations?.Dispose();
        _ticker?.Dispose();
    }

    private void CreateBook()
    {
        var max = _options.MaxPrice ?? ReplayLimits.DefaultMaxPrice(_nextRow.Price, 1_000);
        var name = Path.GetFileName(_options.BookUpdatesPath);
        _report.Symbol = name.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? Path.GetFileNameWithoutExtension(Path.GetFileNameWithoutExtension(name)) : Path.GetFileNameWithoutExtension(name);
        _spec = new InstrumentSpec(_report.Symbol, _options.TickSize, _options.LotSize, new Price(1), new Price(max), new Quantity(ReplayLimits.MaxLots));
        _book = new L2Book<TProcessor>(_spec, _options.MaxOrders, _createProcessor, _tape);
    }

    /// <summary>Processes the earliest pending row of any file; false when all are exhausted.</summary>
    private bool StepEarliest()
    {
        var time = long.MaxValue;
        var which = -1;
        Consider(_haveRow, _nextRow.LocalTimeNs, 0);
        Consider(_haveSnapshot, _snapshotRow?.LocalTimeNs ?? 0, 1);
        Consider(_haveTrade, _trade.LocalTimeNs, 2);
        Consider(_haveLiquidation, _liquidation.LocalTimeNs, 3);
        Consider(_haveTicker, _tickerRow.Timestamp.Nanoseconds, 4);
        if (which < 0)
        {
            return false;
        }

        DeliverInjections(time);
        _book.Live.Now = time;
        switch (which)
        {
            case 0:
                ApplyBookBatch();
                break;
            case 1:
                CheckSnapshot();
                _haveSnapshot = Read(_snapshots!, () => _snapshots!.TryRead(_snapshotRow!));
                break;
            case 2:
                RecordTrade(in _trade, liquidation: false);
                _haveTrade = Read(_trades!, () => _trades!.TryRead(out _trade));
                break;
            case 3:
                RecordTrade(in _liquidation, liquidation: true);
                _haveLiquidation = Read(_liquidations!, () => _liquidations!.TryRead(out _liquidation));
                break;
            default:
                RecordTicker();
                _haveTicker = Read(_ticker!, () => _ticker!.TryRead(out _tickerRow));
                break;
        }

        return true;

        void Consider(bool have, long t, int index)
        {
            // Strictly earlier wins, so at equal times the lower index (book first) is taken.
            if (have && t < time)
            {
                time = t;
                which = index;
            }
        }
    }

    /// <summary>Reads one row, skipping bad lines in lenient mode; false at the end of the file.</summary>
    private bool Read(TardisReader reader, Func<bool> read)
    {
        while (true)
        {
            try
            {
                var have = read();
                if (have && reader == _updates)
                {
                    _report.MessagesRead++;
                }

                return have;
            }
            catch (ReplayInputException e) when (_options.Lenient)
            {
                _report.MessagesRead++;
                _report.Skipped.Record(e);
            }
        }
    }
}
