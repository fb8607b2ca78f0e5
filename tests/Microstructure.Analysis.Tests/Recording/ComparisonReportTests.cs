using System.Text.Json;
using System.Text.RegularExpressions;
using Microstructure.Analysis.Recording;
using Microstructure.Analysis.Tests.Recording.TestSupport;
using Microstructure.Risk.Liquidation;

namespace Microstructure.Analysis.Tests.Recording;

public sealed partial class ComparisonReportTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Each_design_gets_the_mean_standard_deviation_and_range_of_every_metric_across_its_seeds()
    {
        RunSummary[] runs =
        [
            Summaries.Of("full-close", 1, cascades: 1, notional: 100m, drawdown: 0.02, badDebt: 5m, fundUsage: 0m, adl: 0, recoveryNs: 2_000_000_000),
            Summaries.Of("full-close", 2, cascades: 3, notional: 300m, drawdown: 0.04, badDebt: 15m, fundUsage: 0m, adl: 2, recoveryNs: null),
            Summaries.Of("insurance-fund", 1, cascades: 2, notional: 50m, fundUsage: 10m, recoveryNs: 1_000_000_000),
            Summaries.Of("insurance-fund", 2, cascades: 2, notional: 70m, fundUsage: 30m, recoveryNs: 3_000_000_000),
            Summaries.Of("insurance-fund", 3, cascades: 5, notional: 90m, fundUsage: 20m, recoveryNs: 2_000_000_000),
        ];
        ComparisonSummary c = ComparisonReport.Write(_temp.Sub("cmp"), runs, new ComparisonOptions { WritePlots = false });

        Assert.Equal(["full-close", "insurance-fund"], c.Designs);
        Assert.Equal([1L, 2, 3], c.Seeds);
        Assert.Equal(new MetricSpread(2, 2, 2, Math.Sqrt(2), 1, 3), c.Spread("full-close", "cascades"));
        Assert.Equal(new MetricSpread(2, 2, 200, Math.Sqrt(20_000), 100, 300), c.Spread("full-close", "liquidated_notional"));
        Assert.Equal(new MetricSpread(2, 2, 10, Math.Sqrt(50), 5, 15), c.Spread("full-close", "bad_debt"));
        Assert.Equal(3.0, c.Spread("full-close", "max_drawdown").Mean, 12); // percent
        Assert.Equal(new MetricSpread(2, 1, 2, double.NaN, 2, 2), c.Spread("full-close", "mid_recovery_s"));
        Assert.Equal(new MetricSpread(3, 3, 3, Math.Sqrt(3), 2, 5), c.Spread("insurance-fund", "cascades"));
        Assert.Equal(new MetricSpread(3, 3, 20, 10, 10, 30), c.Spread("insurance-fund", "fund_usage"));
        Assert.Equal(new MetricSpread(3, 3, 2, 1, 1, 3), c.Spread("insurance-fund", "mid_recovery_s"));

        List<Dictionary<string, string?>> rows = TableText.CsvRecords(Path.Combine(c.Directory, "comparison.csv"));
        Assert.Equal(2 * ComparisonMetric.All.Count, rows.Count);
        Dictionary<string, string?> fund = rows.Single(r => r["design"] == "insurance-fund" && r["metric"] == "fund_usage");
        Assert.Equal(("quote", "3", "3", "20", "10", "10", "30"), (fund["unit"], fund["runs"], fund["values"], fund["mean"], fund["std"], fund["min"], fund["max"]));
        Assert.Equal(5, TableText.CsvRecords(Path.Combine(c.Directory, "runs.csv")).Count);

        string report = File.ReadAllText(Path.Combine(c.Directory, "report.md"));
        Assert.Contains("| full-close | 2 ± 1.414 |", report);
        Assert.Contains("2 (1 of 2 runs)", report); // the recovery that happened in one of two seeds
    }

    [Fact]
    public void The_files_do_not_depend_on_the_order_in_which_seeds_finished()
    {
        RunSummary[] runs = [.. Enumerable.Range(1, 6).SelectMany(seed => new[]
        {
            Summaries.Of("adl", seed, cascades: seed, notional: 10m * seed, adl: seed % 3, drawdown: 0.01 * seed),
            Summaries.Of("full-close", seed, cascades: 7 - seed, notional: 0.1m * seed, badDebt: seed, recoveryNs: seed * 1_000_000_000L),
        })];
        ComparisonSummary a = ComparisonReport.Write(_temp.Sub("in-order"), runs);
        ComparisonSummary b = ComparisonReport.Write(_temp.Sub("shuffled"), runs.Reverse().OrderBy(r => (r.Seed * 7919) % 13));

        Assert.Equal(a.Rows, b.Rows);
        string[] files = [.. Directory.GetFiles(a.Directory, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(a.Directory, f)).Order(StringComparer.Ordinal)];
        Assert.Contains(Path.Combine("plots", "fund_usage.png"), files);
        foreach (string f in files)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(a.Directory, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b.Directory, f))), $"{f} depends on the input order");
        }
    }

    [Fact]
    public async Task Recorded_runs_compare_into_tables_plots_and_a_report_whose_links_exist()
    {
        var runs = new List<RunSummary>();
        foreach (string design in (string[])[LiquidationPolicies.FullClose, LiquidationPolicies.InsuranceFund])
        {
            foreach (int seed in (int[])[1, 2])
            {
                ExchangeScript s = CrowdCascade.Run(LiquidationPolicies.CreateDesign(design), seed);
                using RunRecorder r = RunRecorder.Create(_temp.Sub($"runs/{design}-{seed}"), CrowdCascade.Info(s, design) with { Seed = seed }, new RecorderOptions { WritePlots = false });
                s.ReplayInto(r);
                runs.Add(r.Complete());
            }
        }

        ComparisonSummary c = ComparisonReport.Write(_temp.Sub("compare"), runs);
        Assert.Equal(["crowd-cascade"], c.Scenarios);
        string report = File.ReadAllText(Path.Combine(c.Directory, "report.md"));
        string[] links = [.. LinkTarget().Matches(report).Select(m => m.Groups[1].Value)];
        Assert.Contains("../runs/full-close-1/report.md", links);
        Assert.Contains("plots/liquidated_notional.png", links);
        Assert.All(links, l => Assert.True(File.Exists(Path.Combine(c.Directory, l)), $"report links {l}, which does not exist"));
        foreach (string png in Directory.GetFiles(Path.Combine(c.Directory, "plots")))
        {
            using SkiaSharp.SKBitmap bitmap = SkiaSharp.SKBitmap.Decode(await File.ReadAllBytesAsync(png));
            Assert.Equal((1200, 700), (bitmap.Width, bitmap.Height));
        }

        Assert.Equal(ComparisonMetric.All.Count, Directory.GetFiles(Path.Combine(c.Directory, "plots")).Length);
        foreach (string table in (string[])["comparison", "runs"])
        {
            Assert.Equal(TableText.Csv(Path.Combine(c.Directory, table + ".csv")), await TableText.ParquetAsync(Path.Combine(c.Directory, table + ".parquet")));
        }

        using JsonDocument json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(c.Directory, "summary.json")));
        JsonElement cascades = json.RootElement.GetProperty("metrics").GetProperty("cascades").GetProperty("by_design").GetProperty("full-close");
        Assert.Equal(c.Spread("full-close", "cascades").Mean, cascades.GetProperty("mean").GetDouble());
        Assert.Equal(4, json.RootElement.GetProperty("runs").GetInt64());
    }

    [Fact]
    public void No_runs_a_repeated_design_and_seed_or_a_used_directory_are_refused_by_name()
    {
        Assert.Contains("at least one run", Assert.Throws<ArgumentException>(() => ComparisonReport.Write(_temp.Sub("a"), [])).Message);
        var twice = Assert.Throws<ArgumentException>(() => ComparisonReport.Write(_temp.Sub("b"), [Summaries.Of("adl", 3), Summaries.Of("adl", 3)]));
        Assert.Contains("Design 'adl' with seed 3 appears twice", twice.Message);
        Assert.False(Directory.Exists(_temp.Sub("b")));

        string used = _temp.Sub("used");
        Directory.CreateDirectory(used);
        File.WriteAllText(Path.Combine(used, "x"), "");
        Assert.Equal(used, Assert.Throws<RunOutputException>(() => ComparisonReport.Write(used, [Summaries.Of("adl", 1)])).Path);
    }

    [GeneratedRegex(@"\]\(([^)]+)\)")]
    private static partial Regex LinkTarget();
}
