using Microstructure.Analysis.Recording;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.Runner.Comparison;

/// <summary>What a design comparison runs: one scenario under each design and each seed.</summary>
public sealed record ComparisonPlan
{
    /// <summary>The scenario.</summary>
    public required Scenario Scenario { get; init; }

    /// <summary>Design names (options from the scenario when it names the design, else the design's defaults).</summary>
    public required IReadOnlyList<string> Designs { get; init; }

    /// <summary>Seeds; every design runs every seed.</summary>
    public required IReadOnlyList<long> Seeds { get; init; }

    /// <summary>
    /// The output directory (must not exist or be empty): <c>comparison/</c> holds the report, <c>runs/DESIGN/seed-N/</c>
    /// each run's directory.
    /// </summary>
    public required string Directory { get; init; }

    /// <summary>Runs at once (one thread each). Results do not depend on it. Default: the processor count.</summary>
    public int MaxParallelism { get; init; } = System.Environment.ProcessorCount;

    /// <summary>Simulated duration override in seconds; null = the scenario's.</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>Recorder options of every run; null = defaults.</summary>
    public RecorderOptions? Recorder { get; init; }
}
