using System.Globalization;
using System.Text.Json.Nodes;
using Microstructure.Analysis.Reports.Html;

namespace Microstructure.Analysis.Sweeps;

/// <summary>
/// The interactive charts of a sweep's report.html, from the same statistics as its PNGs (<see cref="SweepCharts"/>):
/// a compare (one point) shows per metric each design's runs with the runs of one seed joined by a line and the mean
/// with its 95% CI as error bars; a 1-D sweep the metric against the parameter per design with the CI as a filled band;
/// a 2-D grid a heatmap per design and key metric, the value written in each cell, one colour scale per metric shared
/// by every design (from its lowest to its highest mean, as the PNGs); a forest chart of the differences against the
/// baseline in % with their 95% CIs. A metric that cannot be negative starts its y axis at 0.
/// </summary>
internal static class SweepHtmlCharts
{
    /// <summary>A relative difference beyond this (in %) is left out of the forest chart.</summary>
    private const double MaxRelativePercent = 1000;

    /// <summary>Tableau 10, the palette of the PNGs (<see cref="Plots.ChartCanvas.Palette"/>).</summary>
    private static readonly string[] Colors =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    private static readonly string[] Fills =
        ["rgba(31,119,180,0.18)", "rgba(255,127,14,0.18)", "rgba(44,160,44,0.18)", "rgba(214,39,40,0.18)", "rgba(148,103,189,0.18)",
         "rgba(140,86,75,0.18)", "rgba(227,119,194,0.18)", "rgba(127,127,127,0.18)", "rgba(188,189,34,0.18)", "rgba(23,190,207,0.18)"];

    /// <summary>Adds the charts of <paramref name="plotted"/> (the metrics the PNGs show) to <paramref name="html"/>.</summary>
    public static void Add(HtmlReport html, SweepStatistics stats, IReadOnlyList<SweepMetric> plotted, bool grid2D)
    {
        if (plotted.Count == 0)
        {
            html.Paragraph("Every metric is constant over the sweep: nothing to plot.");
            return;
        }

        if (stats.Designs.Count > 1 && Differences(stats, plotted) is { } differences)
        {
            html.Chart(differences);
        }

        foreach (SweepMetric metric in plotted)
        {
            if (stats.Points.Count == 1 || (stats.Parameters.Count > 1 && !grid2D))
            {
                html.Chart(Paired(stats, metric));
            }
            else if (stats.Parameters.Count == 1)
            {
                html.Chart(Sensitivity(stats, metric));
            }
            else if (metric.Key || !plotted.Any(m => m.Key))
            {
                foreach (string design in stats.Designs)
                {
                    html.Chart(Heatmap(stats, metric, design));
                }
            }
        }
    }

    /// <summary>
    /// Per plotted metric and design, the mean difference against the baseline in % with its 95% CI (a forest chart);
    /// a metric whose relative interval is undefined or beyond ±<see cref="MaxRelativePercent"/>% (a baseline mean near
    /// 0) would squash the others and is named in the caption instead. Null when no metric is left.
    /// </summary>
    public static PlotlyChart? Differences(SweepStatistics stats, IReadOnlyList<SweepMetric> all)
    {
        bool OnScale(SweepMetric m) => stats.Designs.Where(d => d != stats.Baseline).Select(d => stats.Difference(m.Column, d)!)
            .All(x => double.IsFinite(x.RelativeCiLow) && double.IsFinite(x.RelativeCiHigh) && Math.Abs(x.RelativeCiLow) <= MaxRelativePercent && Math.Abs(x.RelativeCiHigh) <= MaxRelativePercent);
        var plotted = all.Where(OnScale).ToList();
        var off = all.Where(m => !OnScale(m)).Select(m => m.Title).ToList();
        if (plotted.Count == 0)
        {
            return null;
        }

        var chart = new PlotlyChart($"Difference against {stats.Baseline}, paired runs (% of the baseline's mean, 95% CI)", "difference (%)", "", height: Math.Max(320, 120 + (plotted.Count * 26 * (stats.Designs.Count - 1))));
        var labels = plotted.Select(m => m.Title).ToList();
        for (int d = 0; d < stats.Designs.Count; d++)
        {
            string design = stats.Designs[d];
            if (design == stats.Baseline)
            {
                continue;
            }

            var diffs = plotted.Select(m => stats.Difference(m.Column, design)!).ToList();
            JsonObject trace = PlotlyTraces.Markers(
                design,
                PlotlyChart.Numbers(diffs.Select(x => x.RelativePercent).ToArray()),
                PlotlyChart.Strings(labels),
                Color(d),
                "diamond",
                size: 10,
                hoverText: PlotlyChart.Strings(diffs.Select(x => $"{design} − {x.Baseline}, {SweepMetrics.Describe(x.Metric).Title}: {SweepFormat.Number(x.Mean)} [{SweepFormat.Number(x.CiLow)}, {SweepFormat.Number(x.CiHigh)}], "
                    + (double.IsFinite(x.RelativePercent) ? $"{SweepFormat.Percent(x.RelativePercent)}% [{SweepFormat.Percent(x.RelativeCiLow)}, {SweepFormat.Percent(x.RelativeCiHigh)}]" : "relative n/a")
                    + $" over {x.Pairs} pairs" + (double.IsFinite(x.ShareBetter) ? $", better in {SweepFormat.Percent(x.ShareBetter * 100)}%" : ""))));
            trace["error_x"] = new JsonObject
            {
                ["type"] = "data",
                ["symmetric"] = false,
                ["array"] = PlotlyChart.Numbers(diffs.Select(x => x.RelativeCiHigh - x.RelativePercent).ToArray()),
                ["arrayminus"] = PlotlyChart.Numbers(diffs.Select(x => x.RelativePercent - x.RelativeCiLow).ToArray()),
                ["color"] = Color(d),
                ["thickness"] = 2,
                ["width"] = 4,
            };
            trace["offsetgroup"] = design;
            trace["orientation"] = "h";
            chart.Add(trace);
        }

        chart.Shape(PlotlyTraces.VerticalLine(0, "#444444", "solid"));
        chart.Layout["scattermode"] = "group";
        chart.YAxis["type"] = "category";
        chart.YAxis["autorange"] = "reversed";
        chart.YAxis["automargin"] = true;
        chart.Caption = $"Left of the line: lower than {stats.Baseline}. Whether lower is better depends on the metric (the tables below say)."
            + (off.Count > 0 ? $" Not drawn (a baseline mean at or near 0 makes the relative difference undefined or huge; see the differences table): {string.Join(", ", off)}." : "");
        return chart;
    }

    /// <summary>Designs side by side; each (point, seed) a grey line across designs; each design's mean with its 95% CI.</summary>
    public static PlotlyChart Paired(SweepStatistics stats, SweepMetric metric)
    {
        var chart = new PlotlyChart($"{metric.Label} by design — lines join the runs of one seed", "design", metric.Title);
        var byRun = new SortedDictionary<(int Point, long Seed), double[]>();
        for (int d = 0; d < stats.Designs.Count; d++)
        {
            foreach (RunValue run in stats.Values(metric.Column, stats.Designs[d]))
            {
                if (!byRun.TryGetValue((run.Point, run.Seed), out double[]? ys))
                {
                    ys = [.. Enumerable.Repeat(double.NaN, stats.Designs.Count)];
                    byRun[(run.Point, run.Seed)] = ys;
                }

                ys[d] = run.Value;
            }
        }

        // One trace for every pairing line: the runs of one (point, seed) across designs, a null between two runs.
        var lineX = new List<double>();
        var lineY = new List<double>();
        foreach (double[] ys in byRun.Values)
        {
            for (int d = 0; d < ys.Length; d++)
            {
                lineX.Add(d);
                lineY.Add(ys[d]);
            }

            lineX.Add(double.NaN);
            lineY.Add(double.NaN);
        }

        JsonObject lines = PlotlyTraces.Line("runs of one seed", PlotlyChart.Numbers(lineX.ToArray()), PlotlyChart.Numbers(lineY.ToArray()), "rgba(128,128,128,0.45)", width: 1);
        lines["hoverinfo"] = "skip";
        lines["connectgaps"] = false;
        chart.Add(lines);
        for (int d = 0; d < stats.Designs.Count; d++)
        {
            var runs = byRun.Where(r => double.IsFinite(r.Value[d])).ToList();
            var hover = PlotlyChart.Strings(runs.Select(r => $"{stats.Designs[d]}, {PointLabel(stats, r.Key.Point)}seed {r.Key.Seed.ToString(CultureInfo.InvariantCulture)}: {SweepFormat.Number(r.Value[d])}"));
            chart.Add(PlotlyTraces.Markers(stats.Designs[d], PlotlyChart.Numbers(runs.Select(_ => (double)d).ToArray()), PlotlyChart.Numbers(runs.Select(r => r.Value[d]).ToArray()), Color(d), hoverText: hover));
        }

        var means = stats.Designs.Select(d => stats.Summary(metric.Column, d)).ToList();
        JsonObject mean = PlotlyTraces.Markers(
            "mean and 95% CI",
            PlotlyChart.Numbers(means.Select((_, d) => d + 0.15).ToArray()),
            PlotlyChart.Numbers(means.Select(s => s.Mean).ToArray()),
            "#000000",
            "line-ew-open",
            size: 18,
            hoverText: PlotlyChart.Strings(means.Select(s => $"{s.Design}: mean {SweepFormat.Number(s.Mean)}, 95% CI [{SweepFormat.Number(s.CiLow)}, {SweepFormat.Number(s.CiHigh)}]")));
        ((JsonObject)mean["marker"]!)["line"] = new JsonObject { ["width"] = 3, ["color"] = "#000000" };
        mean["error_y"] = new JsonObject
        {
            ["type"] = "data",
            ["symmetric"] = false,
            ["array"] = PlotlyChart.Numbers(means.Select(s => s.CiHigh - s.Mean).ToArray()),
            ["arrayminus"] = PlotlyChart.Numbers(means.Select(s => s.Mean - s.CiLow).ToArray()),
            ["color"] = "#000000",
            ["thickness"] = 2.5,
            ["width"] = 6,
        };
        chart.Add(mean);
        chart.XAxis["tickmode"] = "array";
        chart.XAxis["tickvals"] = PlotlyChart.Numbers(stats.Designs.Select((_, i) => (double)i).ToArray());
        chart.XAxis["ticktext"] = PlotlyChart.Strings(stats.Designs);
        chart.XAxis["range"] = new JsonArray(-0.5, stats.Designs.Count - 0.5);
        YAxis(chart, metric);
        return chart;
    }

    /// <summary>A 1-D sweep: the mean at each value of the parameter per design, its 95% CI a filled band.</summary>
    public static PlotlyChart Sensitivity(SweepStatistics stats, SweepMetric metric)
    {
        string parameter = stats.Parameters[0];
        var chart = new PlotlyChart($"{metric.Label} against {parameter} (mean, 95% CI band)", parameter, metric.Title);
        bool numeric = stats.Points.All(p => double.TryParse(p[0], NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        for (int d = 0; d < stats.Designs.Count; d++)
        {
            var cells = Enumerable.Range(0, stats.Points.Count)
                .Select(p => (Point: p, S: stats.Summary(metric.Column, stats.Designs[d], p)))
                .Where(c => double.IsFinite(c.S.Mean)).ToList();
            if (cells.Count == 0)
            {
                continue;
            }

            JsonArray X() => numeric
                ? PlotlyChart.Numbers(cells.Select(c => double.Parse(stats.Points[c.Point][0], NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray())
                : PlotlyChart.Strings(cells.Select(c => stats.Points[c.Point][0]));
            string design = stats.Designs[d];

            // The band: the upper edge (no line), then the lower edge filled up to it.
            JsonObject upper = PlotlyTraces.Line(design + " 95% CI", X(), PlotlyChart.Numbers(cells.Select(c => c.S.CiHigh).ToArray()), Color(d), width: 0);
            upper["showlegend"] = false;
            upper["legendgroup"] = design;
            upper["hoverinfo"] = "skip";
            JsonObject lower = PlotlyTraces.Line(design + " 95% CI", X(), PlotlyChart.Numbers(cells.Select(c => c.S.CiLow).ToArray()), Color(d), width: 0);
            lower["fill"] = "tonexty";
            lower["fillcolor"] = Fills[d % Fills.Length];
            lower["showlegend"] = false;
            lower["legendgroup"] = design;
            lower["hoverinfo"] = "skip";
            JsonObject mean = PlotlyTraces.Line(design, X(), PlotlyChart.Numbers(cells.Select(c => c.S.Mean).ToArray()), Color(d), width: 2.5);
            mean["mode"] = "lines+markers";
            mean["legendgroup"] = design;
            mean["marker"] = new JsonObject { ["size"] = 7, ["color"] = Color(d) };
            mean["text"] = PlotlyChart.Strings(cells.Select(c => $"{design}, {parameter}={stats.Points[c.Point][0]}: mean {SweepFormat.Number(c.S.Mean)}, 95% CI [{SweepFormat.Number(c.S.CiLow)}, {SweepFormat.Number(c.S.CiHigh)}] over {c.S.Values} runs"));
            mean["hovertemplate"] = "%{text}<extra></extra>";
            chart.Add(upper).Add(lower).Add(mean);
        }

        if (!numeric)
        {
            chart.XAxis["type"] = "category";
        }

        YAxis(chart, metric);
        return chart;
    }

    /// <summary>A 2-D grid: one design's mean per cell, the value written in, the colour scale shared by every design.</summary>
    public static PlotlyChart Heatmap(SweepStatistics stats, SweepMetric metric, string design)
    {
        string[] xValues = [.. stats.Points.Select(p => p[0]).Distinct()];
        string[] yValues = [.. stats.Points.Select(p => p[1]).Distinct()];
        var chart = new PlotlyChart($"{metric.Title}, {design}: mean over seeds", stats.Parameters[0], stats.Parameters[1], height: 420);
        var all = stats.Summaries.Where(s => s.Metric == metric.Column && s.Point >= 0 && double.IsFinite(s.Mean)).Select(s => s.Mean).ToList();
        double low = all.Count == 0 ? 0 : all.Min();
        double high = all.Count == 0 ? 1 : all.Max();
        var z = new JsonArray();
        var text = new JsonArray();
        var hover = new JsonArray();
        foreach (string y in yValues)
        {
            var row = new double[xValues.Length];
            var labels = new string[xValues.Length];
            var details = new string[xValues.Length];
            for (int x = 0; x < xValues.Length; x++)
            {
                int p = Enumerable.Range(0, stats.Points.Count).First(i => stats.Points[i][0] == xValues[x] && stats.Points[i][1] == y);
                MetricSummary s = stats.Summary(metric.Column, design, p);
                row[x] = s.Mean;
                labels[x] = SweepFormat.Number(s.Mean);
                details[x] = $"mean {SweepFormat.Number(s.Mean)}, 95% CI [{SweepFormat.Number(s.CiLow)}, {SweepFormat.Number(s.CiHigh)}], median {SweepFormat.Number(s.Median)}, over {s.Values} of {s.Runs} runs";
            }

            z.Add(PlotlyChart.Numbers(row));
            text.Add(PlotlyChart.Strings(labels));
            hover.Add(PlotlyChart.Strings(details));
        }

        JsonObject heatmap = PlotlyTraces.Heatmap(design, PlotlyChart.Strings(xValues), PlotlyChart.Strings(yValues), z, metric.Title);
        heatmap["zmin"] = low;
        heatmap["zmax"] = high > low ? high : low + 1;
        heatmap["text"] = text;
        heatmap["texttemplate"] = "%{text}";
        heatmap["textfont"] = new JsonObject { ["size"] = 14 };
        heatmap["customdata"] = hover;
        heatmap["hovertemplate"] = $"{stats.Parameters[0]}=%{{x}}, {stats.Parameters[1]}=%{{y}}: %{{customdata}}<extra>{design}</extra>";
        chart.Add(heatmap);
        chart.XAxis["type"] = "category";
        chart.YAxis["type"] = "category";
        chart.Caption = string.Create(CultureInfo.InvariantCulture, $"Colour scale {SweepFormat.Number(low)} … {SweepFormat.Number(high)}, the same for every design.");
        return chart;
    }

    private static string PointLabel(SweepStatistics stats, int point) =>
        stats.Parameters.Count == 0 ? "" : string.Join(", ", stats.Parameters.Select((p, i) => $"{p}={stats.Points[point][i]}")) + ", ";

    private static string Color(int index) => Colors[index % Colors.Length];

    private static void YAxis(PlotlyChart chart, SweepMetric metric)
    {
        chart.YAxis["automargin"] = true;
        if (metric.NonNegative)
        {
            chart.YAxis["rangemode"] = "tozero";
        }
    }
}
