using Microstructure.Analysis.Statistics;
using ScottPlot;

namespace Microstructure.Analysis.Plots;

/// <summary>
/// One metric across designs: per design a box (quartiles, median line, whiskers at min and max) with every seed's
/// value drawn as a point, spread evenly across the box so that equal values stay visible (no random jitter).
/// </summary>
internal static class ComparisonChart
{
    /// <summary>Renders the chart as PNG bytes.</summary>
    public static byte[] RenderPng(
        string metric,
        IReadOnlyList<DesignSamples> designs,
        ChartSize? size = null,
        string? title = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(metric);
        ArgumentNullException.ThrowIfNull(designs);
        Plot plot = ChartCanvas.Create(title ?? $"{metric} by design (spread across seeds)", "design", metric);
        var positions = new double[designs.Count];
        var labels = new string[designs.Count];
        for (int d = 0; d < designs.Count; d++)
        {
            positions[d] = d;
            labels[d] = designs[d].Design;
            double[] values = designs[d].Values.Where(double.IsFinite).Order().ToArray();
            if (values.Length == 0)
            {
                continue;
            }

            Color color = ChartCanvas.Palette.GetColor(d);
            var box = new Box
            {
                Position = d,
                BoxMin = Quantiles.OfSorted(values, 0.25),
                BoxMax = Quantiles.OfSorted(values, 0.75),
                BoxMiddle = Quantiles.OfSorted(values, 0.5),
                WhiskerMin = values[0],
                WhiskerMax = values[^1],
                Width = 0.5,
            };
            box.FillColor = color.WithAlpha(0.35);
            box.LineColor = color;
            plot.Add.Box(box);

            var xs = new double[values.Length];
            for (int i = 0; i < values.Length; i++)
            {
                xs[i] = values.Length == 1 ? d : d - 0.18 + (0.36 * i / (values.Length - 1));
            }

            plot.Add.Markers(xs, values, MarkerShape.FilledCircle, 6, color.Darken(0.3));
        }

        plot.Axes.Bottom.SetTicks(positions, labels);
        plot.Axes.SetLimitsX(-0.6, Math.Max(0, designs.Count - 1) + 0.6);
        return ChartCanvas.ToPng(plot, size);
    }

    /// <summary>Renders and writes the chart to <paramref name="path"/>.</summary>
    public static void SavePng(
        string path,
        string metric,
        IReadOnlyList<DesignSamples> designs,
        ChartSize? size = null,
        string? title = null) =>
        ChartCanvas.WriteFile(path, RenderPng(metric, designs, size, title));
}
