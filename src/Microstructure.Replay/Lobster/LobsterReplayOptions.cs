using Microstructure.Replay.Injection;
using Microstructure.Replay.Population;

namespace Microstructure.Replay.Lobster;

/// <summary>What a LOBSTER replay reads and how.</summary>
public sealed record LobsterReplayOptions
{
    /// <summary>The message file.</summary>
    public required string MessagesPath { get; init; }

    /// <summary>
    /// The orderbook file. Needed for the window semantics (seeding, levels entering the window) and validation;
    /// without it the messages alone are replayed onto an empty book (right only for files with no window, such as
    /// the synthetic benchmark files).
    /// </summary>
    public string? BookPath { get; init; }

    /// <summary>Compare the book after every message with the orderbook file.</summary>
    public bool Validate { get; init; }

    /// <summary>Skip, count and report bad lines instead of stopping at the first.</summary>
    public bool Lenient { get; init; }

    /// <summary>Orders to inject (times in nanoseconds after midnight, prices in dollars × 10,000).</summary>
    public IReadOnlyList<InjectedOrder> Injections { get; init; } = [];

    /// <summary>Capacity of the engine's order pool.</summary>
    public int MaxOrders { get; init; } = 1 << 18;

    /// <summary>Highest price the book accepts (dollars × 10,000, at most 2^62); null = four times the highest price in the first row or message.</summary>
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
