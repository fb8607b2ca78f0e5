using System.Globalization;
using Microstructure.Analysis.Plots;
using ScottPlot;

namespace Microstructure.Analysis.Sweeps;

/// <summary>
/// The sweep report's charts: per metric the designs with every seed's runs joined by a line (a compare: a sweep of
/// one point), the metric against a 1-D sweep's parameter with the 95% interval as a band, and per design a 2-D
/// sweep's grid of means. A metric that cannot be negative starts its axis (or colour scale) at 0.
/// </summary>
internal static class SweepCharts
{
    /// <summary>Designs side by side; each (point, seed) a thin line across designs, each design's mean and 95% CI in black.</summary>
    public static byte[] Paired(SweepStatistics stats, SweepMetric metric, ChartSize? size)
    {
        Plot plot = ChartCanvas.Create($"{metric.Label} by design — lines join the runs of one seed", "design", metric.Title);
        var byRun = new SortedDictionary<(int Point, long Seed), double[]>();
        double max = double.NegativeInfinity, min = double.PositiveInfinity;
        for (int d = 0; d < stats.Designs.Count; d++)
        {
            foreach (var run in stats.Values(metric.Column, stats.Designs[d]))
            {
                if (!byRun.TryGetValue((run.Point, run.Seed), out double[]? ys))
                {
                    ys = [.. Enumerable.Repeat(double.NaN, stats.Designs.Count)];
                    byRun[(run.Point, run.Seed)] = ys;
                }

                ys[d] = run.Value;
                if (double.IsFinite(run.Value))
                {
                    max = Math.Max(max, run.Value);
                    min = Math.Min(min, run.Value);
                }
            }
        }

        foreach (double[] ys in byRun.Values)
        {
            for (int d = 1; d < ys.Length; d++)
            {
                if (double.IsFinite(ys[d - 1]) && double.IsFinite(ys[d]))
                {
                    var line = plot.Add.Line(d - 1, ys[d - 1], d, ys[d]);
                    line.LineColor = Colors.Gray.WithAlpha(0.35);
                    line.LineWidth = 1;
                }
            }
        }

        for (int d = 0; d < stats.Designs.Count; d++)
        {
            Color color = ChartCanvas.Palette.GetColor(d);
            double[] ys = [.. byRun.Values.Select(v => v[d]).Where(double.IsFinite)];
            plot.Add.Markers([.. ys.Select(_ => (double)d)], ys, MarkerShape.FilledCircle, 7, color.WithAlpha(0.8));
            MetricSummary s = stats.Summary(metric.Column, stats.Designs[d]);
            if (double.IsFinite(s.Mean))
            {
                var ci = plot.Add.Line(d + 0.12, s.CiLow, d + 0.12, s.CiHigh);
                ci.LineColor = Colors.Black;
                ci.LineWidth = 3;
                var mean = plot.Add.Line(d + 0.04, s.Mean, d + 0.2, s.Mean);
                mean.LineColor = Colors.Black;
                mean.LineWidth = 3;
            }
        }

        plot.Axes.Bottom.SetTicks([.. stats.Designs.Select((_, i) => (double)i)], [.. stats.Designs]);
        plot.Axes.SetLimitsX(-0.5, stats.Designs.Count - 0.5);
        YLimits(plot, metric, min, max);
        return ChartCanvas.ToPng(plot, size);
    }

    /// <summary>A 1-D sweep: the metric's mean at each value of the parameter per design, the 95% CI as a band.</summary>
    public static byte[] Sensitivity(SweepStatistics stats, SweepMetric metric, ChartSize? size)
    {
        string parameter = stats.Parameters[0];
        Plot plot = ChartCanvas.Create($"{metric.Label} against {parameter} (mean, 95% CI band)", parameter, metric.Title);
        var (xs, numeric) = Axis(stats, 0);
        double max = double.NegativeInfinity, min = double.PositiveInfinity;
        for (int d = 0; d < stats.Designs.Count; d++)
        {
            Color color = ChartCanvas.Palette.GetColor(d);
            var cells = Enumerable.Range(0, stats.Points.Count)
                .Select(p => (X: xs[p], S: stats.Summary(metric.Column, stats.Designs[d], p)))
                .Where(c => double.IsFinite(c.S.Mean)).ToList();
            if (cells.Count == 0)
            {
                continue;
            }

            double[] x = [.. cells.Select(c => c.X)];
            var band = plot.Add.FillY(x, [.. cells.Select(c => c.S.CiLow)], [.. cells.Select(c => c.S.CiHigh)]);
            band.FillColor = color.WithAlpha(0.18);
            band.LineColor = color.WithAlpha(0);
            var line = plot.Add.ScatterLine(x, [.. cells.Select(c => c.S.Mean)], color);
            line.LineWidth = 2.5f;
            line.MarkerShape = MarkerShape.FilledCircle;
            line.MarkerSize = 7;
            line.LegendText = stats.Designs[d];
            max = Math.Max(max, cells.Max(c => c.S.CiHigh));
            min = Math.Min(min, cells.Min(c => c.S.CiLow));
        }

        if (!numeric)
        {
            plot.Axes.Bottom.SetTicks(xs, [.. stats.Points.Select(p => p[0])]);
        }

        plot.ShowLegend(Alignment.UpperRight);
        YLimits(plot, metric, min, max);
        return ChartCanvas.ToPng(plot, size);
    }

    /// <summary>A 2-D grid sweep: one design's mean per cell, coloured on a scale shared by every design, the value written in.</summary>
    public static byte[] Heatmap(SweepStatistics stats, SweepMetric metric, string design, ChartSize? size)
    {
        string[] xValues = [.. stats.Points.Select(p => p[0]).Distinct()];
        string[] yValues = [.. stats.Points.Select(p => p[1]).Distinct()];
        Plot plot = ChartCanvas.Create($"{metric.Title}, {design}: mean over seeds", stats.Parameters[0], stats.Parameters[1]);
        var all = stats.Summaries.Where(s => s.Metric == metric.Column && s.Point >= 0 && double.IsFinite(s.Mean)).Select(s => s.Mean).ToList();
        double low = all.Count == 0 ? 0 : all.Min();
        double high = all.Count == 0 ? 1 : all.Max();
        var colormap = new ScottPlot.Colormaps.Viridis();
        for (int p = 0; p < stats.Points.Count; p++)
        {
            int x = Array.IndexOf(xValues, stats.Points[p][0]);
            int y = Array.IndexOf(yValues, stats.Points[p][1]);
            double mean = stats.Summary(metric.Column, design, p).Mean;
            double fraction = high > low && double.IsFinite(mean) ? (mean - low) / (high - low) : 0;
            var cell = plot.Add.Rectangle(x - 0.5, x + 0.5, y - 0.5, y + 0.5);
            cell.FillColor = double.IsFinite(mean) ? colormap.GetColor(fraction) : Colors.White;
            cell.LineColor = Colors.White;
            var text = plot.Add.Text(SweepFormat.Number(mean), x, y);
            text.LabelAlignment = Alignment.MiddleCenter;
            text.LabelFontSize = 16;
            text.LabelFontColor = fraction > 0.6 ? Colors.Black : Colors.White;
        }

        plot.Axes.Bottom.SetTicks([.. xValues.Select((_, i) => (double)i)], xValues);
        plot.Axes.Left.SetTicks([.. yValues.Select((_, i) => (double)i)], yValues);
        plot.Axes.SetLimits(-0.5, xValues.Length - 0.5, -0.5, yValues.Length - 0.5);
        plot.Add.Annotation(string.Create(CultureInfo.InvariantCulture, $"colour scale {SweepFormat.Number(low)} … {SweepFormat.Number(high)} (the same for every design)"), Alignment.UpperLeft);
        return ChartCanvas.ToPng(plot, size);
    }

    /// <summary>The x positions of parameter <paramref name="index"/>'s values: the numbers when all are, else 0, 1, 2, ….</summary>
    private static (double[] Xs, bool Numeric) Axis(SweepStatistics stats, int index)
    {
        var parsed = stats.Points.Select(p => double.TryParse(p[index], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : double.NaN).ToArray();
        return parsed.All(double.IsFinite) ? (parsed, true) : ([.. stats.Points.Select((_, i) => (double)i)], false);
    }

    private static void YLimits(Plot plot, SweepMetric metric, double min, double max)
    {
        if (!double.IsFinite(max))
        {
            return;
        }

        double bottom = metric.NonNegative ? 0 : min;
        double top = max > bottom ? max + ((max - bottom) * 0.08) : bottom + 1;
        if (!metric.NonNegative)
        {
            bottom -= (top - bottom) * 0.05;
        }

        plot.Axes.SetLimitsY(bottom, top);
    }
}
