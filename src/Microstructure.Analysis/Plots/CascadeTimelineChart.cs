using Microstructure.Analysis.Cascades;
using ScottPlot;

namespace Microstructure.Analysis.Plots;

/// <summary>
/// Liquidations over time by wave: marker area grows with notional, colour by cascade (tree), a grey line joins
/// each liquidation to its parent — the causal tree laid out along time.
/// </summary>
internal static class CascadeTimelineChart
{
    /// <summary>At most this many liquidations are drawn (the first ones in causal order); the title says so.</summary>
    public const int MaxDrawn = 5_000;

    /// <summary>Renders the chart as PNG bytes.</summary>
    public static byte[] RenderPng(
        ReadOnlySpan<LiquidationRecord> liquidations,
        CascadeForest forest,
        ChartSize? size = null,
        string title = "Cascade timeline")
    {
        ArgumentNullException.ThrowIfNull(forest);
        forest.ThrowIfNotBuiltFrom(liquidations.Length, nameof(forest));

        int drawn = Math.Min(liquidations.Length, MaxDrawn);
        string fullTitle = drawn < liquidations.Length ? $"{title} (first {drawn:N0} of {liquidations.Length:N0})" : title;
        Plot plot = ChartCanvas.Create(fullTitle, "time since the first liquidation (s)", "wave");
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        if (drawn == 0)
        {
            return ChartCanvas.ToPng(plot, size);
        }

        long origin = liquidations[0].TimeNs;
        long maxNotional = 1;
        for (int i = 0; i < drawn; i++)
        {
            maxNotional = Math.Max(maxNotional, liquidations[i].Notional);
        }

        var indexOfId = new Dictionary<long, int>(drawn);
        for (int i = 0; i < drawn; i++)
        {
            indexOfId[liquidations[i].Id] = i;
        }

        Color link = Colors.Gray.WithAlpha(0.6);
        for (int i = 0; i < drawn; i++)
        {
            LiquidationRecord r = liquidations[i];
            if (r.HasParent && indexOfId.TryGetValue(r.ParentId, out int p))
            {
                var line = plot.Add.Line(
                    ChartCanvas.Seconds(liquidations[p].TimeNs, origin), forest.WaveOf[p],
                    ChartCanvas.Seconds(r.TimeNs, origin), forest.WaveOf[i]);
                line.LineColor = link;
                line.LineWidth = 1;
            }
        }

        for (int i = 0; i < drawn; i++)
        {
            LiquidationRecord r = liquidations[i];
            // Area ∝ notional: size ∝ √notional, from 4 px (tiny) to 24 px (the largest).
            float markerSize = (float)(4 + (20 * Math.Sqrt((double)Math.Max(0, r.Notional) / maxNotional)));
            Color color = ChartCanvas.Palette.GetColor(forest.TreeOf[i]).WithAlpha(0.75);
            plot.Add.Marker(ChartCanvas.Seconds(r.TimeNs, origin), forest.WaveOf[i], MarkerShape.FilledCircle, markerSize, color);
        }

        plot.Axes.Margins(0.05, 0.15);
        return ChartCanvas.ToPng(plot, size);
    }

    /// <summary>Renders and writes the chart to <paramref name="path"/>.</summary>
    public static void SavePng(
        string path,
        ReadOnlySpan<LiquidationRecord> liquidations,
        CascadeForest forest,
        ChartSize? size = null,
        string title = "Cascade timeline") =>
        ChartCanvas.WriteFile(path, RenderPng(liquidations, forest, size, title));
}
