using Microstructure.Analysis.Sweeps;
using Spectre.Console;

namespace Microstructure.Cli.Output;

/// <summary>
/// The end of a sweep or compare in the terminal (≤ 120 columns): the key metrics that vary, one row per design with
/// the mean and its 95% CI; the constant metrics on one line; the clearest findings. The rest is in report.md.
/// </summary>
internal static class SweepSummaryTable
{
    /// <summary>Width of the line of constants.</summary>
    private const int LineWidth = 120;

    /// <summary>Findings printed (report.md has them all).</summary>
    private const int Findings = 3;

    /// <summary>Writes the summary of <paramref name="stats"/>.</summary>
    public static void Write(TextWriter output, SweepStatistics stats)
    {
        // The key metrics that vary; when none does, the first three that vary and have a better direction.
        var keys = stats.Metrics.Where(m => m.Key).ToList();
        if (keys.Count == 0)
        {
            keys = [.. stats.Metrics.Where(m => m.Direction != MetricDirection.Neither).Take(3)];
        }

        if (keys.Count == 0)
        {
            output.WriteLine($"{stats.Runs} runs · baseline {stats.Baseline}: no metric with a better direction varies");
        }
        else
        {
            output.WriteLine($"{stats.Runs} runs · mean [95% CI] over {(stats.Points.Count > 1 ? "points and " : "")}seeds · baseline {stats.Baseline}");
            var table = new Table().Border(TableBorder.Rounded);
            table.AddColumn("design");
            foreach (SweepMetric metric in keys)
            {
                table.AddColumn(new TableColumn(Markup.Escape(metric.Title)).RightAligned());
            }

            foreach (string design in stats.Designs)
            {
                table.AddRow([Markup.Escape(design), .. keys.Select(k => Markup.Escape(Cell(stats.Summary(k.Column, design))))]);
            }

            Terminal.For(output).Write(table);
        }

        if (stats.Constants.Count > 0)
        {
            string more = $", … ({stats.Constants.Count} in report.md)";
            string line = "constant:";
            int shown = 0;
            foreach (var c in stats.Constants)
            {
                string next = $"{(shown == 0 ? " " : ", ")}{c.Metric.Label} {SweepFormat.Compact(c.Value)}";
                if (line.Length + next.Length + (shown + 1 < stats.Constants.Count ? more.Length : 0) > LineWidth)
                {
                    line += more;
                    break;
                }

                line += next;
                shown++;
            }

            output.WriteLine(line);
        }

        foreach (string finding in stats.Findings.Take(Findings))
        {
            output.WriteLine("· " + finding);
        }
    }

    private static string Cell(MetricSummary s) =>
        !double.IsFinite(s.Mean) ? "n/a"
        : s.CiLow == s.CiHigh ? SweepFormat.Compact(s.Mean)
        : $"{SweepFormat.Compact(s.Mean)} [{SweepFormat.Compact(s.CiLow)}–{SweepFormat.Compact(s.CiHigh)}]";
}
