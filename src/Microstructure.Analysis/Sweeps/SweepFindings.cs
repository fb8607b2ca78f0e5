using System.Globalization;

namespace Microstructure.Analysis.Sweeps;

/// <summary>
/// The report's sentences: the clearest differences against the baseline — only those whose 95% interval excludes 0,
/// key metrics first, then by how far the interval lies from 0 relative to its width — and "no clear difference" for
/// a design that differs clearly on no key metric.
/// </summary>
internal static class SweepFindings
{
    /// <summary>At most this many difference sentences.</summary>
    public const int MaxSentences = 8;

    /// <summary>
    /// Fewest paired runs for a sentence: with fewer, a percentile bootstrap interval is too narrow to state (one pair
    /// gives an interval of width 0).
    /// </summary>
    public const int MinPairs = 5;

    /// <summary>Above this, a relative difference is stated as the amount instead.</summary>
    public const double MaxPercent = 1000;

    public static IReadOnlyList<string> Build(SweepStatistics stats)
    {
        var metrics = stats.Metrics.ToDictionary(m => m.Column, StringComparer.Ordinal);
        var order = stats.Metrics.Select((m, i) => (m.Column, i)).ToDictionary(x => x.Column, x => x.i, StringComparer.Ordinal);
        var designOrder = stats.Designs.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i, StringComparer.Ordinal);
        var clear = stats.Differences
            .Where(d => d.IsClear && d.Pairs >= MinPairs && metrics[d.Metric].Direction != MetricDirection.Neither)
            .Select(d => (Difference: d, Metric: metrics[d.Metric], Score: Math.Min(Math.Abs(d.CiLow), Math.Abs(d.CiHigh)) / Math.Max(d.CiHigh - d.CiLow, double.Epsilon)))
            .OrderByDescending(x => x.Metric.Key)
            .ThenByDescending(x => x.Score)
            .ThenBy(x => order[x.Difference.Metric])
            .ThenBy(x => designOrder[x.Difference.Design])
            .Take(MaxSentences)
            .ToList();
        var sentences = clear.Select(x => Sentence(x.Difference, x.Metric)).ToList();
        var keys = stats.Metrics.Where(m => m.Key && m.Direction != MetricDirection.Neither).ToList();
        foreach (string design in stats.Designs.Where(d => d != stats.Baseline))
        {
            if (keys.Count > 0 && !keys.Any(k => stats.Difference(k.Column, design) is { IsClear: true, Pairs: >= MinPairs }))
            {
                sentences.Add($"{design}: no clear difference from {stats.Baseline} in {string.Join(", ", keys.Select(k => k.Label))} (every 95% CI includes 0, or fewer than {MinPairs} paired runs).");
            }
        }

        if (stats.Designs.Count < 2)
        {
            sentences.Add("One design: nothing to compare against.");
        }
        else if (sentences.Count == 0)
        {
            sentences.Add($"No clear difference from {stats.Baseline}: every 95% CI of a difference includes 0, or the metrics that differ have no better direction.");
        }

        return sentences;
    }

    /// <summary>"tiered-partial: liquidated notional 31% lower than full-close (95% CI 24–38%) over 40 paired runs; better in 38."</summary>
    public static string Sentence(MetricDifference d, SweepMetric metric)
    {
        string way = d.Mean < 0 ? "lower" : "higher";
        bool better = metric.Direction == MetricDirection.LowerIsBetter ? d.Mean < 0 : d.Mean > 0;
        string amount, interval;
        // In % only for a quantity (never negative) and a baseline not near 0: "4,000,000% more fund usage" than a
        // baseline that barely used the fund says less than the amount itself.
        if (metric.NonNegative && double.IsFinite(d.RelativeCiLow) && double.IsFinite(d.RelativeCiHigh)
            && Math.Max(Math.Abs(d.RelativeCiLow), Math.Abs(d.RelativeCiHigh)) <= MaxPercent)
        {
            double lo = Math.Min(Math.Abs(d.RelativeCiLow), Math.Abs(d.RelativeCiHigh));
            double hi = Math.Max(Math.Abs(d.RelativeCiLow), Math.Abs(d.RelativeCiHigh));
            amount = SweepFormat.Percent(Math.Abs(d.RelativePercent)) + "%";
            interval = $"{SweepFormat.Percent(lo)}–{SweepFormat.Percent(hi)}%";
        }
        else
        {
            string unit = metric.Unit.Length == 0 ? "" : " " + metric.Unit;
            double lo = Math.Min(Math.Abs(d.CiLow), Math.Abs(d.CiHigh));
            double hi = Math.Max(Math.Abs(d.CiLow), Math.Abs(d.CiHigh));
            amount = SweepFormat.Number(Math.Abs(d.Mean)) + unit;
            interval = $"{SweepFormat.Number(lo)}–{SweepFormat.Number(hi)}{unit}";
        }

        int wins = (int)Math.Round(d.ShareBetter * d.Pairs);
        return string.Create(CultureInfo.InvariantCulture,
            $"{d.Design}: {metric.Label} {amount} {way} than {d.Baseline} (95% CI {interval}) over {d.Pairs} paired runs; {(better ? $"better in {wins} of the {d.Pairs}" : $"worse: better in only {wins} of the {d.Pairs}")}.");
    }
}
