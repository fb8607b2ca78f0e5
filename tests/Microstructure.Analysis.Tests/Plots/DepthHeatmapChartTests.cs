using Microstructure.Analysis.Plots;
using Microstructure.Engine;
using Microstructure.Engine.Matching;

namespace Microstructure.Analysis.Tests.Plots;

public sealed class DepthHeatmapChartTests
{
    private static readonly ChartSize Size = new(640, 400);

    [Fact]
    public void Depth_heatmap_is_a_non_trivial_png_of_the_requested_size()
    {
        var builder = new DepthGridBuilder(0, ChartData.Second, 100, 999_000, 10, 100);
        for (int s = 0; s < 100; s++)
        {
            long mid = 999_500 + (s * 3);
            L2Level[] bids = [.. Enumerable.Range(0, 10).Select(k => new L2Level(new Price(mid - 5 - (k * 10)), new Quantity(100 + (k * 40)), 1))];
            L2Level[] asks = [.. Enumerable.Range(0, 10).Select(k => new L2Level(new Price(mid + 5 + (k * 10)), new Quantity(100 + (k * 40)), 1))];
            builder.Add(s * ChartData.Second, bids, asks);
        }

        byte[] png = DepthHeatmapChart.RenderPng(builder.Build(), 0.1, ChartData.Mid(), Size);

        PngAssert.IsNonTrivialPng(png, 640, 400);
    }

    [Fact]
    public void The_mid_relative_heatmap_renders_with_and_without_liquidations()
    {
        var d = new Microstructure.Analysis.Recording.DepthTracker(0, 100 * ChartData.Second, 100, 0.01);
        for (int s = 0; s < 100; s++)
        {
            long bid = 10_000 + (s % 7);
            for (int k = 0; k < 10; k++)
            {
                d.OnLevel(Level(s + 1, Side.Buy, bid - k, 10 + (k * 30)), s * ChartData.Second, (2 * bid) + 1);
                d.OnLevel(Level(s + 1, Side.Sell, bid + 1 + k, 10 + (k * 30)), s * ChartData.Second, (2 * bid) + 1);
            }

            d.Finish();
        }

        DepthGrid grid = d.BuildRelativeGrid(20 * ChartData.Second, 80 * ChartData.Second, 1_000)!;
        byte[] some = DepthHeatmapChart.RenderAroundMidPng(grid, 0, [40 * ChartData.Second], [50 * ChartData.Second, 55 * ChartData.Second], Size);
        byte[] none = DepthHeatmapChart.RenderAroundMidPng(grid, 0, [], [], Size);

        PngAssert.IsNonTrivialPng(some, 640, 400);
        PngAssert.IsNonTrivialPng(none, 640, 400);
        PngAssert.HasTextInTheMiddle(none);
    }

    private static Microstructure.Risk.ExchangeEvent Level(long seq, Side side, long price, long lots) => new()
    {
        Type = Microstructure.Risk.ExchangeEventType.L2Level,
        Engine = { CommandSequence = seq, Side = side, Price = new Price(price), Quantity = new Quantity(lots), OrderCount = 1 },
    };
}
