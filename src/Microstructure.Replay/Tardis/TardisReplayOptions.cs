using Microstructure.Replay.Injection;
using Microstructure.Replay.Population;

namespace Microstructure.Replay.Tardis;

/// <summary>What a Tardis replay reads and how.</summary>
public sealed record TardisReplayOptions
{
    /// <summary>incremental_book_L2 file (required): the book is rebuilt from it.</summary>
    public required string BookUpdatesPath { get; init; }

    /// <summary>book_snapshot_25 (or _5) file: validation compares the rebuilt book with each of its rows.</summary>
    public string? SnapshotsPath { get; init; }

    /// <summary>trades file (recorded on the tape and given to the processor).</summary>
    public string? TradesPath { get; init; }

    /// <summary>liquidations file.</summary>
    public string? LiquidationsPath { get; init; }

    /// <summary>derivative_ticker file (mark, index, funding, open interest).</summary>
    public string? TickerPath { get; init; }

    /// <summary>Price of one tick, e.g. 0.1 for BTCUSDT.</summary>
    public required decimal TickSize { get; init; }

    /// <summary>Quantity of one lot, e.g. 0.001.</summary>
    public required decimal LotSize { get; init; }

    /// <summary>Compare the rebuilt book with every snapshot row.</summary>
    public bool Validate { get; init; }

    /// <summary>Skip, count and report bad lines.</summary>
    public bool Lenient { get; init; }

    /// <summary>Orders to inject (times in ns since the epoch, ticks, lots).</summary>
    public IReadOnlyList<InjectedOrder> Injections { get; init; } = [];

    /// <summary>Capacity of the book's order pool (one order per level, plus injected orders).</summary>
    public int MaxOrders { get; init; } = 1 << 18;

    /// <summary>Highest price in ticks (at most 2^62); null = four times the first price seen.</summary>
    public long? MaxPrice { get; init; }

    /// <summary>
    /// A leveraged population to open against the replayed book, with its liquidation design: the replay then runs
    /// through the risk layer's exchange (docs/replay.md, "Leveraged population"). Null = the engine alone.
    /// </summary>
    public PopulationSpec? Population { get; init; }

    /// <summary>
    /// Stops the replay between messages once cancelled (e.g. by Ctrl+C or SIGTERM): the report then says
    /// <see cref="Output.ReplayReport.Cancelled"/> and where it stopped, its counts cover the messages applied until
    /// then, and injected orders not yet due are not submitted. Default: never.
    /// </summary>
    public CancellationToken Cancellation { get; init; }
}
