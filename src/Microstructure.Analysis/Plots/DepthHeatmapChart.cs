using Microstructure.Analysis.Series;
using ScottPlot;

namespace Microstructure.Analysis.Plots;

/// <summary>Resting depth by price level over time as a heatmap, optionally with the mid drawn over it.</summary>
internal static class DepthHeatmapChart
{
    /// <summary>Renders the chart as PNG bytes.</summary>
    /// <param name="grid">Depth by level and bucket.</param>
    /// <param name="priceScale">Multiplier from ticks (grid and mid units) to displayed price.</param>
    /// <param name="mid">Optional mid series in the same units as the grid's prices.</param>
    /// <param name="size">Image size.</param>
    /// <param name="title">Chart title.</param>
    public static byte[] RenderPng(
        DepthGrid grid,
        double priceScale,
        StepSeries? mid = null,
        ChartSize? size = null,
        string title = "Order book depth (white line: mid)")
    {
        ArgumentNullException.ThrowIfNull(grid);
        Plot plot = ChartCanvas.Create(title, "time (s)", "price");

        // ScottPlot draws row 0 at the top: flip so that higher prices are higher up.
        var cells = new double[grid.Levels, grid.Buckets];
        for (int l = 0; l < grid.Levels; l++)
        {
            for (int b = 0; b < grid.Buckets; b++)
            {
                cells[grid.Levels - 1 - l, b] = grid[l, b];
            }
        }

        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.NaNCellColor = Colors.White;
        double top = (grid.LowestPrice + (grid.Levels * grid.PriceStep)) * priceScale;
        heatmap.Extent = new CoordinateRect(0, grid.Buckets * grid.BucketNs / 1e9, grid.LowestPrice * priceScale, top);
        plot.Add.ColorBar(heatmap).Label = "depth (lots)";

        if (mid is { } m)
        {
            (double[] x, double[] y) = SeriesDecimation.MinMax(m, 2_000, grid.StartNs, priceScale);
            if (x.Length > 0)
            {
                var line = plot.Add.ScatterLine(x, y, Colors.White);
                line.ConnectStyle = ConnectStyle.StepHorizontal;
                line.LineWidth = 1.5f;
            }
        }

        plot.Axes.SetLimits(heatmap.Extent.Value);
        return ChartCanvas.ToPng(plot, size);
    }

    /// <summary>
    /// Renders a grid whose prices are offsets from the mid (<c>Recording.DepthTracker.BuildRelativeGrid</c>, half
    /// ticks) as PNG bytes: y in ticks from the mid (the mid is the line at 0, so it is never clipped), colour on a log
    /// scale, x in seconds since <paramref name="originNs"/>, dashed lines at the shocks and at the first and last liquidation.
    /// </summary>
    public static byte[] RenderAroundMidPng(
        DepthGrid grid,
        long originNs,
        ReadOnlySpan<long> shockTimes,
        ReadOnlySpan<long> liquidationTimes,
        ChartSize? size = null,
        string title = "Order book depth around the mid",
        string rowsNote = "")
    {
        ArgumentNullException.ThrowIfNull(grid);
        Plot plot = ChartCanvas.Create(title, "time since the run's start (s)", "ticks from the mid (+ asks above, − bids below)");

        // log10 of the lots; an empty level (or no book yet) stays white. Row 0 is drawn at the top: flip.
        var cells = new double[grid.Levels, grid.Buckets];
        double max = 0;
        for (int l = 0; l < grid.Levels; l++)
        {
            for (int b = 0; b < grid.Buckets; b++)
            {
                double lots = grid[l, b];
                double v = lots > 0 ? Math.Log10(lots) : double.NaN;
                cells[grid.Levels - 1 - l, b] = v;
                max = double.IsNaN(v) ? max : Math.Max(max, v);
            }
        }

        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.NaNCellColor = Colors.White;
        heatmap.ManualRange = new ScottPlot.Range(0, Math.Max(1, Math.Ceiling(max)));
        double x0 = ChartCanvas.Seconds(grid.StartNs, originNs);
        double x1 = ChartCanvas.Seconds(grid.StartNs + (grid.Buckets * grid.BucketNs), originNs);
        // Offsets are half ticks: ÷ 2 for ticks.
        double bottom = grid.LowestPrice / 2.0, top = (grid.LowestPrice + (grid.Levels * grid.PriceStep)) / 2.0;
        heatmap.Extent = new CoordinateRect(x0, x1, bottom, top);
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = "depth (lots, log scale)";
        ChartCanvas.LogTicks(bar.Axis);

        // Bids sit below 0 and asks above: the line at 0 is the mid between them.
        var mid = plot.Add.HorizontalLine(0, 1, Colors.Red.WithAlpha(0.7), LinePattern.Dotted);
        mid.LegendText = "mid";
        ChartCanvas.Shocks(plot, shockTimes, originNs, grid.StartNs, grid.StartNs + (grid.Buckets * grid.BucketNs));
        if (!liquidationTimes.IsEmpty)
        {
            long first = long.MaxValue, last = long.MinValue;
            foreach (long t in liquidationTimes)
            {
                first = Math.Min(first, t);
                last = Math.Max(last, t);
            }

            var a = plot.Add.VerticalLine(ChartCanvas.Seconds(first, originNs), 1.5f, Colors.Red, LinePattern.Dashed);
            a.LegendText = first == last ? "liquidations" : "first / last liquidation";
            if (last != first)
            {
                plot.Add.VerticalLine(ChartCanvas.Seconds(last, originNs), 1.5f, Colors.Red, LinePattern.Dashed);
            }
        }
        else
        {
            ChartCanvas.Note(plot, "No liquidations in this run");
        }

        if (rowsNote.Length > 0)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = rowsNote });
        }

        plot.ShowLegend(Alignment.UpperLeft);
        plot.Axes.SetLimits(heatmap.Extent.Value);
        return ChartCanvas.ToPng(plot, size);
    }

    /// <summary>Renders and writes the chart to <paramref name="path"/>.</summary>
    public static void SavePng(
        string path,
        DepthGrid grid,
        double priceScale,
        StepSeries? mid = null,
        ChartSize? size = null,
        string title = "Order book depth (white line: mid)") =>
        ChartCanvas.WriteFile(path, RenderPng(grid, priceScale, mid, size, title));

    /// <summary>Renders the mid-relative chart and writes it to <paramref name="path"/>.</summary>
    public static void SaveAroundMidPng(
        string path,
        DepthGrid grid,
        long originNs,
        ReadOnlySpan<long> shockTimes,
        ReadOnlySpan<long> liquidationTimes,
        ChartSize? size = null,
        string title = "Order book depth around the mid",
        string rowsNote = "") =>
        ChartCanvas.WriteFile(path, RenderAroundMidPng(grid, originNs, shockTimes, liquidationTimes, size, title, rowsNote));
}
