using System.Globalization;
using Microstructure.Analysis.Reports;

namespace Microstructure.Analysis.Recording;

/// <summary>report.md of a comparison: what was compared, the mean ± spread table, the box plots, the runs, the files.</summary>
internal static class ComparisonMarkdown
{
    public static MarkdownReport Build(
        ComparisonSummary summary,
        IReadOnlyList<RunSummary> sorted,
        IReadOnlyList<PlotFile> plots,
        IReadOnlyList<string> files,
        Func<RunSummary, string> runDirectory)
    {
        IReadOnlyList<ComparisonMetric> metrics = ComparisonMetric.All;
        var md = new MarkdownReport()
            .Heading(1, $"Design comparison: {string.Join(", ", summary.Scenarios)}")
            .Paragraph(string.Create(CultureInfo.InvariantCulture,
                $"{summary.Designs.Count} liquidation designs ({string.Join(", ", summary.Designs)}), each run with the same {summary.Seeds.Count} seeds ({string.Join(", ", summary.Seeds)}): {sorted.Count} runs. ")
                + "Each cell is the mean over seeds ± the sample standard deviation; the second table gives the range (min – max). "
                + "Money is in quote currency. A metric without a value in some runs (a mid that never recovered) shows how many runs had one.");

        md.Heading(2, "Mean ± standard deviation across seeds").Table(
            ["design", .. metrics.Select(m => $"{m.Label} ({m.Unit})")],
            summary.Designs.Select(d => (IReadOnlyList<string>)[d, .. metrics.Select(m => MeanCell(summary.Spread(d, m.Key)))]),
            [TextAlignment.Left, .. metrics.Select(_ => TextAlignment.Right)]);
        md.Heading(2, "Range across seeds").Table(
            ["design", .. metrics.Select(m => $"{m.Label} ({m.Unit})")],
            summary.Designs.Select(d => (IReadOnlyList<string>)[d, .. metrics.Select(m => RangeCell(summary.Spread(d, m.Key)))]),
            [TextAlignment.Left, .. metrics.Select(_ => TextAlignment.Right)]);

        if (plots.Count > 0)
        {
            md.Heading(2, "Plots").Paragraph("One box per design (quartiles, median, whiskers at min and max); the dots are the seeds.");
            foreach (PlotFile plot in plots)
            {
                md.Paragraph($"**{plot.Title}**").Image(plot.Title, plot.RelativePath);
            }
        }

        md.Heading(2, "Runs").Table(
            ["design", "seed", "liquidations", "cascades", "run report"],
            sorted.Select(r => (IReadOnlyList<string>)
            [
                r.Design,
                r.Seed.ToString(CultureInfo.InvariantCulture),
                MarkdownReport.Format(r.Liquidations),
                MarkdownReport.Format(r.Cascades),
                runDirectory(r) is { Length: > 0 } rel ? $"[{rel}/report.md]({rel}/report.md)" : "",
            ]));
        md.Heading(2, "Files").Bullets(files.Select(f => $"[{f}]({f})"));
        md.Paragraph("Metric definitions: docs/outputs.md of the Microstructure repository.");
        return md;
    }

    private static string MeanCell(MetricSpread s) =>
        s.Values == 0 ? "n/a"
        : Format(s.Mean) + (s.Values > 1 ? " ± " + Format(s.StdDev) : "")
          + (s.Values < s.Runs ? string.Create(CultureInfo.InvariantCulture, $" ({s.Values} of {s.Runs} runs)") : "");

    private static string RangeCell(MetricSpread s) =>
        s.Values == 0 ? "n/a" : Format(s.Min) + " – " + Format(s.Max);

    /// <summary>4 significant digits, but large numbers (money) with thousands separators instead of an exponent.</summary>
    private static string Format(double value) =>
        Math.Abs(value) >= 10_000 ? value.ToString("N0", CultureInfo.InvariantCulture) : MarkdownReport.Format(value);
}
