using Microstructure.Analysis.Plots;
using Microstructure.Analysis.Reports;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// Compares liquidation designs across seeds: from the <see cref="RunSummary"/> of every (design, seed) run it writes
/// a comparison directory — the <c>comparison</c> table (mean, standard deviation, min and max of every metric per
/// design), the <c>runs</c> table, summary.json, one box plot per metric and report.md. Runs are sorted by design
/// (ordinal) and seed before anything is computed, so the files do not depend on the order in which seeds finished.
/// </summary>
public static class ComparisonReport
{
    /// <summary>Writes the comparison of <paramref name="runs"/> into <paramref name="directory"/> (new or empty).</summary>
    /// <exception cref="ArgumentException">No runs, or a (design, seed) pair appears twice (both are named).</exception>
    /// <exception cref="RunOutputException">The directory holds files or cannot be written (the path is named).</exception>
    public static ComparisonSummary Write(string directory, IEnumerable<RunSummary> runs, ComparisonOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        options ??= ComparisonOptions.Default;
        RunSummary[] sorted = [.. runs.OrderBy(r => r.Design, StringComparer.Ordinal).ThenBy(r => r.Seed)];
        Check(sorted);
        RunDirectory dir = RunDirectory.Prepare(directory, RunDirectory.PlotsFolder);
        ComparisonSummary summary = Aggregate(dir.Root, sorted);

        var written = new List<string>();
        var recorder = new RecorderOptions { Formats = options.Formats };
        TableFiles.Write<DesignMetricSpread, DesignMetricSpreadRows>(dir.Root, "comparison", summary.Rows, recorder, written);
        TableFiles.Write<ComparisonRunRow, ComparisonRunRows>(
            dir.Root, "runs", sorted.Select(r => new ComparisonRunRow(r, RelativeRun(dir, r))), recorder, written);
        var plots = new List<PlotFile>();
        if (options.WritePlots)
        {
            foreach (ComparisonMetric metric in ComparisonMetric.All)
            {
                string path = Path.Combine(dir.Plots, metric.Key + ".png");
                DesignSamples[] samples = [.. summary.Designs.Select(d => new DesignSamples(d, [.. sorted.Where(r => r.Design == d).Select(metric.Read)]))];
                RunDirectory.Guard(path, () => ComparisonChart.SavePng(path, $"{metric.Label} ({metric.Unit})", samples, options.PlotSize));
                plots.Add(new PlotFile($"{metric.Label} ({metric.Unit}) by design", dir.Relative(path)));
            }
        }

        var files = new List<string> { RunDirectory.ReportFile, RunDirectory.SummaryFile };
        files.AddRange(written.Select(dir.Relative));
        files.AddRange(plots.Select(p => p.RelativePath));
        string summaryPath = Path.Combine(dir.Root, RunDirectory.SummaryFile);
        RunDirectory.Guard(summaryPath, () => Json(summary, sorted.Length, files).Save(summaryPath));
        string reportPath = Path.Combine(dir.Root, RunDirectory.ReportFile);
        RunDirectory.Guard(reportPath, () => ComparisonMarkdown.Build(summary, sorted, plots, files, d => RelativeRun(dir, d)).Save(reportPath));
        return summary;
    }

    /// <summary>The per-design spreads of every metric, from runs sorted by (design, seed).</summary>
    internal static ComparisonSummary Aggregate(string directory, IReadOnlyList<RunSummary> sorted)
    {
        string[] designs = [.. sorted.Select(r => r.Design).Distinct()];
        var rows = new List<DesignMetricSpread>();
        foreach (string design in designs)
        {
            RunSummary[] ofDesign = [.. sorted.Where(r => r.Design == design)];
            foreach (ComparisonMetric metric in ComparisonMetric.All)
            {
                rows.Add(new DesignMetricSpread(design, metric.Key, metric.Unit, MetricSpread.Of([.. ofDesign.Select(metric.Read)])));
            }
        }

        return new ComparisonSummary
        {
            Directory = directory,
            Scenarios = [.. sorted.Select(r => r.Scenario).Distinct().Order(StringComparer.Ordinal)],
            Designs = designs,
            Seeds = [.. sorted.Select(r => r.Seed).Distinct().Order()],
            Rows = rows,
        };
    }

    private static void Check(RunSummary[] sorted)
    {
        if (sorted.Length == 0)
        {
            ThrowHelper.ThrowArgument("runs", "A comparison needs at least one run.");
        }

        for (int i = 0; i < sorted.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(sorted[i], "runs");
            if (i > 0 && sorted[i].Design == sorted[i - 1].Design && sorted[i].Seed == sorted[i - 1].Seed)
            {
                ThrowHelper.ThrowArgument("runs", $"Design '{sorted[i].Design}' with seed {sorted[i].Seed} appears twice; each (design, seed) runs once.");
            }
        }
    }

    private static string RelativeRun(RunDirectory dir, RunSummary run) =>
        string.IsNullOrEmpty(run.Directory) ? "" : dir.Relative(run.Directory);

    private static JsonSummary Json(ComparisonSummary summary, int runs, IReadOnlyList<string> files)
    {
        var json = new JsonSummary()
            .Add("scenarios", summary.Scenarios)
            .Add("designs", summary.Designs)
            .Add("seeds", summary.Seeds)
            .Add("runs", (long)runs);
        JsonSummary metrics = json.AddObject("metrics");
        foreach (ComparisonMetric metric in ComparisonMetric.All)
        {
            JsonSummary m = metrics.AddObject(metric.Key).Add("label", metric.Label).Add("unit", metric.Unit);
            JsonSummary byDesign = m.AddObject("by_design");
            foreach (string design in summary.Designs)
            {
                MetricSpread s = summary.Spread(design, metric.Key);
                byDesign.AddObject(design)
                    .Add("runs", (long)s.Runs)
                    .Add("values", (long)s.Values)
                    .Add("mean", s.Mean)
                    .Add("std", s.StdDev)
                    .Add("min", s.Min)
                    .Add("max", s.Max);
            }
        }

        return json.Add("files", files);
    }
}
