namespace Microstructure.Analysis.Recording;

/// <summary>One row of a comparison: a metric of a design across its seeds.</summary>
/// <param name="Design">Design name.</param>
/// <param name="Metric">Metric key (see docs/outputs.md).</param>
/// <param name="Unit">Unit of the metric.</param>
/// <param name="Spread">Mean and spread across seeds.</param>
public sealed record DesignMetricSpread(string Design, string Metric, string Unit, MetricSpread Spread);
