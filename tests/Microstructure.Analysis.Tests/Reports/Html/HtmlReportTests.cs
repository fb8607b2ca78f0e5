using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microstructure.Analysis.Reports;
using Microstructure.Analysis.Reports.Html;

namespace Microstructure.Analysis.Tests.Reports.Html;

public sealed partial class HtmlReportTests
{
    [Fact]
    public void A_report_with_charts_embeds_plotly_js_and_loads_nothing_from_the_network()
    {
        var report = new HtmlReport("t").Heading(1, "Title").Chart(SmallChart("a"));
        string html = report.ToString();

        Assert.Contains("<script>/**\n* plotly.js v2.28.0", html, StringComparison.Ordinal);
        Assert.True(html.Length > 3_000_000, "plotly.js itself is about 3.6 MB");
        Assert.DoesNotMatch(ScriptSource(), html);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        // plotly.js is the only script element besides the charts' own.
        Assert.Equal(1 + report.ChartCount, Regex.Count(html, "<script>"));
    }

    [Fact]
    public void A_report_without_charts_carries_no_script()
    {
        string html = new HtmlReport("t").Paragraph("text").ToString();

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Charts_are_numbered_in_order_and_the_document_is_the_same_every_time()
    {
        static string Build() => new HtmlReport("t").Chart(SmallChart("a")).Paragraph("between").Chart(SmallChart("b")).ToString();

        string html = Build();

        Assert.Contains("<div id=\"chart-1\" class=\"chart\"></div>\n<script>Plotly.newPlot(\"chart-1\",", html, StringComparison.Ordinal);
        Assert.Contains("<div id=\"chart-2\" class=\"chart\"></div>\n<script>Plotly.newPlot(\"chart-2\",", html, StringComparison.Ordinal);
        Assert.Equal(html, Build());
        Assert.DoesNotContain("\r", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_and_table_cells_are_escaped_and_markdown_inline_is_rendered()
    {
        string html = new HtmlReport("<title>")
            .Paragraph("Design **full-close**, see [analysis/cascades.csv](analysis/cascades.csv) & <b>not bold</b>")
            .Table(["a", "b"], [["<i>x</i>", "`code`"]], [TextAlignment.Left, TextAlignment.Right])
            .ToString();

        Assert.Contains("<title>&lt;title&gt;</title>", html, StringComparison.Ordinal);
        Assert.Contains(
            "<p>Design <strong>full-close</strong>, see <a href=\"analysis/cascades.csv\">analysis/cascades.csv</a> &amp; &lt;b&gt;not bold&lt;/b&gt;</p>",
            html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;i&gt;x&lt;/i&gt;</td><td style=\"text-align:right\"><code>code</code></td>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[x](https://example.com)", "[x](https://example.com)")]
    [InlineData("[x](javascript:alert(1))", "[x](javascript:alert(1))")]
    [InlineData("** not closed", "** not closed")]
    [InlineData("a\nb", "a<br>b")]
    public void Only_relative_links_become_links(string markdown, string expected)
    {
        Assert.Equal(expected, MarkdownInline.ToHtml(markdown));
    }

    [Fact]
    public void A_chart_title_cannot_close_its_script_element_and_nan_is_a_gap()
    {
        var chart = new PlotlyChart("</script><script>alert(1)</script>", "x", "y")
            .Add(PlotlyTraces.Line("l", PlotlyChart.Numbers([1.0, 2.0, 3.0]), PlotlyChart.Numbers([1.0, double.NaN, double.PositiveInfinity]), "#000"));
        string html = new HtmlReport("t").Chart(chart).ToString();
        string script = html[html.IndexOf("Plotly.newPlot(\"chart-1\"", StringComparison.Ordinal)..];

        Assert.DoesNotContain("</script><script>alert", html, StringComparison.Ordinal);
        Assert.Contains("\"y\":[1,null,null]", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Rounded_numbers_keep_the_given_decimals()
    {
        JsonArray numbers = PlotlyChart.Numbers([1.23456789, 100.0000001], 3);

        Assert.Equal("[1.235,100]", numbers.ToJsonString());
    }

    [Fact]
    public void Save_writes_a_new_file_and_never_overwrites()
    {
        string dir = Directory.CreateTempSubdirectory("html-report-").FullName;
        try
        {
            string path = Path.Combine(dir, "report.html");
            var report = new HtmlReport("t").Paragraph("p");
            report.Save(path);

            Assert.Equal(report.ToString(), File.ReadAllText(path));
            Assert.Throws<IOException>(() => report.Save(path));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>A script element that loads its source from anywhere (a CDN above all).</summary>
    [GeneratedRegex("<script[^>]*\\ssrc\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSource();

    private static PlotlyChart SmallChart(string name) =>
        new PlotlyChart(name, "x", "y").Add(PlotlyTraces.Markers(name, PlotlyChart.Numbers([1.0, 2.0]), PlotlyChart.Numbers([3.0, 4.0]), "#1f77b4"));
}
