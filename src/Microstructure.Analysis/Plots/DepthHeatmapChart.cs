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

    /// <summary>Renders and writes the chart to <paramref name="path"/>.</summary>
    public static void SavePng(
        string path,
        DepthGrid grid,
        double priceScale,
        StepSeries? mid = null,
        ChartSize? size = null,
        string title = "Order book depth (white line: mid)") =>
        ChartCanvas.WriteFile(path, RenderPng(grid, priceScale, mid, size, title));
}
