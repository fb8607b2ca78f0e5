using Microstructure.Analysis.Recording;
using Microstructure.Replay.Output;

namespace Microstructure.Runner.Replay;

/// <summary>How a replay ended.</summary>
/// <param name="Report">Everything the replay counted.</param>
/// <param name="Elapsed">Wall time of the replay itself (reading and applying; not the analysis).</param>
/// <param name="TapeRows">Rows written to the tape (0 without an output directory).</param>
/// <param name="Recorded">The recorded run's headline numbers (a replay with a population and an output directory), else null.</param>
/// <param name="Directory">The output directory (absolute), or null.</param>
public sealed record ReplayOutcome(ReplayReport Report, TimeSpan Elapsed, long TapeRows, RunSummary? Recorded, string? Directory)
{
    /// <summary>
    /// Whether the replay or its recorded run's analysis was cancelled: the tapes are closed and readable, summary.json
    /// says <c>"status": "cancelled"</c>, and <see cref="Recorded"/> is null.
    /// </summary>
    public bool Cancelled { get; init; }
}
