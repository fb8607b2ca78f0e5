using Microstructure.Analysis.Cascades;
using Microstructure.Analysis.Plots;

namespace Microstructure.Analysis.Tests.Plots;

public sealed class PriceChartTests
{
    private static readonly ChartSize Size = new(640, 400);

    [Fact]
    public void Price_chart_is_a_non_trivial_png_of_the_requested_size()
    {
        LiquidationRecord[] liq = ChartData.Liquidations();

        byte[] png = PriceChart.RenderPng(ChartData.Mid(), 0.1, liq, CascadeForest.Build(liq), Size);

        PngAssert.IsNonTrivialPng(png, 640, 400);
    }

    [Fact]
    public void Rendering_the_same_input_twice_gives_identical_bytes()
    {
        LiquidationRecord[] liq = ChartData.Liquidations();
        var forest = CascadeForest.Build(liq);

        byte[] a = PriceChart.RenderPng(ChartData.Mid(), 0.1, liq, forest, Size);
        byte[] b = PriceChart.RenderPng(ChartData.Mid(), 0.1, liq, forest, Size);

        Assert.Equal(a, b);
    }

    [Fact]
    public void A_forest_of_other_records_is_rejected()
    {
        LiquidationRecord[] liq = ChartData.Liquidations();

        Assert.Throws<ArgumentException>(() => PriceChart.RenderPng(ChartData.Mid(), 1, liq, CascadeForest.Build(liq.AsSpan(0, 2)), Size));
    }
}
