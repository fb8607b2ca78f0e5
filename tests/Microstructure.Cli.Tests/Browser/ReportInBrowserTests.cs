using System.Diagnostics;
using System.Text.Json.Nodes;
using Microstructure.Cli.Tests.TestSupport;
using SkiaSharp;

namespace Microstructure.Cli.Tests.Browser;

/// <summary>
/// Opens each kind of report.html in headless chromium from a file:// URL (the browser runs with background
/// networking off, and the file must need nothing else): no console error or uncaught exception, every chart drawn
/// (Plotly's SVG and at least one line, marker or heatmap image in each), and a screenshot that is not blank — neither
/// the page nor any chart's area is one flat colour. The screenshots are kept in MICRO_BROWSER_SCREENSHOTS (default:
/// the temp folder's microstructure-browser/) for a human to look at.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ReportInBrowserTests
{
    private const int Width = 1280;
    private const int MaxHeight = 16_000;

    private const string ChartProbe = """
        Array.from(document.querySelectorAll('div.chart')).map(c => {
          const r = c.getBoundingClientRect();
          return {
            id: c.id,
            svgs: c.querySelectorAll('.plot-container .main-svg').length,
            marks: c.querySelectorAll('.scatterlayer path.js-line, .scatterlayer path.point, .heatmaplayer image').length,
            x: r.left + window.scrollX, y: r.top + window.scrollY, w: r.width, h: r.height,
          };
        })
        """;

    /// <summary>Each kind of report and how many charts it has (the LOBSTER replay has no L2 snapshots: no depth chart).</summary>
    /// <summary>
    /// Hovers the first liquidation marker of the price chart (chart-1; its traces after the mid are the markers) and
    /// returns the hover label's text, or "" when there is none.
    /// </summary>
    private const string HoverProbe = """
        (async () => {
          const c = document.getElementById('chart-1');
          const trace = c.data.findIndex(t => t.mode === 'markers');
          if (trace < 0) return 'no marker trace';
          Plotly.Fx.hover(c, [{ curveNumber: trace, pointNumber: 0 }]);
          await new Promise(r => setTimeout(r, 100));
          return Array.from(c.querySelectorAll('.hoverlayer .hovertext')).map(h => h.textContent).join(' | ');
        })()
        """;

    /// <summary>Hovers the first heatmap's first cell and returns the hover label's text ("no heatmap" without one).</summary>
    private const string HeatmapHoverProbe = """
        (async () => {
          const c = Array.from(document.querySelectorAll('div.chart')).find(c => c.data[0].type === 'heatmap');
          if (!c) return 'no heatmap';
          Plotly.Fx.hover(c, [{ curveNumber: 0, pointNumber: [0, 0] }]);
          await new Promise(r => setTimeout(r, 100));
          return Array.from(c.querySelectorAll('.hoverlayer .hovertext')).map(h => h.textContent).join(' | ');
        })()
        """;

    public static TheoryData<string, int> Kinds => new() { { "simulate", 4 }, { "replay", 3 } };

    public static string ScreenshotDirectory =>
        Environment.GetEnvironmentVariable("MICRO_BROWSER_SCREENSHOTS") is { Length: > 0 } dir ? dir : Path.Combine(Path.GetTempPath(), "microstructure-browser");

    [BrowserTheory]
    [MemberData(nameof(Kinds))]
    public async Task The_report_opens_offline_without_errors_draws_every_chart_and_its_screenshot_is_not_blank(string kind, int chartCount)
    {
        using var cli = new CliRun();
        string report = Produce(kind, cli);

        using var browser = await HeadlessChromium.StartAsync(Width, 900);
        await browser.NavigateAsync(new Uri(report).AbsoluteUri);
        JsonArray charts = await WaitForChartsAsync(browser);
        string hover = (await browser.EvaluateAsync(HoverProbe))?.GetValue<string>() ?? "";
        byte[] png = await browser.ScreenshotAsync(Width, MaxHeight);
        charts = (await browser.EvaluateAsync(ChartProbe))!.AsArray();
        Directory.CreateDirectory(ScreenshotDirectory);
        string shot = Path.Combine(ScreenshotDirectory, $"report-{kind}.png");
        File.WriteAllBytes(shot, png);

        Assert.True(browser.Errors.Count == 0, $"{kind}: the page logged errors: {string.Join(" | ", browser.Errors)}");
        Assert.Equal(chartCount, charts.Count);
        Assert.Matches(@"liquidation #\d+ at .* closed: .* lots, .*account .*cascade #\d+, wave \d+", hover);
        AssertDrawn(kind, charts, png, shot);
    }

    /// <summary>
    /// A sweep's report.html (issue 13 §4): a compare of 2 designs × 2 seeds (the differences chart and a paired chart per
    /// metric) and a 2 × 2 grid sweep (the differences chart and a heatmap per key metric and design) of the shipped
    /// design-comparison scenario.
    /// </summary>
    [BrowserTheory]
    [InlineData("compare")]
    [InlineData("sweep-2d")]
    public async Task A_sweep_report_opens_offline_without_errors_draws_every_chart_incl_heatmaps_and_is_not_blank(string kind)
    {
        using var cli = new CliRun();
        string outDir = cli.Path_("out");
        string scenario = Data("scenarios", "design-comparison.json");
        string[] args = kind == "compare"
            ? ["compare", scenario, "--designs", "full-close,tiered-partial", "--seeds", "2", "--parallel", "2", "--out", outDir]
            : ["sweep", scenario, "--set", "shocks[1].quantity=1000,6000", "--set", "shocks[0].relative=-0.004,-0.008",
               "--designs", "full-close,tiered-partial", "--seeds", "1", "--parallel", "2", "--keep", "summary", "--out", outDir];
        var (code, _, error) = CliRun.Run(args);
        Assert.True(code == 0, $"{kind}: exit {code}: {error}");
        string report = Path.Combine(outDir, "report.html");

        using var browser = await HeadlessChromium.StartAsync(Width, 900);
        await browser.NavigateAsync(new Uri(report).AbsoluteUri);
        await WaitForChartsAsync(browser);
        byte[] png = await browser.ScreenshotAsync(Width, MaxHeight);
        JsonArray charts = (await browser.EvaluateAsync(ChartProbe))!.AsArray();
        JsonNode? kinds = await browser.EvaluateAsync("Array.from(document.querySelectorAll('div.chart')).map(c => c.data.map(t => t.type).join(',')).join(' ')");
        string hover = (await browser.EvaluateAsync(HeatmapHoverProbe))?.GetValue<string>() ?? "";
        Directory.CreateDirectory(ScreenshotDirectory);
        string shot = Path.Combine(ScreenshotDirectory, $"report-{kind}.png");
        File.WriteAllBytes(shot, png);

        Assert.True(browser.Errors.Count == 0, $"{kind}: the page logged errors: {string.Join(" | ", browser.Errors)}");
        Assert.True(charts.Count >= 3, $"{kind}: {charts.Count} charts");
        if (kind == "sweep-2d")
        {
            Assert.Contains("heatmap", kinds?.GetValue<string>() ?? "", StringComparison.Ordinal);
            Assert.True(System.Text.RegularExpressions.Regex.IsMatch(hover, @"shocks\[1\]\.quantity=1000, shocks\[0\]\.relative=-0\.00[48]: mean .*, 95% CI \[.*\], median .*, over 1 of 1 runs"), $"heatmap hover: {hover}");
            Assert.True(charts.Count(c => c!["marks"]!.GetValue<int>() > 0) == charts.Count);
        }

        AssertDrawn(kind, charts, png, shot);
    }

    /// <summary>The page and every chart's area are not one flat colour, and every chart drew its SVG and a mark.</summary>
    private static void AssertDrawn(string kind, JsonArray charts, byte[] png, string shot)
    {
        using SKBitmap image = SKBitmap.Decode(png) ?? throw new InvalidOperationException($"{shot} is not a PNG.");
        Assert.True(DistinctColours(image, new SKRectI(0, 0, image.Width, image.Height)) > 64, $"{shot}: the page is (nearly) one colour");
        foreach (JsonNode? chart in charts)
        {
            string id = chart!["id"]!.GetValue<string>();
            Assert.True(chart["svgs"]!.GetValue<int>() > 0, $"{kind} {id}: Plotly drew no SVG");
            Assert.True(chart["marks"]!.GetValue<int>() > 0, $"{kind} {id}: no line, marker or heatmap was drawn");
            var area = SKRectI.Intersect(
                new SKRectI(0, 0, image.Width, image.Height),
                SKRectI.Create((int)chart["x"]!.GetValue<double>(), (int)chart["y"]!.GetValue<double>(), (int)chart["w"]!.GetValue<double>(), (int)chart["h"]!.GetValue<double>()));
            Assert.True(area.Width > 100 && area.Height > 100, $"{kind} {id}: the chart is {area.Width}×{area.Height} px in {shot}");
            Assert.True(DistinctColours(image, area) > 16, $"{kind} {id}: the chart's area in {shot} is (nearly) one colour");
        }
    }

    [BrowserFact]
    public async Task The_check_sees_console_errors_uncaught_exceptions_and_a_blank_page()
    {
        using var cli = new CliRun();
        string page = cli.Path_("broken.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body><script>console.error('boom'); throw new Error('bang');</script></body></html>");

        using var browser = await HeadlessChromium.StartAsync(Width, 900);
        await browser.NavigateAsync(new Uri(page).AbsoluteUri);
        byte[] png = await browser.ScreenshotAsync(Width, MaxHeight);
        await Task.Delay(200);

        Assert.Contains(browser.Errors, e => e.StartsWith("console.error: boom", StringComparison.Ordinal));
        Assert.Contains(browser.Errors, e => e.StartsWith("uncaught exception: Error: bang", StringComparison.Ordinal));
        using SKBitmap image = SKBitmap.Decode(png)!;
        Assert.True(DistinctColours(image, new SKRectI(0, 0, image.Width, image.Height)) <= 64);
    }

    /// <summary>Runs the CLI for one kind of report and returns the report.html it wrote.</summary>
    private static string Produce(string kind, CliRun cli)
    {
        string outDir = cli.Path_("out");
        string[] args = kind switch
        {
            "simulate" => ["simulate", Data("scenarios", "leveraged-cascade.json"), "--out", outDir],
            "replay" =>
            [
                "replay", "lobster",
                "--messages", Data("lobster", "AAPL_2012-06-21_34200000_57600000_message_10.csv"),
                "--book", Data("lobster", "AAPL_2012-06-21_34200000_57600000_orderbook_10.csv"),
                "--population", Data("populations", "aapl-longs.json"),
                "--inject", Data("populations", "aapl-shock.csv"),
                "--out", outDir,
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No such report kind."),
        };
        var (code, _, error) = CliRun.Run(args);
        Assert.True(code == 0, $"{kind}: exit {code}: {error}");
        string report = kind == "replay" ? Path.Combine(outDir, "run", "report.html") : Path.Combine(outDir, "report.html");
        Assert.True(File.Exists(report), $"{kind}: no {report}");
        return report;
    }

    /// <summary>Waits (at most 30 s) until every chart has its SVG and a mark drawn; returns the last probe.</summary>
    private static async Task<JsonArray> WaitForChartsAsync(HeadlessChromium browser)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            JsonArray charts = (await browser.EvaluateAsync(ChartProbe))!.AsArray();
            bool drawn = charts.Count > 0 && charts.All(c => c!["svgs"]!.GetValue<int>() > 0 && c["marks"]!.GetValue<int>() > 0);
            if (drawn || clock.Elapsed > TimeSpan.FromSeconds(30) || browser.Errors.Count > 0)
            {
                return charts;
            }

            await Task.Delay(200);
        }
    }

    private static int DistinctColours(SKBitmap image, SKRectI area)
    {
        var colours = new HashSet<uint>();
        for (int y = area.Top; y < area.Bottom; y += 2)
        {
            for (int x = area.Left; x < area.Right; x += 2)
            {
                colours.Add((uint)image.GetPixel(x, y));
            }
        }

        return colours.Count;
    }

    private static string Data(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "data", .. parts]);
}
