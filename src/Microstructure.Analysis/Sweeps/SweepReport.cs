using System.Globalization;
using System.Text;
using Microstructure.Analysis.Files;
using Microstructure.Analysis.Plots;
using Microstructure.Analysis.Recording;
using Microstructure.Analysis.Reports;
using Microstructure.Analysis.Reports.Html;

namespace Microstructure.Analysis.Sweeps;

/// <summary>What a sweep report is titled and how its plots are drawn.</summary>
public sealed record SweepReportOptions
{
    /// <summary>The report's title (e.g. "Sweep of design-comparison.json").</summary>
    public string Title { get; init; } = "Sweep";

    /// <summary>Draw the PNGs under plots/ (default true).</summary>
    public bool WritePlots { get; init; } = true;

    /// <summary>Size of every PNG.</summary>
    public ChartSize PlotSize { get; init; } = ChartSize.Default;
}

/// <summary>
/// Writes a sweep's statistics into its directory: <c>statistics.csv</c> (per metric, design and point),
/// <c>differences.csv</c> (per metric and design against the baseline), <c>statistics.json</c> (all of it),
/// <c>report.md</c>, the PNGs under <c>plots/</c> and <c>report.html</c> (the same text and tables with interactive charts). Every file is a function of the statistics alone, so the same
/// catalog gives the same bytes; files of an earlier write (a resumed sweep) are replaced.
/// </summary>
public static class SweepReport
{
    /// <summary>The report.</summary>
    public const string ReportFile = "report.md";

    /// <summary>The report with interactive charts, one self-contained file (plotly.js embedded).</summary>
    public const string HtmlFile = "report.html";

    /// <summary>Per metric, design and point.</summary>
    public const string StatisticsFile = "statistics.csv";

    /// <summary>Per metric and design against the baseline.</summary>
    public const string DifferencesFile = "differences.csv";

    /// <summary>Everything, for programs (and <c>compare --json</c>).</summary>
    public const string JsonFile = "statistics.json";

    /// <summary>The folder of the PNGs.</summary>
    public const string PlotsFolder = "plots";

    /// <summary>At most this many metrics are plotted: the key metrics, then those with a clear difference.</summary>
    public const int MaxPlottedMetrics = 10;

    /// <summary>Writes the files; returns their paths relative to <paramref name="directory"/>.</summary>
    /// <exception cref="IOException">A file cannot be written.</exception>
    public static IReadOnlyList<string> Write(string directory, SweepStatistics stats, SweepReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(stats);
        options ??= new SweepReportOptions();
        string plotsDir = Path.Combine(directory, PlotsFolder);
        foreach (string file in new[] { ReportFile, HtmlFile, StatisticsFile, DifferencesFile, JsonFile })
        {
            File.Delete(Path.Combine(directory, file));
        }

        if (Directory.Exists(plotsDir))
        {
            Directory.Delete(plotsDir, recursive: true);
        }

        var plots = options.WritePlots ? Plots(stats, plotsDir, options.PlotSize) : [];
        var files = new List<string> { ReportFile, HtmlFile, StatisticsFile, DifferencesFile, JsonFile };
        files.AddRange(plots.Select(p => p.RelativePath));
        OutputFile.Write(Path.Combine(directory, StatisticsFile), Encoding.UTF8.GetBytes(StatisticsCsv(stats)));
        OutputFile.Write(Path.Combine(directory, DifferencesFile), Encoding.UTF8.GetBytes(DifferencesCsv(stats)));
        Json(stats, files).Save(Path.Combine(directory, JsonFile));
        Markdown(stats, options.Title, plots, files).Save(Path.Combine(directory, ReportFile));
        Html(stats, options.Title, files).Save(Path.Combine(directory, HtmlFile));
        return files;
    }

    /// <summary>
    /// The metrics plotted: the varying key metrics, then those with a clear difference, at most
    /// <see cref="MaxPlottedMetrics"/>; when that leaves fewer than four, the first varying metrics with a better direction
    /// fill up to four (a sweep whose key metrics are all constant still shows what moved).
    /// </summary>
    public static IReadOnlyList<SweepMetric> Plotted(SweepStatistics stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        var clear = stats.Differences.Where(d => d.IsClear && d.Pairs >= SweepFindings.MinPairs).Select(d => d.Metric).ToHashSet(StringComparer.Ordinal);
        var chosen = stats.Metrics.Where(m => m.Key).Concat(stats.Metrics.Where(m => !m.Key && clear.Contains(m.Column))).Take(MaxPlottedMetrics).ToList();
        chosen.AddRange(stats.Metrics.Where(m => m.Direction != MetricDirection.Neither && !chosen.Contains(m)).Take(Math.Max(0, 4 - chosen.Count)));
        return [.. stats.Metrics.Where(chosen.Contains)];
    }

    /// <summary>Whether the points form a full grid of two parameters (heatmaps).</summary>
    private static bool IsGrid2D(SweepStatistics stats) =>
        stats.Parameters.Count == 2
        && stats.Points.Select(p => p[0]).Distinct().Count() * stats.Points.Select(p => p[1]).Distinct().Count() == stats.Points.Count;

    private static List<PlotFile> Plots(SweepStatistics stats, string plotsDir, ChartSize size)
    {
        var plots = new List<PlotFile>();
        foreach (SweepMetric metric in Plotted(stats))
        {
            if (stats.Points.Count == 1)
            {
                Save(plots, plotsDir, metric.Column + ".png", $"{metric.Title} by design, seeds paired", SweepCharts.Paired(stats, metric, size));
            }
            else if (stats.Parameters.Count == 1)
            {
                Save(plots, plotsDir, metric.Column + ".png", $"{metric.Title} against {stats.Parameters[0]}", SweepCharts.Sensitivity(stats, metric, size));
            }
            else if (IsGrid2D(stats) && (metric.Key || !Plotted(stats).Any(m => m.Key)))
            {
                for (int d = 0; d < stats.Designs.Count; d++)
                {
                    Save(plots, plotsDir, $"{metric.Column}-{FileSafe(stats.Designs[d])}.png", $"{metric.Title}, {stats.Designs[d]}", SweepCharts.Heatmap(stats, metric, stats.Designs[d], size));
                }
            }
            else if (!IsGrid2D(stats))
            {
                Save(plots, plotsDir, metric.Column + ".png", $"{metric.Title} by design, runs paired by point and seed", SweepCharts.Paired(stats, metric, size));
            }
        }

        return plots;
    }

    private static void Save(List<PlotFile> plots, string plotsDir, string name, string title, byte[] png)
    {
        ChartCanvas.WriteFile(Path.Combine(plotsDir, name), png);
        plots.Add(new PlotFile(title, PlotsFolder + "/" + name));
    }

    private static string FileSafe(string name) => new([.. name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_')]);

    private static string Direction(MetricDirection direction) => direction switch
    {
        MetricDirection.LowerIsBetter => "lower",
        MetricDirection.HigherIsBetter => "higher",
        _ => "neither",
    };

    private static string StatisticsCsv(SweepStatistics stats)
    {
        var csv = new StringBuilder();
        Row(csv, ["metric", "label", "unit", "better", "design", .. stats.Parameters, "runs", "values", "mean", "std", "median", "p5", "p95", "ci_low", "ci_high"]);
        foreach (MetricSummary s in stats.Summaries)
        {
            SweepMetric m = SweepMetrics.Describe(s.Metric);
            IEnumerable<string> point = s.Point < 0 ? stats.Parameters.Select(_ => "") : stats.Points[s.Point];
            Row(csv, [s.Metric, m.Label, m.Unit, Direction(m.Direction), s.Design, .. point, Int(s.Runs), Int(s.Values),
                Num(s.Mean), Num(s.StdDev), Num(s.Median), Num(s.P5), Num(s.P95), Num(s.CiLow), Num(s.CiHigh)]);
        }

        return csv.ToString();
    }

    private static string DifferencesCsv(SweepStatistics stats)
    {
        var csv = new StringBuilder();
        Row(csv, ["metric", "label", "unit", "better", "design", "baseline", "pairs", "mean_difference", "ci_low", "ci_high", "relative_pct", "relative_ci_low", "relative_ci_high", "share_better"]);
        foreach (MetricDifference d in stats.Differences)
        {
            SweepMetric m = SweepMetrics.Describe(d.Metric);
            Row(csv, [d.Metric, m.Label, m.Unit, Direction(m.Direction), d.Design, d.Baseline, Int(d.Pairs), Num(d.Mean), Num(d.CiLow), Num(d.CiHigh),
                Num(d.RelativePercent), Num(d.RelativeCiLow), Num(d.RelativeCiHigh), Num(d.ShareBetter)]);
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, IEnumerable<string> fields) =>
        csv.AppendJoin(',', fields.Select(f => f.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : f)).Append('\n');

    private static string Num(double value) => double.IsFinite(value) ? value.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static JsonSummary Json(SweepStatistics stats, IReadOnlyList<string> files)
    {
        var json = new JsonSummary()
            .Add("parameters", stats.Parameters)
            .Add("points", stats.Points.Select(p => new JsonSummary().Add("values", p)).ToList())
            .Add("designs", stats.Designs)
            .Add("baseline", stats.Baseline)
            .Add("seeds", stats.Seeds)
            .Add("runs", (long)stats.Runs);
        json.AddObject("bootstrap")
            .Add("method", "percentile bootstrap of the mean; differences resample (point, seed) pairs")
            .Add("resamples", (long)SweepStatistics.BootstrapResamples)
            .Add("point_resamples", (long)SweepStatistics.PointBootstrapResamples)
            .Add("level", 0.95);
        JsonSummary constants = json.AddObject("constants");
        foreach (MetricConstant c in stats.Constants)
        {
            constants.Add(c.Metric.Column, c.Value);
        }

        JsonSummary metrics = json.AddObject("metrics");
        foreach (SweepMetric m in stats.Metrics)
        {
            JsonSummary entry = metrics.AddObject(m.Column).Add("label", m.Label).Add("unit", m.Unit).Add("better", Direction(m.Direction));
            JsonSummary byDesign = entry.AddObject("by_design");
            foreach (string design in stats.Designs)
            {
                MetricSummary s = stats.Summary(m.Column, design);
                byDesign.AddObject(design)
                    .Add("runs", (long)s.Runs).Add("values", (long)s.Values)
                    .Add("mean", s.Mean).Add("std", s.StdDev).Add("median", s.Median)
                    .Add("p5", s.P5).Add("p95", s.P95).Add("ci_low", s.CiLow).Add("ci_high", s.CiHigh);
            }

            JsonSummary versus = entry.AddObject("vs_baseline");
            foreach (string design in stats.Designs.Where(d => d != stats.Baseline))
            {
                MetricDifference d = stats.Difference(m.Column, design)!;
                versus.AddObject(design)
                    .Add("pairs", (long)d.Pairs).Add("mean_difference", d.Mean).Add("ci_low", d.CiLow).Add("ci_high", d.CiHigh)
                    .Add("relative_pct", d.RelativePercent).Add("relative_ci_low", d.RelativeCiLow).Add("relative_ci_high", d.RelativeCiHigh)
                    .Add("share_better", d.ShareBetter);
            }

            if (stats.Rankings.FirstOrDefault(r => r.Metric.Column == m.Column) is { } ranking)
            {
                entry.Add("ranking", ranking.Designs);
            }
        }

        return json.Add("findings", stats.Findings).Add("files", files);
    }

    private static string MeanCi(MetricSummary s) =>
        !double.IsFinite(s.Mean) ? "n/a"
        : s.CiLow == s.CiHigh ? SweepFormat.Number(s.Mean)
        : $"{SweepFormat.Number(s.Mean)} [{SweepFormat.Number(s.CiLow)}, {SweepFormat.Number(s.CiHigh)}]";

    private static string PointText(SweepStatistics stats, int point) =>
        string.Join(", ", stats.Parameters.Select((p, i) => $"{p}={stats.Points[point][i]}"));

    private static MarkdownReport Markdown(SweepStatistics stats, string title, List<PlotFile> plots, List<string> files)
    {
        var md = new MarkdownReport();
        Intro(md, stats, title);
        Tables(md, stats);
        if (plots.Count > 0)
        {
            md.Heading(2, "Plots").Paragraph(PlotsText(stats));
            foreach (PlotFile plot in plots)
            {
                md.Paragraph($"**{plot.Title}**").Image(plot.Title, plot.RelativePath);
            }
        }

        Files(md, files);
        return md;
    }

    /// <summary>report.html: the text and tables of report.md, with interactive charts (<see cref="SweepHtmlCharts"/>) after the findings.</summary>
    private static HtmlReport Html(SweepStatistics stats, string title, List<string> files)
    {
        var html = new HtmlReport(title);
        Intro(html, stats, title);
        html.Heading(2, "Charts").Paragraph(PlotsText(stats) + " Drag to zoom, double-click to zoom out, hover for the values, click a legend entry to hide it.");
        SweepHtmlCharts.Add(html, stats, Plotted(stats), IsGrid2D(stats));
        Tables(html, stats);
        Files(html, files);
        return html;
    }

    private static string PlotsText(SweepStatistics stats) => stats.Points.Count == 1
        ? "Per metric: each design's runs (dots), a grey line joining the runs of one seed across designs, the mean and its 95% CI in black. Constant metrics are not plotted."
        : stats.Parameters.Count == 1
            ? "Per metric: the mean at each value of the parameter per design, the band its 95% CI. Constant metrics are not plotted."
            : IsGrid2D(stats)
                ? "Per key metric and design: the mean over seeds at each point of the grid, one colour scale per metric shared by every design."
                : "Per metric: each design's runs, a grey line joining the runs of one (point, seed) across designs.";

    private static void Files(IReportDocument doc, List<string> files) =>
        doc.Heading(2, "Files").Bullets(files.Select(f => $"[{f}]({f})").Append("[runs.csv](runs.csv) — one row per run; each run's own directory is runs/KEY/"));

    private static void Intro(IReportDocument doc, SweepStatistics stats, string title)
    {
        var inv = CultureInfo.InvariantCulture;
        string shape = stats.Parameters.Count == 0
            ? $"{stats.Designs.Count} designs × {stats.Seeds.Count} seeds"
            : $"{stats.Points.Count} points of {string.Join(" × ", stats.Parameters)} × {stats.Designs.Count} designs × {stats.Seeds.Count} seeds";
        IReportDocument md = doc
            .Heading(1, title)
            .Paragraph(string.Create(inv, $"{stats.Runs} runs: {shape}. Designs: {string.Join(", ", stats.Designs)}; baseline **{stats.Baseline}**. Seeds: {string.Join(", ", stats.Seeds)}."))
            .Paragraph(string.Create(inv, $"Each cell is the mean over runs with its 95% confidence interval in brackets: a percentile bootstrap of the mean ({SweepStatistics.BootstrapResamples} resamples; {SweepStatistics.PointBootstrapResamples} for one point's own interval; a fixed seed, so the report is the same every time). Differences are design − baseline over runs paired by seed and point, resampled as pairs. Money is in quote currency. Which way each metric is better: docs/outputs.md §8."));

        md.Heading(2, "Findings").Bullets(stats.Findings);
        if (stats.Constants.Count > 0)
        {
            md.Heading(2, "Constant over the sweep").Paragraph(string.Join("; ", stats.Constants.Select(c => $"{c.Metric.Title} {SweepFormat.Number(c.Value)}")) + ".");
        }
    }

    private static void Tables(IReportDocument md, SweepStatistics stats)
    {
        var inv = CultureInfo.InvariantCulture;

        md.Heading(2, "Mean and 95% CI per design").Table(
            ["metric", "better", .. stats.Designs],
            stats.Metrics.Select(m => (IReadOnlyList<string>)[m.Title, Direction(m.Direction), .. stats.Designs.Select(d => MeanCi(stats.Summary(m.Column, d)))]),
            [TextAlignment.Left, TextAlignment.Left, .. stats.Designs.Select(_ => TextAlignment.Right)]);

        if (stats.Designs.Count > 1)
        {
            md.Heading(2, $"Differences against {stats.Baseline} (paired)").Table(
                ["metric", "design", "pairs", "mean difference [95% CI]", "relative [95% CI]", "better in"],
                stats.Metrics.SelectMany(m => stats.Designs.Where(d => d != stats.Baseline).Select(d => (m, diff: stats.Difference(m.Column, d)!)))
                    .Select(x => (IReadOnlyList<string>)
                    [
                        x.m.Title, x.diff.Design, Int(x.diff.Pairs),
                        $"{SweepFormat.Number(x.diff.Mean)} [{SweepFormat.Number(x.diff.CiLow)}, {SweepFormat.Number(x.diff.CiHigh)}]" + (x.diff.IsClear ? " *" : ""),
                        double.IsFinite(x.diff.RelativePercent) ? $"{SweepFormat.Percent(x.diff.RelativePercent)}% [{SweepFormat.Percent(x.diff.RelativeCiLow)}, {SweepFormat.Percent(x.diff.RelativeCiHigh)}]" : "n/a",
                        double.IsFinite(x.diff.ShareBetter) ? SweepFormat.Percent(x.diff.ShareBetter * 100) + "%" : "—",
                    ]),
                [TextAlignment.Left, TextAlignment.Left, TextAlignment.Right, TextAlignment.Right, TextAlignment.Right, TextAlignment.Right]);
            md.Paragraph("\\* the interval excludes 0. \"better in\": the share of paired runs where the design is strictly better (— for a metric with no better direction).");

            md.Heading(2, "Ranking (best first, by mean)").Table(
                ["metric", .. stats.Designs.Select((_, i) => (i + 1).ToString(inv))],
                stats.Rankings.Select(r => (IReadOnlyList<string>)[r.Metric.Title, .. r.Designs.Select(d => $"{d} ({SweepFormat.Number(stats.Summary(r.Metric.Column, d).Mean)})")]));
        }

        md.Heading(2, "Spread per design").Table(
            ["metric", "design", "runs with a value", "mean", "std", "median", "5–95% range"],
            stats.Metrics.SelectMany(m => stats.Designs.Select(d => stats.Summary(m.Column, d)).Select(s => (IReadOnlyList<string>)
            [
                SweepMetrics.Describe(s.Metric).Title, s.Design, $"{s.Values} of {s.Runs}", SweepFormat.Number(s.Mean), SweepFormat.Number(s.StdDev),
                SweepFormat.Number(s.Median), $"{SweepFormat.Number(s.P5)} – {SweepFormat.Number(s.P95)}",
            ])),
            [TextAlignment.Left, TextAlignment.Left, TextAlignment.Right, TextAlignment.Right, TextAlignment.Right, TextAlignment.Right, TextAlignment.Right]);

        if (stats.Points.Count > 1)
        {
            md.Heading(2, "Key metrics per point");
            foreach (SweepMetric m in stats.Metrics.Where(m => m.Key))
            {
                md.Paragraph($"**{m.Title}**").Table(
                    ["point", .. stats.Designs],
                    Enumerable.Range(0, stats.Points.Count).Select(p => (IReadOnlyList<string>)[PointText(stats, p), .. stats.Designs.Select(d => MeanCi(stats.Summary(m.Column, d, p)))]),
                    [TextAlignment.Left, .. stats.Designs.Select(_ => TextAlignment.Right)]);
            }
        }
    }
}
