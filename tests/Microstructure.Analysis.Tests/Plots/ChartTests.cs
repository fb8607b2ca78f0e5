using Microstructure.Analysis.Cascades;
using Microstructure.Analysis.Impact;
using Microstructure.Analysis.Plots;
using Microstructure.Engine;
using Microstructure.Engine.Matching;

namespace Microstructure.Analysis.Tests.Plots;

public sealed class ChartTests
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
    public void Cascade_timeline_is_a_non_trivial_png_of_the_requested_size()
    {
        LiquidationRecord[] liq = ChartData.Liquidations();

        byte[] png = CascadeTimelineChart.RenderPng(liq, CascadeForest.Build(liq), Size);

        PngAssert.IsNonTrivialPng(png, 640, 400);
    }

    [Fact]
    public void Impact_curve_is_a_non_trivial_png_of_the_requested_size()
    {
        ImpactBin[] bins = ChartData.Bins();

        byte[] png = ImpactCurveChart.RenderPng(bins, SquareRootLaw.Fit(bins, 0.01), Size);

        PngAssert.IsNonTrivialPng(png, 640, 400);
    }

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
    public void Text_is_drawn_with_the_embedded_font()
    {
        // A canvas without axes: every dark pixel is a glyph of the text plottable (added after the canvas was
        // set up, so it takes ScottPlot's default font: the embedded one, also on a machine without fonts).
        ScottPlot.Plot blank = ChartCanvas.Create(string.Empty, string.Empty, string.Empty);
        blank.HideAxesAndGrid();
        ScottPlot.Plot text = ChartCanvas.Create(string.Empty, string.Empty, string.Empty);
        text.HideAxesAndGrid();
        text.Add.Text("Liquidation cascade δ = 0.5", 0, 0).LabelFontSize = 40;

        int blankInk = PngAssert.InkInTopRows(ChartCanvas.ToPng(blank, Size), Size.Height);
        int textInk = PngAssert.InkInTopRows(ChartCanvas.ToPng(text, Size), Size.Height);

        Assert.Equal(0, blankInk);
        Assert.True(textInk > 1_000, $"{textInk} dark pixels");
    }

    [Fact]
    public void Empty_inputs_still_render_a_chart()
    {
        byte[] timeline = CascadeTimelineChart.RenderPng([], CascadeForest.Build([]), Size);
        byte[] impact = ImpactCurveChart.RenderPng([], default, Size);

        Assert.Equal(0x89, timeline[0]);
        Assert.Equal(0x89, impact[0]);
    }

    [Fact]
    public void Save_creates_the_directory_and_writes_the_png()
    {
        string dir = Path.Combine(Path.GetTempPath(), "ms-plots-" + Guid.NewGuid().ToString("N"));
        try
        {
            string path = Path.Combine(dir, "plots", "impact.png");
            ImpactBin[] bins = ChartData.Bins();

            ImpactCurveChart.SavePng(path, bins, SquareRootLaw.Fit(bins, 0.01), Size);

            PngAssert.IsNonTrivialPng(File.ReadAllBytes(path), 640, 400);
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, true);
            }
        }
    }

    [Fact]
    public void A_forest_of_other_records_is_rejected()
    {
        LiquidationRecord[] liq = ChartData.Liquidations();

        Assert.Throws<ArgumentException>(() => PriceChart.RenderPng(ChartData.Mid(), 1, liq, CascadeForest.Build(liq[..2]), Size));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChartSize(8, 400));
    }
}
