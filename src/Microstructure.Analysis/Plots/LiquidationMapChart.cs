using ScottPlot;

namespace Microstructure.Analysis.Plots;

/// <summary>
/// The liquidation heatmap: price (y, absolute) against time (x), colour the notional whose liquidation price lies
/// there (long and short together, log scale), the mark drawn over it — the picture of public liquidation maps.
/// Clusters of thresholds show as bright bands; a cascade shows as the mark walking into a band and the band going dark.
/// </summary>
internal static class LiquidationMapChart
{
    /// <summary>Price rows of the grid.</summary>
    public const int Rows = 240;

    /// <summary>At most this many time columns (consecutive snapshots merged by their maximum beyond it).</summary>
    public const int MaxColumns = 1_200;

    /// <summary>Renders the chart as PNG bytes; null when the series is empty.</summary>
    /// <param name="map">The snapshots' maps.</param>
    /// <param name="tickSize">Price of one tick (quote currency).</param>
    /// <param name="cashScale">Cash units per quote unit.</param>
    /// <param name="quote">Quote currency for the colour bar.</param>
    /// <param name="originNs">Time 0 of the x axis.</param>
    /// <param name="shockTimes">Shock times, drawn dashed.</param>
    /// <param name="size">Image size.</param>
    /// <param name="title">Chart title.</param>
    public static byte[]? RenderPng(LiquidationMapSeries map, double tickSize, long cashScale, string quote, long originNs, ReadOnlySpan<long> shockTimes, ChartSize? size, string title)
    {
        ArgumentNullException.ThrowIfNull(map);
        int n = map.Count;
        if (n == 0)
        {
            return null;
        }

        int buckets = 2 * map.BucketsPerSide;
        long lowest = long.MaxValue, highest = long.MinValue;
        for (int i = 0; i < n; i++)
        {
            lowest = Math.Min(lowest, map.BucketLow(i, 0));
            highest = Math.Max(highest, map.BucketLow(i, buckets));
        }

        double step = Math.Max(1.0, (highest - lowest) / (double)Rows);
        int columns = Math.Min(n, MaxColumns);
        var cells = new double[Rows, columns];
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                cells[r, c] = double.NaN;
            }
        }

        // Each cell shows the bucket its price falls in (colour = notional per bucket), so the bands stay whole
        // whatever the ratio of bucket width to row height; where snapshots are merged into one column, the largest.
        double max = double.NegativeInfinity;
        for (int i = 0; i < n; i++)
        {
            int column = (int)((long)i * columns / n);
            long[] values = map.Buckets[i];
            long bottom = map.BucketLow(i, 0), ceiling = map.BucketLow(i, buckets);
            int bucket = 0;
            for (int r = 0; r < Rows; r++)
            {
                double price = lowest + ((r + 0.5) * step);
                if (price < bottom || price >= ceiling)
                {
                    continue;
                }

                while (bucket < buckets - 1 && map.BucketLow(i, bucket + 1) <= price)
                {
                    bucket++;
                }

                if (values[bucket] == 0)
                {
                    continue;
                }

                double v = Math.Log10(Math.Max((double)values[bucket] / cashScale, 1));
                ref double cell = ref cells[Rows - 1 - r, column]; // row 0 is drawn at the top
                cell = double.IsNaN(cell) ? v : Math.Max(cell, v);
                max = Math.Max(max, v);
            }
        }

        Plot plot = ChartCanvas.Create(title, "time since the run's start (s)", "price");
        double x0 = ChartCanvas.Seconds(map.Times[0], originNs);
        double last = ChartCanvas.Seconds(map.Times[n - 1], originNs);
        double x1 = last + (n > 1 ? (last - x0) / (n - 1) : 1);
        var extent = new CoordinateRect(x0, x1, lowest * tickSize, (lowest + (Rows * step)) * tickSize);
        if (double.IsNegativeInfinity(max))
        {
            ChartCanvas.Note(plot, "No liquidation price within the map's range of the mark in any snapshot");
        }
        else
        {
            var heatmap = plot.Add.Heatmap(cells);
            heatmap.Colormap = new ScottPlot.Colormaps.Turbo();
            heatmap.NaNCellColor = Colors.White;
            heatmap.ManualRange = new ScottPlot.Range(Math.Max(0, Math.Floor(max) - 4), Math.Max(1, Math.Ceiling(max)));
            heatmap.Extent = extent;
            var bar = plot.Add.ColorBar(heatmap);
            bar.Label = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"notional liquidated per {map.BucketWidth / 1e6:0.##}% bucket ({quote}, log scale)");
            ChartCanvas.LogTicks(bar.Axis);
        }

        var xs = new double[n];
        var ys = new double[n];
        for (int i = 0; i < n; i++)
        {
            xs[i] = ChartCanvas.Seconds(map.Times[i], originNs);
            ys[i] = map.Marks[i] * tickSize;
        }

        var mark = plot.Add.ScatterLine(xs, ys, Colors.Black);
        mark.ConnectStyle = ConnectStyle.StepHorizontal;
        mark.LineWidth = 2f;
        mark.LegendText = "mark";
        ChartCanvas.Shocks(plot, shockTimes, originNs, map.Times[0], map.Times[n - 1]);
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.SetLimits(extent);
        return ChartCanvas.ToPng(plot, size);
    }

    /// <summary>Renders and writes the chart; false (nothing written) when the series is empty.</summary>
    public static bool SavePng(string path, LiquidationMapSeries map, double tickSize, long cashScale, string quote, long originNs, ReadOnlySpan<long> shockTimes, ChartSize? size, string title)
    {
        byte[]? png = RenderPng(map, tickSize, cashScale, quote, originNs, shockTimes, size, title);
        if (png is null)
        {
            return false;
        }

        ChartCanvas.WriteFile(path, png);
        return true;
    }
}
