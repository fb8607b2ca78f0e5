using Microstructure.Replay.Injection;

namespace Microstructure.Replay.Output;

/// <summary>Everything a replay run reports; printed by the command line and written as summary.json.</summary>
public sealed class ReplayReport
{
    /// <summary>"lobster", "tardis" or "binance".</summary>
    public required string Format { get; init; }

    /// <summary>The input files, as given.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }

    /// <summary>Instrument name.</summary>
    public string Symbol { get; set; } = string.Empty;

    /// <summary>Price of one tick in the source's unit.</summary>
    public decimal TickSize { get; set; }

    /// <summary>Quantity of one lot in the source's unit.</summary>
    public decimal LotSize { get; set; }

    /// <summary>What the tape's time_ns counts from: "midnight" (LOBSTER) or "unix-epoch".</summary>
    public string TimeOrigin { get; set; } = "unix-epoch";

    /// <summary>
    /// Whether the replay was cancelled (its options' <c>Cancellation</c>) before the end of its input; the counts
    /// cover the messages applied until then.
    /// </summary>
    public bool Cancelled { get; set; }

    /// <summary>
    /// Time of the last message applied before the cancellation, ns in <see cref="TimeOrigin"/> (the tape's
    /// <c>time_ns</c>); null when the replay was not cancelled.
    /// </summary>
    public long? StoppedAtNs { get; set; }

    /// <summary>Historical messages (lines or events) read.</summary>
    public long MessagesRead { get; set; }

    /// <summary>Historical messages applied (read minus skipped).</summary>
    public long MessagesApplied { get; set; }

    /// <summary>What <c>--lenient</c> skipped.</summary>
    public SkipLog Skipped { get; } = new();

    /// <summary>Whether validation ran.</summary>
    public bool Validated { get; set; }

    /// <summary>Book transitions (or snapshots) compared with the source's own book.</summary>
    public long TransitionsChecked { get; set; }

    /// <summary>Those that differed.</summary>
    public long TransitionsMismatched { get; set; }

    /// <summary>Transitions not compared because their message or row was skipped.</summary>
    public long TransitionsSkipped { get; set; }

    /// <summary>The first mismatch, precisely (row, side, level, expected, got), or null.</summary>
    public string? FirstMismatch { get; set; }

    /// <summary>Historical visible trades (LOBSTER executions, Tardis trades).</summary>
    public long HistoricalTrades { get; set; }

    /// <summary>Lots of those trades applied to the book or recorded.</summary>
    public long HistoricalTradeLots { get; set; }

    /// <summary>Hidden executions and cross trades (LOBSTER types 5 and 6).</summary>
    public long HiddenTrades { get; set; }

    /// <summary>Lots of those.</summary>
    public long HiddenTradeLots { get; set; }

    /// <summary>Historical liquidations read (Tardis).</summary>
    public long Liquidations { get; set; }

    /// <summary>Mark/index/funding updates read (Tardis derivative_ticker).</summary>
    public long TickerUpdates { get; set; }

    /// <summary>Halt messages (LOBSTER type 7).</summary>
    public long Halts { get; set; }

    /// <summary>Full-book snapshots applied (Tardis snapshot runs, Binance snapshots).</summary>
    public long SnapshotResets { get; set; }

    /// <summary>Binance: events dropped because they precede the snapshot (u &lt; lastUpdateId).</summary>
    public long StaleEventsDropped { get; set; }

    /// <summary>Binance: update-id gaps found.</summary>
    public long Gaps { get; set; }

    /// <summary>Binance: gaps resynced from a later snapshot.</summary>
    public long Resyncs { get; set; }

    /// <summary>Binance: events skipped while the book could not be resynced (lenient only).</summary>
    public long EventsDroppedUnsynced { get; set; }

    /// <summary>LOBSTER: levels corrected from the orderbook file as they entered the window.</summary>
    public long WindowAdjustments { get; set; }

    /// <summary>Lots added by those corrections.</summary>
    public long WindowLotsAdded { get; set; }

    /// <summary>Lots removed by those corrections.</summary>
    public long WindowLotsRemoved { get; set; }

    /// <summary>Trades between two historical orders (only when the data cross themselves).</summary>
    public long HistoricalCrossTrades { get; set; }

    /// <summary>Injected orders submitted.</summary>
    public long InjectedOrders { get; set; }

    /// <summary>
    /// Injected orders the risk layer refused (with a population: the injected trader is refused like any other, e.g.
    /// over the position limit); the first ones are described in <see cref="Notes"/>. An order the book itself rejects
    /// (a price outside the range, a quantity too large, a full book) stops the replay as bad input instead.
    /// </summary>
    public long InjectedOrdersRefused { get; set; }

    /// <summary>Fills involving simulated orders.</summary>
    public long SimulatedFills { get; set; }

    /// <summary>Lots filled in those.</summary>
    public long SimulatedFilledLots { get; set; }

    /// <summary>Average fill price of those, ticks (null when none).</summary>
    public decimal? SimulatedAveragePrice { get; set; }

    /// <summary>Reconciliation of history against simulated flow.</summary>
    public ReconciliationCounts Reconciliation { get; set; } = new();

    /// <summary>Price impact of the injected flow (null without injections).</summary>
    public ImpactReport? Impact { get; set; }

    /// <summary>What the leveraged population did (null without one).</summary>
    public PopulationReport? Population { get; set; }

    /// <summary>L1 changes in the replayed book.</summary>
    public long L1Changes { get; set; }

    /// <summary>Notes worth a user's attention (gaps resynced, ...), in order.</summary>
    public List<string> Notes { get; } = [];
}
