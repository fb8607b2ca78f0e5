using Microstructure.Analysis.Cascades;
using Microstructure.Analysis.Plots;

namespace Microstructure.Analysis.Tests.Plots;

public sealed class CascadeTimelineChartTests
{
    private static readonly ChartSize Size = new(640, 400);

    [Fact]
    public void Cascade_timeline_is_a_non_trivial_png_of_the_requested_size()
    {
        LiquidationRecord[] liq = ChartData.Liquidations();

        byte[] png = CascadeTimelineChart.RenderPng(liq, CascadeForest.Build(liq), Size);

        PngAssert.IsNonTrivialPng(png, 640, 400);
    }
}
