using Microstructure.Replay.Injection;
using Microstructure.Replay.Population;

namespace Microstructure.Replay.Binance;

/// <summary>What a Binance USDⓈ-M depth replay reads and how.</summary>
public sealed record BinanceReplayOptions
{
    /// <summary>JSON lines of REST depth snapshots, ascending lastUpdateId; the first starts the replay, later ones validate and resync.</summary>
    public required string SnapshotsPath { get; init; }

    /// <summary>JSON lines of diff-depth events (raw or combined-stream wrapped).</summary>
    public required string UpdatesPath { get; init; }

    /// <summary>Price of one tick, e.g. 0.1.</summary>
    public required decimal TickSize { get; init; }

    /// <summary>Quantity of one lot, e.g. 0.001.</summary>
    public required decimal LotSize { get; init; }

    /// <summary>Compare the rebuilt book with every later snapshot whose lastUpdateId an event ends on.</summary>
    public bool Validate { get; init; }

    /// <summary>Skip, count and report bad lines; an unrecoverable gap drops the rest of the stream instead of failing.</summary>
    public bool Lenient { get; init; }

    /// <summary>Orders to inject (times in ns since the epoch, ticks, lots).</summary>
    public IReadOnlyList<InjectedOrder> Injections { get; init; } = [];

    /// <summary>Capacity of the book's order pool.</summary>
    public int MaxOrders { get; init; } = 1 << 18;

    /// <summary>Highest price in ticks (at most 2^62); null = four times the first snapshot's highest price.</summary>
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
