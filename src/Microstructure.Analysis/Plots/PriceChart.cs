using Microstructure.Analysis.Cascades;
using Microstructure.Analysis.Series;
using Microstructure.Engine;
using ScottPlot;

namespace Microstructure.Analysis.Plots;

/// <summary>
/// The mid price over the whole run (top) and over a window around the cascade (bottom), with the shocks (dashed
/// lines) and every liquidation marked where it hit — ▼ a long closed, ▲ a short closed — coloured by what closed
/// most of its lots (book, fund, ADL).
/// </summary>
internal static class PriceChart
{
    /// <summary>Renders the chart as PNG bytes.</summary>
    /// <param name="mid">Mid series (integer mid units).</param>
    /// <param name="priceScale">Multiplier from mid units to displayed price (e.g. tick size / 2 for half-ticks).</param>
    /// <param name="liquidations">Liquidations in causal order; drawn at (time, MidBefore).</param>
    /// <param name="closeTypes">The close type of each liquidation (same order).</param>
    /// <param name="shockTimes">Times of the run's shocks (ns).</param>
    /// <param name="originNs">Time 0 of the x axes (the run's start).</param>
    /// <param name="zoom">Window of the lower panel (e.g. <see cref="TimeWindow.AroundCascade"/>).</param>
    /// <param name="size">Image size (default 1200 × 700).</param>
    /// <param name="title">Title of the upper panel.</param>
    public static byte[] RenderPng(
        StepSeries mid,
        double priceScale,
        ReadOnlySpan<LiquidationRecord> liquidations,
        ReadOnlySpan<LiquidationCloseType> closeTypes,
        ReadOnlySpan<long> shockTimes,
        long originNs,
        TimeWindow zoom,
        ChartSize? size = null,
        string title = "Mid price and liquidations")
    {
        ThrowHelper.ThrowIfLengthsDiffer(liquidations.Length, closeTypes.Length, nameof(closeTypes));
        long end = Math.Max(mid.IsEmpty ? originNs : mid.EndNs, zoom.EndNs);

        Plot whole = ChartCanvas.Create(title, "time since the run's start (s)", "mid price");
        AddMid(whole, mid, originNs, priceScale);
        if (!liquidations.IsEmpty)
        {
            var span = whole.Add.HorizontalSpan(ChartCanvas.Seconds(zoom.StartNs, originNs), ChartCanvas.Seconds(zoom.EndNs, originNs));
            span.FillStyle.Color = Colors.Gold.WithAlpha(0.25);
            span.LineStyle.Width = 0;
            span.LegendText = "zoomed below";
        }

        ChartCanvas.Shocks(whole, shockTimes, originNs, long.MinValue, long.MaxValue);
        AddMarkers(whole, liquidations, closeTypes, originNs, priceScale, null, legend: false);
        whole.ShowLegend(Alignment.UpperRight);

        string zoomTitle = liquidations.IsEmpty
            ? "No liquidations in this run"
            : $"Around the cascade ({Seconds(zoom.StartNs, originNs)} – {Seconds(zoom.EndNs, originNs)} s) · ▼ long closed ▲ short closed · {CloseTypeStyle.Rule}";
        Plot window = ChartCanvas.Create(zoomTitle, "time since the run's start (s)", "mid price");
        window.Axes.Title.Label.FontSize = 13;
        if (liquidations.IsEmpty)
        {
            ChartCanvas.Note(window, "No liquidations in this run");
            AddMid(window, mid, originNs, priceScale);
        }
        else
        {
            StepSeries slice = SeriesDecimation.Slice(mid, zoom);
            AddMid(window, slice, originNs, priceScale);
            ChartCanvas.Shocks(window, shockTimes, originNs, zoom.StartNs, zoom.EndNs);
            AddMarkers(window, liquidations, closeTypes, originNs, priceScale, zoom, legend: true);
            window.Axes.SetLimitsX(ChartCanvas.Seconds(zoom.StartNs, originNs), ChartCanvas.Seconds(Math.Min(end, zoom.EndNs), originNs));
            window.ShowLegend(Alignment.LowerLeft);
        }

        return ChartCanvas.ToPng([whole, window], [1, 1], size);
    }

    /// <summary>Renders and writes the chart to <paramref name="path"/>.</summary>
    public static void SavePng(
        string path,
        StepSeries mid,
        double priceScale,
        ReadOnlySpan<LiquidationRecord> liquidations,
        ReadOnlySpan<LiquidationCloseType> closeTypes,
        ReadOnlySpan<long> shockTimes,
        long originNs,
        TimeWindow zoom,
        ChartSize? size = null,
        string title = "Mid price and liquidations") =>
        ChartCanvas.WriteFile(path, RenderPng(mid, priceScale, liquidations, closeTypes, shockTimes, originNs, zoom, size, title));

    private static string Seconds(long ns, long origin) =>
        ChartCanvas.Seconds(ns, origin).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The mid as a step line carried to the series' end.</summary>
    internal static void AddMid(Plot plot, StepSeries mid, long originNs, double scale)
    {
        (double[] x, double[] y) = SeriesDecimation.MinMax(mid, 2_000, originNs, scale);
        if (x.Length == 0)
        {
            return;
        }

        double endX = ChartCanvas.Seconds(mid.EndNs, originNs);
        if (endX > x[^1])
        {
            x = [.. x, endX];
            y = [.. y, y[^1]];
        }

        var line = plot.Add.ScatterLine(x, y, Colors.Black.WithAlpha(0.8));
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.LegendText = "mid";
    }

    private static void AddMarkers(
        Plot plot,
        ReadOnlySpan<LiquidationRecord> liquidations,
        ReadOnlySpan<LiquidationCloseType> types,
        long origin,
        double scale,
        TimeWindow? window,
        bool legend)
    {
        // One Markers plottable per (close type, side): few plottables however many liquidations.
        var groups = new SortedDictionary<(LiquidationCloseType Type, Side Side), (List<double> X, List<double> Y)>();
        for (int i = 0; i < liquidations.Length; i++)
        {
            LiquidationRecord r = liquidations[i];
            if (r.MidBefore <= 0 || (window is { } w && !w.Contains(r.TimeNs)))
            {
                continue;
            }

            var key = (types[i], r.Side);
            if (!groups.TryGetValue(key, out var g))
            {
                g = ([], []);
                groups[key] = g;
            }

            g.X.Add(ChartCanvas.Seconds(r.TimeNs, origin));
            g.Y.Add(r.MidBefore * scale);
        }

        var labelled = new HashSet<LiquidationCloseType>();
        foreach (((LiquidationCloseType type, Side side), (List<double> xs, List<double> ys)) in groups)
        {
            MarkerShape shape = side == Side.Sell ? MarkerShape.FilledTriangleDown : MarkerShape.FilledTriangleUp;
            var markers = plot.Add.Markers(xs.ToArray(), ys.ToArray(), shape, legend ? 10 : 7, CloseTypeStyle.ColorOf(type).WithAlpha(0.85));
            if (legend && labelled.Add(type))
            {
                markers.LegendText = LiquidationCloseTypeNames.Label(type);
            }
        }
    }
}
