using Microstructure.Analysis.Cascades;
using Microstructure.Analysis.Plots;

namespace Microstructure.Analysis.Tests.Plots;

public sealed class PriceChartTests
{
    private static readonly ChartSize Size = new(640, 400);

    [Fact]
    public void Price_chart_is_a_non_trivial_png_of_the_requested_size()
    {
        byte[] png = Render(ChartData.Liquidations());

        PngAssert.IsNonTrivialPng(png, 640, 400);
    }

    [Fact]
    public void Rendering_the_same_input_twice_gives_identical_bytes()
    {
        LiquidationRecord[] liq = ChartData.Liquidations();

        Assert.Equal(Render(liq), Render(liq));
    }

    [Fact]
    public void Without_liquidations_the_chart_still_renders_and_says_so()
    {
        byte[] png = PriceChart.RenderPng(ChartData.Mid(), 0.1, [], [], [], 0, new TimeWindow(0, 100 * ChartData.Second), Size);

        PngAssert.IsNonTrivialPng(png, 640, 400);
        // The lower panel's title and note; the same chart with liquidations has neither.
        Assert.NotEqual(Render(ChartData.Liquidations()), png);
    }

    [Fact]
    public void Close_types_must_match_the_liquidations()
    {
        LiquidationRecord[] liq = ChartData.Liquidations();

        Assert.Throws<ArgumentException>(() => PriceChart.RenderPng(ChartData.Mid(), 1, liq, [LiquidationCloseType.Book], [], 0, new TimeWindow(0, 1), Size));
    }

    private static byte[] Render(LiquidationRecord[] liq)
    {
        LiquidationCloseType[] types = [.. liq.Select((_, i) => (LiquidationCloseType)(i % 3))];
        TimeWindow window = TimeWindow.AroundCascade([.. liq.Select(r => r.TimeNs)], 0, 100 * ChartData.Second, 5 * ChartData.Second);
        return PriceChart.RenderPng(ChartData.Mid(), 0.1, liq, types, [49 * ChartData.Second], 0, window, Size);
    }
}
