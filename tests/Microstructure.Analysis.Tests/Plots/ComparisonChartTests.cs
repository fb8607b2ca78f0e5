using Microstructure.Analysis.Plots;

namespace Microstructure.Analysis.Tests.Plots;

public sealed class ComparisonChartTests
{
    private static readonly ChartSize Size = new(640, 400);

    [Fact]
    public void Comparison_chart_is_a_non_trivial_png_of_the_requested_size()
    {
        DesignSamples[] designs =
        [
            new("full-close", [10, 12, 15, 9, 11]),
            new("tiered-partial", [5, 6, 4, 7, double.NaN]),
            new("insurance-fund", [8]),
            new("empty", []),
        ];

        byte[] png = ComparisonChart.RenderPng("liquidated notional", designs, Size);

        PngAssert.IsNonTrivialPng(png, 640, 400);
    }
}
