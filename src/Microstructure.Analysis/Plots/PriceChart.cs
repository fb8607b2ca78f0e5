using Microstructure.Analysis.Cascades;
using Microstructure.Analysis.Series;
using Microstructure.Engine;
using ScottPlot;

namespace Microstructure.Analysis.Plots;

/// <summary>The mid price over time with every liquidation marked where it hit, coloured by wave.</summary>
internal static class PriceChart
{
    /// <summary>Waves from this one on share the last colour and legend entry.</summary>
    public const int DistinctWaves = 10;

    /// <summary>Renders the chart as PNG bytes.</summary>
    /// <param name="mid">Mid series (integer mid units).</param>
    /// <param name="priceScale">Multiplier from mid units to displayed price (e.g. tick size, or tick size / 2 for half-ticks).</param>
    /// <param name="liquidations">Liquidations in causal order; drawn at (time, MidBefore).</param>
    /// <param name="forest">Their causal forest (for the waves).</param>
    /// <param name="size">Image size (default 1200 × 700).</param>
    /// <param name="title">Chart title.</param>
    public static byte[] RenderPng(
        StepSeries mid,
        double priceScale,
        ReadOnlySpan<LiquidationRecord> liquidations,
        CascadeForest forest,
        ChartSize? size = null,
        string title = "Mid price and liquidations")
    {
        ArgumentNullException.ThrowIfNull(forest);
        forest.ThrowIfNotBuiltFrom(liquidations.Length, nameof(forest));

        long origin = Origin(mid, liquidations);
        Plot plot = ChartCanvas.Create(title, "time (s)", "mid price");
        (double[] x, double[] y) = SeriesDecimation.MinMax(mid, 2_000, origin, priceScale);
        if (x.Length > 0)
        {
            var line = plot.Add.ScatterLine(x, y, Colors.Black.WithAlpha(0.8));
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LegendText = "mid";
        }

        AddMarkers(plot, liquidations, forest, origin, priceScale);
        plot.ShowLegend(Alignment.UpperRight);
        return ChartCanvas.ToPng(plot, size);
    }

    /// <summary>Renders and writes the chart to <paramref name="path"/>.</summary>
    public static void SavePng(
        string path,
        StepSeries mid,
        double priceScale,
        ReadOnlySpan<LiquidationRecord> liquidations,
        CascadeForest forest,
        ChartSize? size = null,
        string title = "Mid price and liquidations") =>
        ChartCanvas.WriteFile(path, RenderPng(mid, priceScale, liquidations, forest, size, title));

    private static long Origin(StepSeries mid, ReadOnlySpan<LiquidationRecord> liquidations)
    {
        long origin = mid.IsEmpty ? long.MaxValue : mid.Times[0];
        foreach (LiquidationRecord r in liquidations)
        {
            origin = Math.Min(origin, r.TimeNs);
        }

        return origin == long.MaxValue ? 0 : origin;
    }

    private static void AddMarkers(Plot plot, ReadOnlySpan<LiquidationRecord> liquidations, CascadeForest forest, long origin, double scale)
    {
        // One Markers plottable per (wave bucket, side): few plottables however many liquidations.
        var groups = new SortedDictionary<(int Wave, Side Side), (List<double> X, List<double> Y)>();
        for (int i = 0; i < liquidations.Length; i++)
        {
            LiquidationRecord r = liquidations[i];
            if (r.MidBefore <= 0)
            {
                continue;
            }

            var key = (Math.Min(forest.WaveOf[i], DistinctWaves), r.Side);
            if (!groups.TryGetValue(key, out var g))
            {
                g = ([], []);
                groups[key] = g;
            }

            g.X.Add(ChartCanvas.Seconds(r.TimeNs, origin));
            g.Y.Add(r.MidBefore * scale);
        }

        var labelled = new HashSet<int>();
        foreach (((int wave, Side side), (List<double> xs, List<double> ys)) in groups)
        {
            MarkerShape shape = side == Side.Sell ? MarkerShape.FilledTriangleDown : MarkerShape.FilledTriangleUp;
            var markers = plot.Add.Markers(xs.ToArray(), ys.ToArray(), shape, 9, ChartCanvas.Palette.GetColor(wave - 1));
            if (labelled.Add(wave))
            {
                markers.LegendText = wave == DistinctWaves ? $"wave ≥ {DistinctWaves}" : $"wave {wave}";
            }
        }
    }
}
