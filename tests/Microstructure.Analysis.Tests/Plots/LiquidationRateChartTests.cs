using Microstructure.Analysis.Cascades;
using Microstructure.Analysis.Plots;

namespace Microstructure.Analysis.Tests.Plots;

public sealed class LiquidationRateChartTests
{
    private const long S = ChartData.Second;
    private static readonly ChartSize Size = new(640, 400);

    [Fact]
    public void Bins_are_whole_seconds_since_the_run_start_and_count_each_close_type()
    {
        // The default scenario's shape: a window 236.255 … 246.255 s around an instant at 241.255 s.
        var window = new TimeWindow(236_255_000_000, 246_255_000_000);
        long t = 241_255_000_000;
        long[] times = [t, t, t, t];
        LiquidationCloseType[] types = [LiquidationCloseType.Book, LiquidationCloseType.Adl, LiquidationCloseType.Adl, LiquidationCloseType.Fund];

        long bin = LiquidationRateChart.BinWidthNs(window);
        int[,] counts = LiquidationRateChart.Bin(times, types, window, 0, bin);

        Assert.Equal(S, bin);
        Assert.Equal(236 * S, LiquidationRateChart.FirstBinStart(window, 0, bin));
        Assert.Equal(11, counts.GetLength(0)); // 236 … 246 s
        Assert.Equal((1, 1, 2, 0), (counts[5, 0], counts[5, 1], counts[5, 2], counts[5, 3]));
    }

    [Fact]
    public void The_stacks_add_up_to_every_liquidation_inside_the_window_and_leave_the_others_out()
    {
        var rng = new Random(7);
        var window = new TimeWindow(100 * S, 400 * S);
        long[] times = [.. Enumerable.Range(0, 2_000).Select(_ => rng.NextInt64(0, 500 * S))];
        LiquidationCloseType[] types = [.. times.Select(_ => (LiquidationCloseType)rng.Next(LiquidationCloseTypeNames.Count))];

        int[,] counts = LiquidationRateChart.Bin(times, types, window, 0, S);

        for (int type = 0; type < LiquidationCloseTypeNames.Count; type++)
        {
            int expected = times.Where((time, i) => window.Contains(time) && (int)types[i] == type).Count();
            int binned = Enumerable.Range(0, counts.GetLength(0)).Sum(b => counts[b, type]);
            Assert.Equal(expected, binned);
        }

        Assert.True(times.Count(window.Contains) < times.Length); // some were outside
    }

    [Fact]
    public void Long_windows_widen_the_bins_to_whole_seconds()
    {
        Assert.Equal(S, LiquidationRateChart.BinWidthNs(new TimeWindow(0, 600 * S)));
        Assert.Equal(2 * S, LiquidationRateChart.BinWidthNs(new TimeWindow(0, 601 * S)));
        Assert.Equal(12 * S, LiquidationRateChart.BinWidthNs(new TimeWindow(0, 7_200 * S)));
    }

    [Fact]
    public void The_chart_renders_with_and_without_liquidations()
    {
        var window = new TimeWindow(0, 60 * S);
        byte[] some = LiquidationRateChart.RenderPng([10 * S, 10 * S, 20 * S], [LiquidationCloseType.Book, LiquidationCloseType.Adl, LiquidationCloseType.Fund], [9 * S], 0, window, Size);
        byte[] none = LiquidationRateChart.RenderPng([], [], [], 0, window, Size);

        PngAssert.IsNonTrivialPng(some, 640, 400);
        PngAssert.HasTextInTheMiddle(none);
    }
}
