namespace Microstructure.Analysis.Recording;

/// <summary>What <see cref="ComparisonReport.Write"/> computed: the designs, seeds and per-design spread of every metric.</summary>
public sealed record ComparisonSummary
{
    /// <summary>The comparison directory (absolute path).</summary>
    public required string Directory { get; init; }

    /// <summary>Scenario names of the runs (usually one).</summary>
    public required IReadOnlyList<string> Scenarios { get; init; }

    /// <summary>Designs in ordinal order.</summary>
    public required IReadOnlyList<string> Designs { get; init; }

    /// <summary>Seeds in ascending order (the union over designs).</summary>
    public required IReadOnlyList<long> Seeds { get; init; }

    /// <summary>One row per (design, metric), designs in order, metrics in table order.</summary>
    public required IReadOnlyList<DesignMetricSpread> Rows { get; init; }

    /// <summary>The spread of <paramref name="metric"/> for <paramref name="design"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such design or metric.</exception>
    public MetricSpread Spread(string design, string metric) =>
        Rows.FirstOrDefault(r => r.Design == design && r.Metric == metric)?.Spread
        ?? throw new KeyNotFoundException($"No metric '{metric}' for design '{design}' in this comparison.");
}
