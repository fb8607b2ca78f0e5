using Microstructure.Analysis.Cascades;
using ScottPlot;

namespace Microstructure.Analysis.Plots;

/// <summary>Liquidations per second over the cascade window, each bar stacked by close type (book, fund, ADL …).</summary>
internal static class LiquidationRateChart
{
    /// <summary>More one-second bins than this and the bins widen (to whole seconds) so that bars stay visible.</summary>
    public const int MaxBins = 600;

    /// <summary>Bin width (ns): one second, or the whole number of seconds that keeps <paramref name="window"/> within <see cref="MaxBins"/> bins.</summary>
    public static long BinWidthNs(TimeWindow window)
    {
        const long Second = 1_000_000_000;
        long seconds = (window.LengthNs + Second - 1) / Second;
        return Second * Math.Max(1, (seconds + MaxBins - 1) / MaxBins);
    }

    /// <summary>Start of bin 0: the window's start rounded down to a whole number of bins after <paramref name="originNs"/>.</summary>
    public static long FirstBinStart(TimeWindow window, long originNs, long binNs) =>
        originNs + (long)Math.Floor((window.StartNs - originNs) / (double)binNs) * binNs;

    /// <summary>
    /// Counts per bin and close type: bin b covers [<see cref="FirstBinStart"/> + b·width, + width), bins aligned on
    /// whole widths since <paramref name="originNs"/>, the last one reaching the window's end; liquidations outside the
    /// window are left out.
    /// </summary>
    public static int[,] Bin(ReadOnlySpan<long> times, ReadOnlySpan<LiquidationCloseType> types, TimeWindow window, long originNs, long binNs)
    {
        ThrowHelper.ThrowIfLengthsDiffer(times.Length, types.Length, nameof(types));
        if (binNs <= 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(binNs), "The bin width must be positive.");
        }

        long first = FirstBinStart(window, originNs, binNs);
        int bins = (int)((window.EndNs - first) / binNs) + 1;
        var counts = new int[bins, LiquidationCloseTypeNames.Count];
        for (int i = 0; i < times.Length; i++)
        {
            if (window.Contains(times[i]))
            {
                int b = (int)((times[i] - first) / binNs);
                counts[b, (int)types[i]]++;
            }
        }

        return counts;
    }

    /// <summary>Renders the chart as PNG bytes (x: seconds since <paramref name="originNs"/>).</summary>
    public static byte[] RenderPng(
        ReadOnlySpan<long> times,
        ReadOnlySpan<LiquidationCloseType> types,
        ReadOnlySpan<long> shockTimes,
        long originNs,
        TimeWindow window,
        ChartSize? size = null,
        string title = "Liquidations per second")
    {
        long binNs = BinWidthNs(window);
        int[,] counts = Bin(times, types, window, originNs, binNs);
        long firstBin = FirstBinStart(window, originNs, binNs);
        double width = binNs / 1e9;
        string per = binNs == 1_000_000_000 ? "second" : $"{width:0} s";
        Plot plot = ChartCanvas.Create(title, "time since the run's start (s)", $"liquidations per {per}");
        ChartCanvas.Shocks(plot, shockTimes, originNs, window.StartNs, window.EndNs);

        var bars = new List<Bar>();
        var present = new SortedSet<LiquidationCloseType>();
        for (int b = 0; b < counts.GetLength(0); b++)
        {
            double left = ChartCanvas.Seconds(firstBin + (b * binNs), originNs);
            int stacked = 0;
            for (int t = 0; t < LiquidationCloseTypeNames.Count; t++)
            {
                int n = counts[b, t];
                if (n == 0)
                {
                    continue;
                }

                present.Add((LiquidationCloseType)t);
                bars.Add(new Bar
                {
                    Position = left + (width / 2),
                    ValueBase = stacked,
                    Value = stacked + n,
                    Size = width * 0.9,
                    FillColor = CloseTypeStyle.ColorOf((LiquidationCloseType)t),
                    LineWidth = 0,
                });
                stacked += n;
            }
        }

        if (bars.Count > 0)
        {
            plot.Add.Bars(bars.ToArray());
        }

        foreach (LiquidationCloseType t in present)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = LiquidationCloseTypeNames.Label(t), FillColor = CloseTypeStyle.ColorOf(t) });
        }

        if (times.IsEmpty)
        {
            ChartCanvas.Note(plot, "No liquidations in this run");
        }
        else
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = CloseTypeStyle.Rule });
        }

        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.Axes.SetLimitsX(ChartCanvas.Seconds(window.StartNs, originNs), ChartCanvas.Seconds(window.EndNs, originNs));
        plot.Axes.SetLimitsY(0, Math.Max(1, MaxStack(counts)) * 1.15);
        return ChartCanvas.ToPng(plot, size);
    }

    /// <summary>Renders and writes the chart to <paramref name="path"/>.</summary>
    public static void SavePng(
        string path,
        ReadOnlySpan<long> times,
        ReadOnlySpan<LiquidationCloseType> types,
        ReadOnlySpan<long> shockTimes,
        long originNs,
        TimeWindow window,
        ChartSize? size = null,
        string title = "Liquidations per second") =>
        ChartCanvas.WriteFile(path, RenderPng(times, types, shockTimes, originNs, window, size, title));

    private static int MaxStack(int[,] counts)
    {
        int max = 0;
        for (int b = 0; b < counts.GetLength(0); b++)
        {
            int sum = 0;
            for (int t = 0; t < counts.GetLength(1); t++)
            {
                sum += counts[b, t];
            }

            max = Math.Max(max, sum);
        }

        return max;
    }
}
