using Microstructure.Analysis.Impact;
using ScottPlot;

namespace Microstructure.Analysis.Plots;

/// <summary>Binned mean impact against Q/V on log-log axes with the fitted square-root-law line.</summary>
internal static class ImpactCurveChart
{
    /// <summary>Renders the chart as PNG bytes; bins with non-positive mean impact cannot be drawn on a log axis and are left out.</summary>
    public static byte[] RenderPng(
        ReadOnlySpan<ImpactBin> bins,
        SquareRootLawFit fit,
        ChartSize? size = null,
        string title = "Price impact vs Q/V")
    {
        Plot plot = ChartCanvas.Create(title, "Q / V", "mean impact (log return)");
        ChartCanvas.LogTicks(plot.Axes.Bottom);
        ChartCanvas.LogTicks(plot.Axes.Left);
        var xs = new List<double>(bins.Length);
        var ys = new List<double>(bins.Length);
        foreach (ImpactBin b in bins)
        {
            if (b.MeanSize > 0 && b.MeanImpact > 0)
            {
                xs.Add(Math.Log10(b.MeanSize));
                ys.Add(Math.Log10(b.MeanImpact));
            }
        }

        if (xs.Count > 0)
        {
            var points = plot.Add.ScatterPoints(xs.ToArray(), ys.ToArray(), ChartCanvas.Palette.GetColor(0));
            points.MarkerSize = 9;
            points.LegendText = "binned mean impact";
        }

        if (fit.IsDefined && xs.Count > 1)
        {
            double lo = xs.Min(), hi = xs.Max();
            const int N = 50;
            var fx = new double[N];
            var fy = new double[N];
            for (int i = 0; i < N; i++)
            {
                fx[i] = lo + ((hi - lo) * i / (N - 1));
                fy[i] = Math.Log10(fit.Evaluate(Math.Pow(10, fx[i])));
            }

            var line = plot.Add.ScatterLine(fx, fy, ChartCanvas.Palette.GetColor(3));
            line.LineWidth = 2;
            line.LegendText = string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"fit: δ = {fit.Exponent:F3} ± {fit.ExponentStandardError:F3}, Y = {fit.Prefactor:G3}, R² = {fit.RSquared:F3}");
        }

        plot.ShowLegend(Alignment.UpperLeft);
        return ChartCanvas.ToPng(plot, size);
    }

    /// <summary>Renders and writes the chart to <paramref name="path"/>.</summary>
    public static void SavePng(
        string path,
        ReadOnlySpan<ImpactBin> bins,
        SquareRootLawFit fit,
        ChartSize? size = null,
        string title = "Price impact vs Q/V") =>
        ChartCanvas.WriteFile(path, RenderPng(bins, fit, size, title));
}
