using System.Globalization;
using Microstructure.Analysis.Recording;
using Spectre.Console;

namespace Microstructure.Cli.Output;

/// <summary>
/// A comparison as a table: one row per metric, one column per design, each cell "mean ± sample std" across seeds
/// (just the mean with one seed; "n/a" when no run had a value, e.g. a mid that never recovered).
/// </summary>
internal static class ComparisonTable
{
    /// <summary>The table for <paramref name="summary"/>.</summary>
    public static Table Build(ComparisonSummary summary)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{Markup.Escape(string.Join(", ", summary.Scenarios))} · {summary.Seeds.Count} seed(s): mean ± std");
        table.AddColumn("metric");
        foreach (string design in summary.Designs)
        {
            table.AddColumn(new TableColumn(Markup.Escape(design)).RightAligned());
        }

        foreach (var metric in summary.Rows.Select(r => (r.Metric, r.Unit)).Distinct())
        {
            var cells = new List<string> { Markup.Escape($"{metric.Metric.Replace('_', ' ')} ({metric.Unit})") };
            foreach (string design in summary.Designs)
            {
                var row = summary.Rows.FirstOrDefault(r => r.Design == design && r.Metric == metric.Metric);
                cells.Add(row is null ? "" : Markup.Escape(Cell(row.Spread)));
            }

            table.AddRow(cells.ToArray());
        }

        return table;
    }

    private static string Cell(MetricSpread spread)
    {
        if (spread.Values == 0)
        {
            return "n/a";
        }

        string mean = Format(spread.Mean);
        return double.IsFinite(spread.StdDev) ? $"{mean} ± {Format(spread.StdDev)}" : mean;
    }

    private static string Format(double value) =>
        Math.Abs(value) >= 1000 ? value.ToString("N0", CultureInfo.InvariantCulture) : value.ToString("0.##", CultureInfo.InvariantCulture);
}
