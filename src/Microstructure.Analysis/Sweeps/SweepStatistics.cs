using System.Globalization;
using Microstructure.Analysis.Statistics;

namespace Microstructure.Analysis.Sweeps;

/// <summary>
/// The statistics of a sweep (a compare is a sweep without parameters), computed from its catalog alone: per metric
/// and design (and point) mean, standard deviation, median, 5–95% range and bootstrap interval; differences against
/// the baseline paired by (point, seed); constants; rankings; and the sentences stating the clearest differences.
/// Pure and deterministic: rows are put in a canonical order (point, design, seed) first, so neither the file order
/// nor the order runs finished in changes a digit. Renderers (report.md, statistics.csv, the HTML report) read this.
/// </summary>
public sealed class SweepStatistics
{
    private readonly Dictionary<(string Metric, string Design, int Point), MetricSummary> _summaries;
    private readonly Dictionary<(string Metric, string Design), MetricDifference> _differences;
    private readonly Dictionary<(string Metric, string Design), IReadOnlyList<RunValue>> _values;

    private SweepStatistics(
        IReadOnlyList<string> parameters,
        IReadOnlyList<IReadOnlyList<string>> points,
        IReadOnlyList<string> designs,
        string baseline,
        IReadOnlyList<long> seeds,
        int runs,
        IReadOnlyList<SweepMetric> metrics,
        IReadOnlyList<MetricConstant> constants,
        IReadOnlyList<MetricSummary> summaries,
        IReadOnlyList<MetricDifference> differences,
        IReadOnlyList<MetricRanking> rankings,
        Dictionary<(string Metric, string Design), IReadOnlyList<RunValue>> values)
    {
        _values = values;
        Parameters = parameters;
        Points = points;
        Designs = designs;
        Baseline = baseline;
        Seeds = seeds;
        Runs = runs;
        Metrics = metrics;
        Constants = constants;
        Summaries = summaries;
        Differences = differences;
        Rankings = rankings;
        _summaries = summaries.ToDictionary(s => (s.Metric, s.Design, s.Point));
        _differences = differences.ToDictionary(d => (d.Metric, d.Design));
        Findings = SweepFindings.Build(this);
    }

    /// <summary>Bootstrap resamples (B) of an interval over every point: a design's mean, a difference.</summary>
    public static int BootstrapResamples => Bootstrap.Resamples;

    /// <summary>Bootstrap resamples (B) of one point's own interval.</summary>
    public static int PointBootstrapResamples => Bootstrap.PointResamples;

    /// <summary>The varied fields (none for a compare).</summary>
    public IReadOnlyList<string> Parameters { get; }

    /// <summary>The points, each a value per parameter, in ascending order (numbers by value); one empty point for a compare.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Points { get; }

    /// <summary>Designs in report order.</summary>
    public IReadOnlyList<string> Designs { get; }

    /// <summary>The design differences are taken against.</summary>
    public string Baseline { get; }

    /// <summary>Seeds (the union over points and designs), ascending.</summary>
    public IReadOnlyList<long> Seeds { get; }

    /// <summary>Runs of the sweep.</summary>
    public int Runs { get; }

    /// <summary>Metrics that vary over the sweep, in report order.</summary>
    public IReadOnlyList<SweepMetric> Metrics { get; }

    /// <summary>Metrics with one value over the whole sweep: reported once, not plotted.</summary>
    public IReadOnlyList<MetricConstant> Constants { get; }

    /// <summary>Per varying metric, design and point (and point −1, every point together).</summary>
    public IReadOnlyList<MetricSummary> Summaries { get; }

    /// <summary>Per varying metric and design other than the baseline.</summary>
    public IReadOnlyList<MetricDifference> Differences { get; }

    /// <summary>Per varying metric with a better direction.</summary>
    public IReadOnlyList<MetricRanking> Rankings { get; }

    /// <summary>Sentences stating the clearest differences with their intervals (or that there is none).</summary>
    public IReadOnlyList<string> Findings { get; }

    /// <summary>The summary of (<paramref name="metric"/>, <paramref name="design"/>, <paramref name="point"/>); −1 = every point.</summary>
    /// <exception cref="KeyNotFoundException">No such cell.</exception>
    public MetricSummary Summary(string metric, string design, int point = -1) => _summaries[(metric, design, point)];

    /// <summary>The difference of <paramref name="design"/> against the baseline on <paramref name="metric"/>; null for the baseline.</summary>
    public MetricDifference? Difference(string metric, string design) => _differences.GetValueOrDefault((metric, design));

    /// <summary>Every run's value of a varying <paramref name="metric"/> under <paramref name="design"/>, by (point, seed).</summary>
    /// <exception cref="KeyNotFoundException">No such metric (or it is constant) or design.</exception>
    public IReadOnlyList<RunValue> Values(string metric, string design) => _values[(metric, design)];

    /// <summary>Computes the statistics of <paramref name="table"/>.</summary>
    /// <exception cref="ArgumentException">No rows, a (point, design, seed) twice, or a baseline that is not a design.</exception>
    public static SweepStatistics Compute(SweepTable table, SweepStatisticsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        options ??= new SweepStatisticsOptions();
        if (table.Rows.Count == 0)
        {
            ThrowHelper.ThrowArgument(nameof(table), "A sweep catalog without runs has no statistics.");
        }

        var points = table.Rows.Select(r => r.Point).Distinct(PointComparer.Instance).Order(PointComparer.Instance).ToList();
        var present = table.Rows.Select(r => r.Design).ToHashSet(StringComparer.Ordinal);
        var designs = (options.Designs ?? []).Where(present.Contains).Distinct(StringComparer.Ordinal).ToList();
        designs.AddRange(present.Where(d => !designs.Contains(d)).Order(StringComparer.Ordinal));
        string baseline = options.Baseline ?? designs[0];
        if (!designs.Contains(baseline))
        {
            ThrowHelper.ThrowArgument(nameof(options), $"The baseline '{baseline}' is not one of the designs ({string.Join(", ", designs)}).");
        }

        var pointIndex = points.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, PointComparer.Instance);
        var designIndex = designs.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i, StringComparer.Ordinal);
        var rows = table.Rows
            .Select(r => (Point: pointIndex[r.Point], Design: designIndex[r.Design], r.Seed, r.Values))
            .OrderBy(r => r.Point).ThenBy(r => r.Design).ThenBy(r => r.Seed).ToList();
        for (int i = 1; i < rows.Count; i++)
        {
            if (rows[i].Point == rows[i - 1].Point && rows[i].Design == rows[i - 1].Design && rows[i].Seed == rows[i - 1].Seed)
            {
                ThrowHelper.ThrowArgument(nameof(table), $"Design '{designs[rows[i].Design]}' with seed {rows[i].Seed} appears twice at one point.");
            }
        }

        var metrics = new List<SweepMetric>();
        var constants = new List<MetricConstant>();
        var summaries = new List<MetricSummary>();
        var differences = new List<MetricDifference>();
        var rankings = new List<MetricRanking>();
        var runValues = new Dictionary<(string Metric, string Design), IReadOnlyList<RunValue>>();
        int b = designIndex[baseline];

        // Metrics are independent and every interval has its own seed: computed in parallel, gathered in order.
        var results = Enumerable.Range(0, table.Metrics.Count).AsParallel().AsOrdered().Select(m => ComputeMetric(m)).ToList();
        foreach (var r in results)
        {
            if (r.Constant is { } c)
            {
                constants.Add(c);
                continue;
            }

            metrics.Add(r.Metric);
            summaries.AddRange(r.Summaries);
            differences.AddRange(r.Differences);
            if (r.Ranking is { } ranking)
            {
                rankings.Add(ranking);
            }

            foreach (var (key, list) in r.Values)
            {
                runValues[key] = list;
            }
        }

        (SweepMetric Metric, MetricConstant? Constant, List<MetricSummary> Summaries, List<MetricDifference> Differences, MetricRanking? Ranking, List<((string, string), IReadOnlyList<RunValue>)> Values) ComputeMetric(int m)
        {
            SweepMetric metric = SweepMetrics.Describe(table.Metrics[m]);
            double[] values = [.. rows.Select(r => r.Values[m] * metric.Scale)];
            if (values.All(v => v.Equals(values[0])))
            {
                return (metric, new MetricConstant(metric, values[0]), [], [], null, []);
            }

            var summaries = new List<MetricSummary>();
            var differences = new List<MetricDifference>();
            var runValues = new List<((string, string), IReadOnlyList<RunValue>)>();
            int[][] byDesign = [.. designs.Select((_, d) => Enumerable.Range(0, rows.Count).Where(i => rows[i].Design == d).ToArray())];
            for (int d = 0; d < designs.Count; d++)
            {
                runValues.Add(((metric.Column, designs[d]), [.. byDesign[d].Select(i => new RunValue(rows[i].Point, rows[i].Seed, values[i]))]));
                summaries.Add(Summarize(metric.Column, designs[d], -1, [.. byDesign[d].Select(i => values[i])]));
                if (points.Count > 1)
                {
                    for (int p = 0; p < points.Count; p++)
                    {
                        summaries.Add(Summarize(metric.Column, designs[d], p, [.. byDesign[d].Where(i => rows[i].Point == p).Select(i => values[i])]));
                    }
                }
            }

            var baseValues = byDesign[b].ToDictionary(i => (rows[i].Point, rows[i].Seed), i => values[i]);
            for (int d = 0; d < designs.Count; d++)
            {
                if (d == b)
                {
                    continue;
                }

                var pairs = byDesign[d]
                    .Where(i => double.IsFinite(values[i])
                        && baseValues.TryGetValue((rows[i].Point, rows[i].Seed), out double bv) && double.IsFinite(bv))
                    .Select(i => (Design: values[i], Base: baseValues[(rows[i].Point, rows[i].Seed)])).ToList();
                differences.Add(Difference(metric, designs[d], baseline, pairs));
            }

            MetricRanking? ranking = null;
            if (metric.Direction != MetricDirection.Neither)
            {
                var means = designs.Select(d => (Design: d, summaries.First(s => s.Design == d && s.Point == -1).Mean)).ToList();
                var ranked = means.Where(x => double.IsFinite(x.Mean))
                    .OrderBy(x => metric.Direction == MetricDirection.LowerIsBetter ? x.Mean : -x.Mean)
                    .ThenBy(x => designIndex[x.Design])
                    .Select(x => x.Design)
                    .Concat(means.Where(x => !double.IsFinite(x.Mean)).Select(x => x.Design));
                ranking = new MetricRanking(metric, [.. ranked]);
            }

            return (metric, null, summaries, differences, ranking, runValues);
        }

        return new SweepStatistics(
            table.Parameters, points, designs, baseline,
            [.. rows.Select(r => r.Seed).Distinct().Order()], rows.Count,
            metrics, constants, summaries, differences, rankings, runValues);
    }

    private static MetricSummary Summarize(string metric, string design, int point, double[] cell)
    {
        double[] finite = [.. cell.Where(double.IsFinite)];
        int n = finite.Length;
        if (n == 0)
        {
            return new MetricSummary(metric, design, point, cell.Length, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double mean = finite.Sum() / n;
        double std = n > 1 ? Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / (n - 1)) : double.NaN;
        var (low, high) = Bootstrap.MeanInterval(
            finite, Bootstrap.SeedOf(string.Create(CultureInfo.InvariantCulture, $"{metric}\n{design}\n{point}")), point < 0 ? Bootstrap.Resamples : Bootstrap.PointResamples);
        double[] sorted = [.. finite.Order()];
        return new MetricSummary(metric, design, point, cell.Length, n, mean, std,
            Quantiles.OfSorted(sorted, 0.5), Quantiles.OfSorted(sorted, 0.05), Quantiles.OfSorted(sorted, 0.95), low, high);
    }

    private static MetricDifference Difference(SweepMetric metric, string design, string baseline, List<(double Design, double Base)> pairs)
    {
        int n = pairs.Count;
        if (n == 0)
        {
            return new MetricDifference(metric.Column, design, baseline, 0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double[] a = [.. pairs.Select(p => p.Design)];
        double[] b = [.. pairs.Select(p => p.Base)];
        double mean = pairs.Sum(p => p.Design - p.Base) / n;
        double baseMean = b.Sum() / n;
        var (low, high, relLow, relHigh) = Bootstrap.PairedInterval(a, b, Bootstrap.SeedOf($"{metric.Column}\n{design}\nvs\n{baseline}"));
        double relative = baseMean == 0 ? double.NaN : mean / baseMean * 100;
        if (!double.IsFinite(relative))
        {
            (relLow, relHigh) = (double.NaN, double.NaN);
        }

        double better = metric.Direction switch
        {
            MetricDirection.LowerIsBetter => (double)pairs.Count(p => p.Design < p.Base) / n,
            MetricDirection.HigherIsBetter => (double)pairs.Count(p => p.Design > p.Base) / n,
            _ => double.NaN,
        };
        return new MetricDifference(metric.Column, design, baseline, n, mean, low, high, relative, relLow, relHigh, better);
    }

    /// <summary>Orders points value by value: numbers by value, other text ordinally, numbers before text.</summary>
    private sealed class PointComparer : IComparer<IReadOnlyList<string>>, IEqualityComparer<IReadOnlyList<string>>
    {
        public static readonly PointComparer Instance = new();

        public int Compare(IReadOnlyList<string>? x, IReadOnlyList<string>? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            for (int i = 0; i < Math.Min(x.Count, y.Count); i++)
            {
                bool xn = double.TryParse(x[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double xv);
                bool yn = double.TryParse(y[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double yv);
                int c = xn && yn ? xv.CompareTo(yv) : xn != yn ? (xn ? -1 : 1) : 0;
                if (c == 0)
                {
                    c = string.CompareOrdinal(x[i], y[i]);
                }

                if (c != 0)
                {
                    return c;
                }
            }

            return x.Count.CompareTo(y.Count);
        }

        public bool Equals(IReadOnlyList<string>? x, IReadOnlyList<string>? y) =>
            x is not null && y is not null && x.SequenceEqual(y, StringComparer.Ordinal);

        public int GetHashCode(IReadOnlyList<string> obj)
        {
            var hash = new HashCode();
            foreach (string s in obj)
            {
                hash.Add(s, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
