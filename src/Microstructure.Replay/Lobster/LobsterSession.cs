using System.Globalization;
using Microstructure.Engine;
using Microstructure.Engine.Matching;
using Microstructure.Replay.Injection;
using Microstructure.Replay.Io;
using Microstructure.Replay.Output;
using Microstructure.Replay.Processing;

namespace Microstructure.Replay.Lobster;

/// <summary>
/// One LOBSTER replay: reads message k and book row k together, applies the message to the book, corrects levels
/// that entered the window from the row, and (when validating) compares the book with the row.
/// </summary>
/// <typeparam name="TProcessor">The business logic.</typeparam>
internal sealed partial class LobsterSession<TProcessor>
    where TProcessor : struct, IReplayProcessor
{
    private readonly LobsterReplayOptions _options;
    private readonly LobsterMessageReader _messages;
    private readonly LobsterBookReader? _bookReader;
    private readonly IReplayTape? _tape;
    private readonly Func<InstrumentSpec, int, TProcessor> _createProcessor;
    private readonly ReplayReport _report;
    private readonly DepletionLedger _ledger = new();
    private readonly ReconciliationCounts _counts = new();
    private readonly InjectedOrder[] _injections;
    private ReplayBook<TProcessor> _book = null!;
    private LobsterBookRow? _prev;
    private LobsterBookRow? _cur;
    private L2Level[] _levels = [];
    private long _maxPrice;
    private long _lastTime;

    public LobsterSession(
        LobsterReplayOptions options,
        LobsterMessageReader messages,
        LobsterBookReader? bookReader,
        IReplayTape? tape,
        Func<InstrumentSpec, int, TProcessor> createProcessor)
    {
        _options = options;
        _messages = messages;
        _bookReader = bookReader;
        _tape = tape;
        _createProcessor = createProcessor;

        // An array: the replay checks for due injections before every message, and an interface call there costs.
        _injections = [.. options.Injections];
        _report = new ReplayReport
        {
            Format = "lobster",
            Inputs = bookReader is null ? [options.MessagesPath] : [options.MessagesPath, options.BookPath!],
            TickSize = 0.0001m,
            LotSize = 1m,
            TimeOrigin = "midnight",
            Validated = options.Validate && bookReader is not null,
        };
    }

    public ReplayReport Run()
    {
        // The first message and row seed the book, so they must be readable even in lenient mode.
        if (!_messages.TryRead(out var first))
        {
            throw new ReplayInputException(_messages.Name, 0, "the message file is empty", InputErrorKind.Malformed);
        }

        _report.MessagesRead = 1;
        if (_bookReader is not null)
        {
            _prev = _bookReader.ReadFirst() ?? throw new ReplayInputException(_bookReader.Name, 0, "the orderbook file is empty", InputErrorKind.Inconsistent);
            _cur = new LobsterBookRow(_prev.Levels);
            _levels = new L2Level[Math.Max(64, 4 * _prev.Levels)];
        }

        CreateBook(in first);
        if (_prev is not null)
        {
            Seed(in first, _prev);
        }

        Apply(in first);
        _report.MessagesApplied = 1;
        var cancellation = _options.Cancellation;
        while (!cancellation.IsCancellationRequested)
        {
            if (!Step())
            {
                DeliverInjections(long.MaxValue);
                return Finish();
            }
        }

        _report.Cancelled = true;
        _report.StoppedAtNs = _lastTime;
        return Finish();
    }

    /// <summary>Reads and applies one message (and its row); false at the end of the message file.</summary>
    private bool Step()
    {
        bool haveMessage;
        var messageOk = false;
        LobsterMessage message = default;
        try
        {
            haveMessage = _messages.TryRead(out message);
            messageOk = haveMessage;
        }
        catch (ReplayInputException e) when (_options.Lenient)
        {
            _report.Skipped.Record(e);
            haveMessage = true;
        }

        if (!haveMessage)
        {
            if (_bookReader is not null && _bookReader.TryRead(_cur!))
            {
                throw new ReplayInputException(_bookReader.Name, _bookReader.LineNumber, "the orderbook file has more rows than the message file has messages", InputErrorKind.Inconsistent);
            }

            return false;
        }

        _report.MessagesRead++;
        var rowOk = _bookReader is not null && ReadRow();
        if (messageOk)
        {
            try
            {
                Apply(in message);
                _report.MessagesApplied++;
            }
            catch (ReplayInputException e) when (_options.Lenient)
            {
                _report.Skipped.Record(e);
                messageOk = false;
            }
        }

        if (_bookReader is null)
        {
            return true;
        }

        if (rowOk && messageOk)
        {
            AdjustWindow();
            if (_report.Validated)
            {
                Compare();
            }
        }
        else if (_report.Validated)
        {
            _report.TransitionsSkipped++;
        }

        if (rowOk)
        {
            (_prev, _cur) = (_cur, _prev);
        }

        return true;
    }

    private bool ReadRow()
    {
        try
        {
            if (!_bookReader!.TryRead(_cur!))
            {
                throw new ReplayInputException(_bookReader.Name, _bookReader.LineNumber + 1,
                    $"the orderbook file ends here but the message file goes on (message line {_messages.LineNumber})", InputErrorKind.Inconsistent);
            }

            return true;
        }
        catch (ReplayInputException e) when (_options.Lenient && e.Kind != InputErrorKind.Inconsistent)
        {
            _report.Skipped.Record(e);
            return false;
        }
    }

    private void CreateBook(in LobsterMessage first)
    {
        var highest = first.Type == LobsterEventType.Halt ? 0 : first.Price;
        if (_prev is not null)
        {
            for (var i = 0; i < _prev.AskCount; i++)
            {
                highest = Math.Max(highest, _prev.AskPrices[i]);
            }

            for (var i = 0; i < _prev.BidCount; i++)
            {
                highest = Math.Max(highest, _prev.BidPrices[i]);
            }
        }

        _maxPrice = _options.MaxPrice ?? ReplayLimits.DefaultMaxPrice(highest, 1_000_000);
        var name = Path.GetFileName(_options.MessagesPath);
        var underscore = name.IndexOf('_', StringComparison.Ordinal);
        _report.Symbol = underscore > 0 ? name[..underscore] : name;
        var spec = new InstrumentSpec(_report.Symbol, 0.0001m, 1m, new Price(1), new Price(_maxPrice), new Quantity(ReplayLimits.MaxLots));
        var recorder = new ReplayRecorder(_tape, _ledger, _counts);
        _book = new ReplayBook<TProcessor>(_createProcessor(spec, _options.MaxOrders), recorder, _ledger, _counts);
    }

    /// <summary>Seeds the book with the first row minus the first message's effect (one placeholder per level).</summary>
    private void Seed(in LobsterMessage first, LobsterBookRow row)
    {
        var seed = new Dictionary<(Side, long), long>();
        foreach (var side in (ReadOnlySpan<Side>)[Side.Sell, Side.Buy])
        {
            for (var i = 0; i < row.Count(side); i++)
            {
                seed[(side, row.Prices(side)[i])] = row.Sizes(side)[i];
            }
        }

        var key = (first.Side, first.Price);
        switch (first.Type)
        {
            case LobsterEventType.NewLimit:
                seed[key] = seed.GetValueOrDefault(key) - first.Size;
                break;
            case LobsterEventType.PartialCancel or LobsterEventType.Delete or LobsterEventType.VisibleExecution:
                seed[key] = seed.GetValueOrDefault(key) + first.Size;
                break;
            default:
                break;
        }

        if (seed.GetValueOrDefault(key) < 0)
        {
            throw new ReplayInputException(_bookReader!.Name, 1, "the first row does not contain the order the first message adds", InputErrorKind.Inconsistent);
        }

        _book.Recorder.Muted = true;
        _book.Now = first.TimeNs;
        foreach (var ((side, price), size) in seed.OrderBy(kv => kv.Key.Item1).ThenBy(kv => kv.Key.Item2))
        {
            if (size > 0)
            {
                var reject = _book.PlaceLimit(ReplayOrderIds.Placeholder(side, price), side, price, size);
                if (reject != RejectReason.None)
                {
                    throw new ReplayInputException(_bookReader!.Name, 1, RejectText(reject, price), InputErrorKind.InvalidValue);
                }
            }
        }

        _book.Recorder.Muted = false;
    }

    private ReplayReport Finish()
    {
        var recorder = _book.Recorder;
        _report.Reconciliation = _counts;
        _report.HistoricalCrossTrades = recorder.HistoricalCrossTrades;
        _report.InjectedOrders = _book.InjectedOrders;
        _report.InjectedOrdersRefused = _book.InjectedOrdersRefused;
        _book.AddRefusalNotes(_report.Notes);
        _report.SimulatedFills = recorder.SimulatedFills;
        _report.SimulatedFilledLots = recorder.SimulatedFilledLots;
        _report.SimulatedAveragePrice = recorder.SimulatedFilledLots > 0 ? (decimal)recorder.SimulatedFilledNotional / recorder.SimulatedFilledLots : null;
        _report.L1Changes = recorder.L1Changes;
        if (_options.Injections.Count > _book.InjectedOrders)
        {
            _report.Notes.Add(_report.Cancelled
                ? $"{_options.Injections.Count - _book.InjectedOrders} injected order(s) never ran: the replay was cancelled first"
                : $"{_options.Injections.Count - _book.InjectedOrders} injected order(s) never ran: trading was still halted at the end");
        }

        if (_book.InjectedOrders > 0)
        {
            _report.Impact = new ImpactReport
            {
                BidBefore = _book.BeforeFirstInjection.Bid,
                AskBefore = _book.BeforeFirstInjection.Ask,
                BidAfter = _book.AfterFirstInjection.Bid,
                AskAfter = _book.AfterFirstInjection.Ask,
                FinalBid = _book.BestBid(),
                FinalAsk = _book.BestAsk(),
                FinalHistoricalBid = _prev is { BidCount: > 0 } ? _prev.BidPrices[0] : 0,
                FinalHistoricalAsk = _prev is { AskCount: > 0 } ? _prev.AskPrices[0] : 0,
                FinalBidDepth = _prev is { BidCount: > 0 } ? WindowDepth.Sum(_book.Engine, Side.Buy, _prev.BidPrices[_prev.BidCount - 1]) : 0,
                FinalHistoricalBidDepth = _prev?.BidSizes.Sum() ?? 0,
                FinalAskDepth = _prev is { AskCount: > 0 } ? WindowDepth.Sum(_book.Engine, Side.Sell, _prev.AskPrices[_prev.AskCount - 1]) : 0,
                FinalHistoricalAskDepth = _prev?.AskSizes.Sum() ?? 0,
            };
        }

        return _report;
    }

    private string RejectText(RejectReason reject, long price) => reject switch
    {
        RejectReason.InvalidPrice => $"price {FormatPrice(price)} is outside the replay's price range (up to {FormatPrice(_maxPrice)}); {(_maxPrice < ReplayLimits.MaxPriceTicks ? "pass a larger --max-price" : "no book holds more than 2^62 ticks")}",
        RejectReason.BookFull => $"the book is full ({_options.MaxOrders} resting orders); pass a larger --max-orders",
        RejectReason.DuplicateOrderId => "the order id is already resting in the book (added twice)",
        _ => $"the engine rejected the order ({reject})",
    };

    private static string FormatPrice(long price) => (price / 10_000m).ToString("0.0000", CultureInfo.InvariantCulture);
}
