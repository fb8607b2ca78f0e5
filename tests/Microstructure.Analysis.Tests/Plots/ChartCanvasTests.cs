using Microstructure.Analysis.Cascades;
using Microstructure.Analysis.Plots;

namespace Microstructure.Analysis.Tests.Plots;

public sealed class ChartCanvasTests
{
    private static readonly ChartSize Size = new(640, 400);

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
        byte[] timeline = CascadeTimelineChart.RenderPng([], CascadeForest.Build([]), [], c => "", Size);
        byte[] impact = ImpactCurveChart.RenderPng([], default, Size);

        Assert.Equal(0x89, timeline[0]);
        Assert.Equal(0x89, impact[0]);
    }

    [Fact]
    public void Chart_sizes_outside_16_to_10000_pixels_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChartSize(8, 400));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChartSize(400, 20_000));
        Assert.Equal(1200, ChartSize.Default.Width);
    }
}
