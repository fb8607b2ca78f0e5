using Microstructure.Analysis.Recording;

namespace Microstructure.Runner.Replay;

/// <summary>What <see cref="ReplayRunner.Run"/> needs besides the replay itself.</summary>
public sealed record ReplayRequest
{
    /// <summary>The source format: <c>lobster</c>, <c>tardis</c> or <c>binance</c>.</summary>
    public required string Format { get; init; }

    /// <summary>The run's name (e.g. "lobster AAPL_…_message_10"): <c>run.scenario</c> in summary.json and the recorded run's name.</summary>
    public required string Name { get; init; }

    /// <summary>The output directory (must not exist or be empty), or null to write nothing.</summary>
    public string? Directory { get; init; }

    /// <summary>
    /// Whether the replay has a leveraged population: its exchange events are then recorded into <c>run/</c> inside
    /// <see cref="Directory"/>, the same recorded run directory as <c>micro simulate</c> writes.
    /// </summary>
    public bool HasPopulation { get; init; }

    /// <summary>Recorder options (formats, row groups, plots) for the tape and the recorded run; null = defaults.</summary>
    public RecorderOptions? Recorder { get; init; }

    /// <summary>
    /// Cancels the recorded run's analysis (with a population) between its steps. The replay itself stops through the
    /// same token in its options (e.g. <c>LobsterReplayOptions.Cancellation</c>), and its report says so: the runner
    /// then closes the tapes and marks summary.json cancelled instead of analysing (docs/replay.md).
    /// </summary>
    public CancellationToken CancellationToken { get; init; }
}
