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
}
