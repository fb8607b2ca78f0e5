using Microstructure.Analysis.Cascades;
using ScottPlot;

namespace Microstructure.Analysis.Plots;

/// <summary>
/// The causal tree laid out along time: x = seconds since the first liquidation, y = generation (wave) in its tree,
/// a grey line from each liquidation to its parent, dot area ∝ liquidated notional (reference sizes in the legend),
/// colour = what closed most of its lots. When every liquidation shares one instant, x is the causal order instead.
/// </summary>
internal static class CascadeTimelineChart
{
    /// <summary>At most this many liquidations are drawn (the first ones in causal order); the title says so.</summary>
    public const int MaxDrawn = 5_000;

    private const float MinDot = 4;
    private const float DotRange = 20;

    /// <summary>Renders the chart as PNG bytes.</summary>
    /// <param name="liquidations">Liquidations in causal order.</param>
    /// <param name="forest">Their causal forest.</param>
    /// <param name="closeTypes">The close type of each liquidation.</param>
    /// <param name="formatNotional">Formats a notional (cash units) for the size legend.</param>
    /// <param name="size">Image size.</param>
    /// <param name="title">Chart title.</param>
    public static byte[] RenderPng(
        ReadOnlySpan<LiquidationRecord> liquidations,
        CascadeForest forest,
        ReadOnlySpan<LiquidationCloseType> closeTypes,
        Func<long, string> formatNotional,
        ChartSize? size = null,
        string title = "Cascade tree")
    {
        ArgumentNullException.ThrowIfNull(forest);
        ArgumentNullException.ThrowIfNull(formatNotional);
        forest.ThrowIfNotBuiltFrom(liquidations.Length, nameof(forest));
        ThrowHelper.ThrowIfLengthsDiffer(liquidations.Length, closeTypes.Length, nameof(closeTypes));

        int drawn = Math.Min(liquidations.Length, MaxDrawn);
        string fullTitle = drawn < liquidations.Length ? $"{title} (first {drawn:N0} of {liquidations.Length:N0})" : title;
        bool oneInstant = drawn > 0 && liquidations[drawn - 1].TimeNs == liquidations[0].TimeNs && AllAt(liquidations[..drawn], liquidations[0].TimeNs);
        string xLabel = oneInstant
            ? $"causal order (all {drawn:N0} liquidations at one instant, {ChartCanvas.Seconds(liquidations[0].TimeNs, 0):0.###} s)"
            : "time since the first liquidation (s)";
        Plot plot = ChartCanvas.Create(fullTitle, xLabel, "generation in the causal tree (wave)");
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        if (drawn == 0)
        {
            ChartCanvas.Note(plot, "No liquidations in this run");
            plot.Axes.SetLimits(0, 1, 0, 2);
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

        var x = new double[drawn];
        for (int i = 0; i < drawn; i++)
        {
            x[i] = oneInstant ? i + 1 : ChartCanvas.Seconds(liquidations[i].TimeNs, origin);
        }

        Color link = Colors.Gray.WithAlpha(drawn > 100 ? 0.25 : 0.5);
        for (int i = 0; i < drawn; i++)
        {
            LiquidationRecord r = liquidations[i];
            if (r.HasParent && indexOfId.TryGetValue(r.ParentId, out int p))
            {
                var line = plot.Add.Line(x[p], forest.WaveOf[p], x[i], forest.WaveOf[i]);
                line.LineColor = link;
                line.LineWidth = 1;
            }
        }

        for (int i = 0; i < drawn; i++)
        {
            LiquidationRecord r = liquidations[i];
            Color color = CloseTypeStyle.ColorOf(closeTypes[i]).WithAlpha(0.7);
            plot.Add.Marker(x[i], forest.WaveOf[i], MarkerShape.FilledCircle, DotSize(r.Notional, maxNotional), color);
        }

        Legend(plot, closeTypes[..drawn], maxNotional, formatNotional);
        plot.Axes.Margins(0.05, 0.15);
        return ChartCanvas.ToPng(plot, size);
    }

    /// <summary>Renders and writes the chart to <paramref name="path"/>.</summary>
    public static void SavePng(
        string path,
        ReadOnlySpan<LiquidationRecord> liquidations,
        CascadeForest forest,
        ReadOnlySpan<LiquidationCloseType> closeTypes,
        Func<long, string> formatNotional,
        ChartSize? size = null,
        string title = "Cascade tree") =>
        ChartCanvas.WriteFile(path, RenderPng(liquidations, forest, closeTypes, formatNotional, size, title));

    /// <summary>Dot diameter in pixels: area ∝ notional, 4 px (tiny) to 24 px (the largest).</summary>
    internal static float DotSize(long notional, long maxNotional) =>
        (float)(MinDot + (DotRange * Math.Sqrt((double)Math.Max(0, notional) / Math.Max(1, maxNotional))));

    private static bool AllAt(ReadOnlySpan<LiquidationRecord> liquidations, long timeNs)
    {
        foreach (LiquidationRecord r in liquidations)
        {
            if (r.TimeNs != timeNs)
            {
                return false;
            }
        }

        return true;
    }

    private static void Legend(Plot plot, ReadOnlySpan<LiquidationCloseType> types, long maxNotional, Func<long, string> format)
    {
        var present = new SortedSet<LiquidationCloseType>();
        foreach (LiquidationCloseType t in types)
        {
            present.Add(t);
        }

        foreach (LiquidationCloseType t in present)
        {
            ChartCanvas.LegendMarker(plot, LiquidationCloseTypeNames.Label(t), MarkerShape.FilledCircle, 10, CloseTypeStyle.ColorOf(t));
        }

        // Dot size scale: area ∝ liquidated notional; three reference dots.
        foreach (long reference in (ReadOnlySpan<long>)[maxNotional, maxNotional / 4, maxNotional / 16])
        {
            if (reference > 0)
            {
                ChartCanvas.LegendMarker(plot, $"dot area ∝ notional: {format(reference)}", MarkerShape.OpenCircle, DotSize(reference, maxNotional), Colors.Black);
            }
        }

        plot.ShowLegend(Alignment.LowerRight);
    }
}
