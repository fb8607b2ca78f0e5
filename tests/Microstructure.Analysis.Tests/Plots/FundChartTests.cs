using Microstructure.Analysis.Plots;
using Microstructure.Analysis.Series;

namespace Microstructure.Analysis.Tests.Plots;

public sealed class FundChartTests
{
    private const long S = ChartData.Second;
    private static readonly ChartSize Size = new(640, 400);

    [Fact]
    public void A_position_held_for_minutes_renders_deterministically()
    {
        // Takes over 50 lots at 100 s, holds them for five minutes while the mark falls, sells at 400 s.
        var equity = new StepSeries(new long[] { 0, 100 * S, 200 * S, 300 * S, 400 * S }, new long[] { 1_000, 1_000, 900, 800, 820 }, 600 * S);
        var position = new StepSeries(new long[] { 0, 100 * S, 400 * S }, new long[] { 0, 50, 0 }, 600 * S);

        byte[] a = FundChart.RenderPng(equity, position, 1, "USD", [90 * S], 0, 600 * S, new TimeWindow(95 * S, 110 * S), Size);
        byte[] b = FundChart.RenderPng(equity, position, 1, "USD", [90 * S], 0, 600 * S, new TimeWindow(95 * S, 110 * S), Size);

        PngAssert.IsNonTrivialPng(a, 640, 400);
        Assert.Equal(a, b);
        Assert.Equal(300 * S, FundChart.HeldNs(position));
    }

    [Fact]
    public void Without_liquidations_or_without_a_fund_account_the_chart_says_so()
    {
        var flat = new StepSeries(new long[] { 0 }, new long[] { 1_000 }, 60 * S);
        var none = new StepSeries(new long[] { 0 }, new long[] { 0 }, 60 * S);

        // The note sits in the middle of the upper panel (three fifths of the height).
        PngAssert.HasTextInTheMiddle(FundChart.RenderPng(flat, none, 1, "USD", [], 0, 60 * S, null, Size), 0.2, 0.4);
        PngAssert.HasTextInTheMiddle(FundChart.RenderPng(new StepSeries(), new StepSeries(), 1, "USD", [], 0, 60 * S, null, Size), 0.2, 0.4);
    }
}
