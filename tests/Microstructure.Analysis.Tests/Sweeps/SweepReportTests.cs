using System.Text.RegularExpressions;
using Microstructure.Analysis.Plots;
using Microstructure.Analysis.Sweeps;

namespace Microstructure.Analysis.Tests.Sweeps;

public sealed class SweepReportTests
{
    private const string Catalog = """
        key,agents[2].leverage.max,design,seed,bad_debt_quote,liquidated_notional_quote,cascades
        k1,20,full-close,1,10,100,2
        k2,20,full-close,2,20,120,2
        k3,20,tiered-partial,1,5,50,2
        k4,20,tiered-partial,2,10,60,2
        k5,40,full-close,1,30,300,2
        k6,40,full-close,2,40,320,2
        k7,40,tiered-partial,1,15,150,2
        k8,40,tiered-partial,2,20,160,2
        """;

    [Fact]
    public void A_one_parameter_sweep_writes_the_tables_the_report_and_one_band_chart_per_varying_key_metric()
    {
        string directory = Path.Combine(Path.GetTempPath(), "sweep-report-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var stats = SweepStatistics.Compute(SweepTable.Parse(Catalog, "runs.csv"));

            var files = SweepReport.Write(directory, stats, new SweepReportOptions { Title = "Sweep of x.json", PlotSize = new ChartSize(400, 300) });
            var again = SweepReport.Write(directory, stats, new SweepReportOptions { Title = "Sweep of x.json", PlotSize = new ChartSize(400, 300) }); // a resume rewrites

            Assert.Equal(files, again);
            Assert.Equal(["plots/liquidated_notional_quote.png", "plots/bad_debt_quote.png"], files.Where(f => f.StartsWith("plots/", StringComparison.Ordinal)));
            string[] csv = File.ReadAllLines(Path.Combine(directory, SweepReport.StatisticsFile));
            Assert.Equal("metric,label,unit,better,design,agents[2].leverage.max,runs,values,mean,std,median,p5,p95,ci_low,ci_high", csv[0]);
            Assert.Contains(csv, l => l.StartsWith("bad_debt_quote,bad debt,quote,lower,full-close,40,2,2,35,", StringComparison.Ordinal));
            string report = File.ReadAllText(Path.Combine(directory, SweepReport.ReportFile));
            Assert.StartsWith("# Sweep of x.json\n\n8 runs: 2 points of agents[2].leverage.max × 2 designs × 2 seeds.", report, StringComparison.Ordinal);
            Assert.Contains("## Constant over the sweep\n\ncascades (count) 2.", report, StringComparison.Ordinal);
            Assert.DoesNotContain("cascades.png", report, StringComparison.Ordinal);
            Assert.True(new FileInfo(Path.Combine(directory, "plots", "bad_debt_quote.png")).Length > 10_000);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private const string Grid = """
        key,shocks[0].quantity,agents[2].leverage.max,design,seed,bad_debt_quote,liquidated_notional_quote,cascades
        a1,1000,20,full-close,1,1,100,2
        a2,1000,20,full-close,2,2,110,2
        a3,1000,20,tiered-partial,1,0,50,2
        a4,1000,20,tiered-partial,2,1,55,2
        b1,1000,40,full-close,1,5,200,2
        b2,1000,40,full-close,2,6,210,2
        b3,1000,40,tiered-partial,1,2,90,2
        b4,1000,40,tiered-partial,2,3,95,2
        c1,3000,20,full-close,1,8,300,2
        c2,3000,20,full-close,2,9,310,2
        c3,3000,20,tiered-partial,1,4,150,2
        c4,3000,20,tiered-partial,2,5,155,2
        d1,3000,40,full-close,1,20,600,2
        d2,3000,40,full-close,2,22,620,2
        d3,3000,40,tiered-partial,1,10,300,2
        d4,3000,40,tiered-partial,2,11,310,2
        """;

    private const string Compare = """
        key,design,seed,bad_debt_quote,liquidated_notional_quote,cascades
        k1,full-close,1,10,100,2
        k2,full-close,2,20,120,2
        k3,full-close,3,15,110,2
        k4,tiered-partial,1,5,50,2
        k5,tiered-partial,2,10,60,2
        k6,tiered-partial,3,8,70,2
        """;

    [Fact]
    public void A_one_parameter_sweep_writes_report_html_with_the_same_text_and_a_ci_band_chart_per_plotted_metric()
    {
        var (files, html) = WriteHtml(Catalog);

        Assert.Contains(SweepReport.HtmlFile, files);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src", html, StringComparison.Ordinal); // self-contained: plotly.js is inline
        Assert.Contains("<h1>Sweep of x.json</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Findings</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Constant over the sweep</h2>\n<p>cascades (count) 2.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Differences against full-close (paired)</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Ranking (best first, by mean)</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Spread per design</h2>", html, StringComparison.Ordinal);
        string[] charts = Charts(html);
        Assert.Equal(3, charts.Length); // the differences, then a band chart per plotted metric (cascades is constant)
        Assert.Contains("Difference against full-close", charts[0], StringComparison.Ordinal);
        Assert.All(charts.Skip(1), c =>
        {
            Assert.Contains("\"fill\":\"tonexty\"", c, StringComparison.Ordinal);
            Assert.Contains("\"rangemode\":\"tozero\"", c, StringComparison.Ordinal);
            Assert.Contains("against agents[2].leverage.max", c, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void A_compare_report_html_pairs_each_seed_across_designs_and_draws_the_mean_with_its_ci()
    {
        var (_, html) = WriteHtml(Compare);

        string[] charts = Charts(html);
        Assert.Equal(3, charts.Length);
        Assert.All(charts.Skip(1), c =>
        {
            Assert.Contains("\"name\":\"runs of one seed\"", c, StringComparison.Ordinal);
            Assert.Contains("\"error_y\":{\"type\":\"data\",\"symmetric\":false", c, StringComparison.Ordinal);
            Assert.Contains("\"rangemode\":\"tozero\"", c, StringComparison.Ordinal);
        });
        Assert.Contains("\"x\":[0,1,null,0,1,null,0,1,null]", charts[1], StringComparison.Ordinal); // three seeds, each a line
        Assert.InRange(html.Length - html.IndexOf("</head>", StringComparison.Ordinal), 1_000, 50_000); // beyond plotly.js, the report is small
    }

    [Fact]
    public void A_two_parameter_grid_report_html_has_a_heatmap_per_design_on_one_colour_scale_per_metric()
    {
        var (_, html) = WriteHtml(Grid);

        string[] heatmaps = [.. Charts(html).Where(c => c.Contains("\"type\":\"heatmap\"", StringComparison.Ordinal))];
        Assert.Equal(4, heatmaps.Length); // 2 key metrics × 2 designs
        var scales = heatmaps.Select(c => Regex.Match(c, "\"zmin\":([^,]+),\"zmax\":([^,]+),").Groups).Select(g => (g[1].Value, g[2].Value)).ToList();
        Assert.Equal(scales[0], scales[1]); // one metric, both designs
        Assert.Equal(scales[2], scales[3]);
        Assert.Equal(("52.5", "610"), scales[0]); // liquidated notional: the lowest and highest mean of any design and point
        Assert.Equal(("0.5", "21"), scales[2]); // bad debt
        Assert.All(heatmaps, c => Assert.Contains("\"texttemplate\":\"%{text}\"", c, StringComparison.Ordinal));
        Assert.Contains("mean 305, 95% CI [300, 310], median 305, over 2 of 2 runs", heatmaps[1], StringComparison.Ordinal); // the hover of a cell
        Assert.Contains("\"z\":[[52.5,152.5],[92.5,305]]", heatmaps[1], StringComparison.Ordinal); // tiered-partial: a row per leverage, a column per quantity
    }

    private static (IReadOnlyList<string> Files, string Html) WriteHtml(string catalog)
    {
        string directory = Path.Combine(Path.GetTempPath(), "sweep-html-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var stats = SweepStatistics.Compute(SweepTable.Parse(catalog, "runs.csv"));
            var files = SweepReport.Write(directory, stats, new SweepReportOptions { Title = "Sweep of x.json", WritePlots = false });
            return (files, File.ReadAllText(Path.Combine(directory, SweepReport.HtmlFile)));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>The Plotly.newPlot calls, in order.</summary>
    private static string[] Charts(string html) =>
        [.. Regex.Matches(html, "<script>Plotly\\.newPlot\\(\"chart-\\d+\",(.*?)\\);</script>").Select(m => m.Groups[1].Value)];
}
