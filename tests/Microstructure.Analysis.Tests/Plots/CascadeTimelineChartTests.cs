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
        LiquidationCloseType[] types = [.. liq.Select((_, i) => (LiquidationCloseType)(i % 3))];

        byte[] png = CascadeTimelineChart.RenderPng(liq, CascadeForest.Build(liq), types, c => c.ToString(System.Globalization.CultureInfo.InvariantCulture), Size);

        PngAssert.IsNonTrivialPng(png, 640, 400);
    }

    [Fact]
    public void A_cascade_at_one_instant_is_spread_by_causal_order()
    {
        LiquidationRecord[] liq = [.. ChartData.Liquidations().Select(r => r with { TimeNs = 7 * ChartData.Second })];
        LiquidationCloseType[] types = [.. liq.Select(_ => LiquidationCloseType.Adl)];

        byte[] png = CascadeTimelineChart.RenderPng(liq, CascadeForest.Build(liq), types, c => "x", Size);

        PngAssert.IsNonTrivialPng(png, 640, 400);
    }

    [Fact]
    public void Without_liquidations_the_chart_says_so()
    {
        byte[] png = CascadeTimelineChart.RenderPng([], CascadeForest.Build([]), [], c => "x", Size);

        PngAssert.HasTextInTheMiddle(png);
    }

    [Fact]
    public void Dot_area_grows_with_the_notional()
    {
        Assert.Equal(24f, CascadeTimelineChart.DotSize(100, 100));
        Assert.Equal(4f, CascadeTimelineChart.DotSize(0, 100));
        // A quarter of the notional, a quarter of the extra area: half the extra diameter.
        Assert.Equal(14f, CascadeTimelineChart.DotSize(25, 100));
    }
}
