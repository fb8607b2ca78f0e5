using Microstructure.Analysis.Reports;

namespace Microstructure.Analysis.Tests.Reports;

public sealed class MarkdownReportTests
{
    [Fact]
    public void Sections_tables_and_images_render_as_expected_markdown()
    {
        string md = new MarkdownReport()
            .Heading(1, "Run report")
            .Paragraph("Seed 42.")
            .Table(["design", "cascades"], [["full-close", "3"], ["tiered|partial", "1"]], [TextAlignment.Left, TextAlignment.Right])
            .Image("Price with liquidations", "plots/price (main).png")
            .Bullets(["one", "two"])
            .ToString();

        Assert.Equal(
            "# Run report\n\nSeed 42.\n\n| design | cascades |\n|---|---:|\n| full-close | 3 |\n| tiered\\|partial | 1 |\n\n"
            + "![Price with liquidations](plots/price%20%28main%29.png)\n\n- one\n- two\n",
            md);
    }

    [Fact]
    public void Line_breaks_in_cells_do_not_break_the_table()
    {
        string md = new MarkdownReport().Table(["a"], [["x\ny"]]).ToString();

        Assert.Equal("| a |\n|---|\n| x<br>y |\n", md);
    }

    [Fact]
    public void Rows_with_the_wrong_cell_count_are_rejected_naming_the_row()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MarkdownReport().Table(["a", "b"], [["1", "2"], ["3"]]));
        Assert.Contains("Row 1", ex.Message);
    }

    [Fact]
    public void Code_fence_is_longer_than_any_backtick_run_inside()
    {
        string md = new MarkdownReport().Code("a ``` b", "text").ToString();

        Assert.Equal("````text\na ``` b\n````\n", md);
    }

    [Fact]
    public void Numbers_are_formatted_in_the_invariant_culture()
    {
        Assert.Equal("0.1235", MarkdownReport.Format(0.123456));
        Assert.Equal("n/a", MarkdownReport.Format(double.NaN));
        Assert.Equal("1,234,567", MarkdownReport.Format(1_234_567L));
        Assert.Equal("n/a", MarkdownReport.Format((long?)null));
    }

    [Fact]
    public void Heading_levels_outside_one_to_six_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MarkdownReport().Heading(7, "x"));
    }
}
