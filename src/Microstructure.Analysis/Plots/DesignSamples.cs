namespace Microstructure.Analysis.Plots;

/// <summary>One design's values of a metric, one per seed.</summary>
/// <param name="Design">Design name (x-axis label).</param>
/// <param name="Values">The metric per seed; non-finite values are left out.</param>
internal sealed record DesignSamples(string Design, IReadOnlyList<double> Values);
