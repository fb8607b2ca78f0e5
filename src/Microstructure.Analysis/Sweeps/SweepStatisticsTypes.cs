namespace Microstructure.Analysis.Sweeps;

/// <summary>How <see cref="SweepStatistics.Compute"/> orders designs and which one is the baseline.</summary>
public sealed record SweepStatisticsOptions
{
    /// <summary>Design order of tables and plots (the sweep's --designs); designs not listed follow in ordinal order. Null: ordinal.</summary>
    public IReadOnlyList<string>? Designs { get; init; }

    /// <summary>The design differences are taken against; null: the first design.</summary>
    public string? Baseline { get; init; }
}

/// <summary>
/// One metric of one design over the runs of one point (or of every point): mean, sample standard deviation, median,
/// the 5–95% range and the bootstrap 95% interval of the mean. Values are the runs' finite values, in reported units.
/// </summary>
/// <param name="Metric">The metric column.</param>
/// <param name="Design">The design.</param>
/// <param name="Point">Index into <see cref="SweepStatistics.Points"/>, or −1 for every point together.</param>
/// <param name="Runs">Runs of the cell.</param>
/// <param name="Values">Runs with a value.</param>
/// <param name="Mean">Mean (NaN without values).</param>
/// <param name="StdDev">Sample standard deviation, n − 1 (NaN below two values).</param>
/// <param name="Median">Median.</param>
/// <param name="P5">5% quantile (type 7).</param>
/// <param name="P95">95% quantile (type 7).</param>
/// <param name="CiLow">Lower end of the bootstrap 95% interval of the mean.</param>
/// <param name="CiHigh">Upper end of the bootstrap 95% interval of the mean.</param>
public sealed record MetricSummary(string Metric, string Design, int Point, int Runs, int Values, double Mean, double StdDev, double Median, double P5, double P95, double CiLow, double CiHigh);

/// <summary>
/// A design against the baseline on one metric, over every (point, seed) where both have a value: the mean of
/// design − baseline with its bootstrap 95% interval (pairs resampled), the same relative to the baseline's mean in %
/// (NaN when the baseline's mean is 0), and the share of pairs where the design is strictly better.
/// </summary>
/// <param name="Metric">The metric column.</param>
/// <param name="Design">The design.</param>
/// <param name="Baseline">The baseline design.</param>
/// <param name="Pairs">Paired runs.</param>
/// <param name="Mean">Mean difference (design − baseline).</param>
/// <param name="CiLow">Lower end of its 95% interval.</param>
/// <param name="CiHigh">Upper end of its 95% interval.</param>
/// <param name="RelativePercent">Mean difference ÷ the baseline's mean over the pairs × 100.</param>
/// <param name="RelativeCiLow">Lower end of its 95% interval.</param>
/// <param name="RelativeCiHigh">Upper end of its 95% interval.</param>
/// <param name="ShareBetter">Share of pairs where the design is better (NaN for a metric with no better direction).</param>
public sealed record MetricDifference(string Metric, string Design, string Baseline, int Pairs, double Mean, double CiLow, double CiHigh, double RelativePercent, double RelativeCiLow, double RelativeCiHigh, double ShareBetter)
{
    /// <summary>The interval excludes 0: a clear difference.</summary>
    public bool IsClear => CiLow > 0 || CiHigh < 0;
}

/// <summary>A metric with one value over the whole sweep (NaN: no run had one).</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Value">Its value in reported units.</param>
public sealed record MetricConstant(SweepMetric Metric, double Value);

/// <summary>Designs ranked on one metric by their mean over every point, best first (designs without a value last).</summary>
/// <param name="Metric">The metric (one with a better direction).</param>
/// <param name="Designs">Designs, best first.</param>
public sealed record MetricRanking(SweepMetric Metric, IReadOnlyList<string> Designs);

/// <summary>One run's value of a metric (NaN = none).</summary>
/// <param name="Point">Index into <see cref="SweepStatistics.Points"/>.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Value">The value in reported units.</param>
public readonly record struct RunValue(int Point, long Seed, double Value);
