using Microstructure.Analysis.Recording;

namespace Microstructure.Runner.Sweeps;

/// <summary>What a sweep runs: a scenario file at every point of a grid of field values, under each design and seed.</summary>
public sealed record SweepPlan
{
    /// <summary>The scenario file (its content is part of every run key).</summary>
    public required string ScenarioPath { get; init; }

    /// <summary>The fields varied and their values; the grid is their product (the first varies slowest). Empty: one point, the file as it is.</summary>
    public IReadOnlyList<SweepParameter> Parameters { get; init; } = [];

    /// <summary>
    /// Latin-hypercube sampling instead of the grid: <c>(points, seed)</c>, each parameter's two values its range
    /// [low, high]. Null: the grid.
    /// </summary>
    public LhsSample? Sample { get; init; }

    /// <summary>Liquidation designs (names the scenario resolves).</summary>
    public required IReadOnlyList<string> Designs { get; init; }

    /// <summary>The design the statistics take differences against; null: the first of <see cref="Designs"/>. Not part of the run keys.</summary>
    public string? Baseline { get; init; }

    /// <summary>Seeds of every point and design.</summary>
    public required IReadOnlyList<long> Seeds { get; init; }

    /// <summary>Output directory: new, empty, or an earlier run of the same sweep to resume.</summary>
    public required string Directory { get; init; }

    /// <summary>Runs at once; results never depend on it.</summary>
    public int MaxParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Simulated seconds per run instead of the scenario's (part of the run key).</summary>
    public double? DurationSeconds { get; init; }

    /// <summary>What each run keeps on disk.</summary>
    public SweepKeep Keep { get; init; } = SweepKeep.Liquidations;

    /// <summary>
    /// Bytes a finished run keeps on disk under <see cref="Keep"/>, for the run budget, or null when it keeps everything:
    /// summary.json, report.md, point.json and scenario.json are about 30 kB; the liquidation table of the shipped
    /// scenarios at five simulated minutes measured 14–50 kB (runs of 49–71 kB in all). Rounded up, since the liquidation
    /// table grows with the liquidations.
    /// </summary>
    public double? KeptBytesPerRun => Keep switch
    {
        SweepKeep.Summary => 40_000,
        SweepKeep.Liquidations => 150_000,
        _ => null,
    };

    /// <summary>The recorder's options for a run that keeps <see cref="Keep"/>: plots and CSV only when everything is kept.</summary>
    internal RecorderOptions Recorder => RecorderFor(Keep);

    /// <summary>The recorder's options for a run that keeps <paramref name="keep"/>.</summary>
    internal static RecorderOptions RecorderFor(SweepKeep keep) => keep == SweepKeep.All
        ? RecorderOptions.Default
        : RecorderOptions.Default with { WritePlots = false, Formats = Analysis.Tables.TableFormats.Parquet };
}

/// <summary>One varied field: its path as errors name it (e.g. <c>agents[2].leverage.max</c>) and its values (JSON, or bare strings).</summary>
/// <param name="Path">The field path.</param>
/// <param name="Values">The values, in order.</param>
public sealed record SweepParameter(string Path, IReadOnlyList<string> Values);

/// <summary>Latin-hypercube sampling of a sweep's ranges.</summary>
/// <param name="Points">How many points.</param>
/// <param name="Seed">The sampler's seed.</param>
public sealed record LhsSample(int Points, long Seed);

/// <summary>What a sweep keeps of each run.</summary>
public enum SweepKeep
{
    /// <summary>summary.json, report.md, the point and the scenario it ran.</summary>
    Summary,

    /// <summary>That and the liquidation table (tape/liquidation_events.parquet). The default.</summary>
    Liquidations,

    /// <summary>The whole run directory, as <c>simulate</c> writes it (tapes in CSV and Parquet, analysis, plots).</summary>
    All,
}
