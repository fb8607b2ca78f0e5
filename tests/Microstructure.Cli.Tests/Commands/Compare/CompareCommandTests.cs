using System.Text.Json;
using Microstructure.Cli.Tests.TestSupport;

namespace Microstructure.Cli.Tests.Commands.Compare;

public sealed class CompareCommandTests
{
    [Fact]
    public void Compare_is_the_sweep_without_set_prints_the_compact_table_and_writes_the_report()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);
        string outDir = cli.Path_("cmp");

        var (code, output, error) = CliRun.Run("compare", scenario, "--designs", "full-close, tiered-partial", "--seeds", "2", "--out", outDir, "--duration", "25", "--baseline", "tiered-partial");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("comparing 2 design(s) × 2 seed(s) = 4 runs", output, StringComparison.Ordinal);
        Assert.Contains("baseline tiered-partial", output, StringComparison.Ordinal);
        Assert.Contains("report:", output, StringComparison.Ordinal);
        Assert.Contains($"interactive: {Path.Combine(Path.GetFullPath(outDir), "report.html")} (open in a browser; works offline)", output, StringComparison.Ordinal);
        Assert.All(output.Split('\n').Where(l => l.Contains('│', StringComparison.Ordinal)), l => Assert.True(l.Length <= 120, l));
        foreach (string file in new[] { "report.md", "statistics.csv", "differences.csv", "statistics.json", "runs.csv", "sweep.json" })
        {
            Assert.True(File.Exists(Path.Combine(outDir, file)), file);
        }

        Assert.Equal(4, Directory.GetFiles(Path.Combine(outDir, "runs"), "summary.json", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void Compare_runs_ten_seeds_by_default()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);

        var (code, output, _) = CliRun.Run("compare", scenario, "--designs", "adl", "--out", cli.Path_("cmp"), "--duration", "2", "--json", "--parallel", "2");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(10, json.RootElement.GetProperty("seeds").GetArrayLength());
    }

    [Fact]
    public void Json_prints_the_statistics_and_seeds_continue_past_the_scenario_list()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);

        var (code, output, _) = CliRun.Run("compare", scenario, "--designs", "adl,full-close", "--seeds", "3", "--out", cli.Path_("cmp"), "--duration", "10", "--json", "--parallel", "1");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal([3L, 4L, 5L], json.RootElement.GetProperty("seeds").EnumerateArray().Select(e => e.GetInt64()));
        Assert.Equal("adl", json.RootElement.GetProperty("baseline").GetString());
        Assert.Equal(2000, json.RootElement.GetProperty("bootstrap").GetProperty("resamples").GetInt32());
    }

    [Fact]
    public void A_baseline_that_is_not_a_design_run_is_a_user_error_before_anything_runs()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);

        var (code, output, error) = CliRun.Run("compare", scenario, "--designs", "full-close,adl", "--baseline", "tiered-partial", "--out", cli.Path_("cmp"));

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal("error: --baseline: 'tiered-partial' is not one of the designs run (full-close, adl)", error.Trim());
        Assert.False(Directory.Exists(cli.Path_("cmp")));
    }

    [Fact]
    public void An_unknown_design_is_a_user_error_before_anything_runs()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);

        var (code, output, error) = CliRun.Run("compare", scenario, "--designs", "full-close,nope", "--out", cli.Path_("cmp"));

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("error: --designs: unknown liquidation design 'nope'; expected one of: full-close", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cli.Path_("cmp")));
    }

    [Fact]
    public void A_scenario_with_an_empty_comparison_list_needs_designs_on_the_command_line()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario.Replace("\"seed\": 3,", "\"seed\": 3, \"comparison\": { \"designs\": [] },", StringComparison.Ordinal));

        var (code, _, error) = CliRun.Run("compare", scenario, "--out", cli.Path_("cmp"));

        Assert.Equal(2, code);
        Assert.Contains("lists no comparison.designs; name them with --designs", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--seeds", "0", "--seeds must be at least 1; got 0")]
    [InlineData("--parallel", "0", "--parallel must be at least 1; got 0")]
    [InlineData("--designs", "adl,adl", "--designs names 'adl' twice")]
    public void Impossible_options_are_user_errors(string option, string value, string message)
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);

        var (code, _, error) = CliRun.Run("compare", scenario, "--out", cli.Path_("cmp"), option, value);

        Assert.Equal(2, code);
        Assert.Equal($"error: {message}", error.Trim());
    }

    private const string HedgeComparison =
        """
        "seed": 3, "comparison": { "designs": [
          { "design": "insurance-fund", "label": "unhedged", "options": { "hedge": { "ratio": 0 } } },
          { "design": "insurance-fund", "label": "hedged", "options": { "hedge": {} } } ] },
        """;

    [Fact]
    public void Labelled_variants_of_one_design_are_compared_side_by_side_hedged_against_unhedged()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario.Replace("\"seed\": 3,", HedgeComparison, StringComparison.Ordinal));
        string outDir = cli.Path_("cmp");

        var (code, output, error) = CliRun.Run("compare", scenario, "--seeds", "2", "--out", outDir, "--duration", "25", "--json", "--parallel", "2");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["unhedged", "hedged"], json.RootElement.GetProperty("designs").EnumerateArray().Select(e => e.GetString()));
        string[] rows = File.ReadAllLines(Path.Combine(outDir, "runs.csv"));
        string[] header = rows[0].Split(',');
        int design = Array.IndexOf(header, "design");
        Assert.Contains("hedge_fund_max_drawdown_quote", header);
        Assert.Contains("hedge_costs_quote", header);
        Assert.Equal(["hedged", "hedged", "unhedged", "unhedged"], rows.Skip(1).Select(r => r.Split(',')[design]).Order(StringComparer.Ordinal));
        foreach (string summary in Directory.GetFiles(Path.Combine(outDir, "runs"), "summary.json", SearchOption.AllDirectories))
        {
            using var s = JsonDocument.Parse(File.ReadAllBytes(summary));
            Assert.Equal("insurance-fund", s.RootElement.GetProperty("run").GetProperty("design").GetString());
            Assert.True(s.RootElement.TryGetProperty("hedge", out _), summary);
        }
    }

    [Theory]
    [InlineData("\"label\": \"unhedged\"", "\"label\": \"hedged\"", "comparison.designs[0].label: 'hedged' names two comparison designs")]
    [InlineData("\"label\": \"unhedged\"", "\"label\": \"full-close\"", "comparison.designs[0].label: 'full-close' is the name of a design")]
    [InlineData("\"label\": \"unhedged\"", "\"label\": \"Un Hedged\"", "comparison.designs[0].label: must be 1 to 64 lower-case letters")]
    [InlineData("\"ratio\": 0", "\"ratio\": 2", "comparison.designs[0].options.hedge.ratio: must be in [0, 1]; got 2")]
    [InlineData("\"hedge\": {}", "\"hedge\": { \"fee\": 0.001 }", "comparison.designs[1].options.hedge.fee")]
    [InlineData("\"design\": \"insurance-fund\", \"label\": \"unhedged\"", "\"design\": \"full-close\", \"label\": \"unhedged\"", "comparison.designs[0].options.hedge: the design 'full-close' takes no positions over")]
    public void Bad_labels_and_hedge_options_are_user_errors_naming_the_field(string find, string replace, string message)
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario.Replace("\"seed\": 3,", HedgeComparison.Replace(find, replace, StringComparison.Ordinal), StringComparison.Ordinal));

        var (code, output, error) = CliRun.Run("compare", scenario, "--out", cli.Path_("cmp"));

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.False(Directory.Exists(cli.Path_("cmp")));
    }

    private const string MakerComparison =
        """
        "seed": 3, "comparison": { "designs": [
          { "design": "insurance-fund", "label": "mm-unhedged", "marketMakerHedge": { "ratio": 0 } },
          { "design": "insurance-fund", "label": "mm-hedged", "marketMakerHedge": {} } ] },
        """;

    [Fact]
    public void Makers_hedged_and_unhedged_compare_paired_and_the_hedged_makers_pnl_is_the_unhedged_plus_hedge_net()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario.Replace("\"seed\": 3,", MakerComparison, StringComparison.Ordinal));
        string outDir = cli.Path_("cmp");

        var (code, output, error) = CliRun.Run("compare", scenario, "--seeds", "2", "--out", outDir, "--duration", "25", "--json", "--parallel", "2");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["mm-unhedged", "mm-hedged"], json.RootElement.GetProperty("designs").EnumerateArray().Select(e => e.GetString()));
        string[] header = File.ReadAllLines(Path.Combine(outDir, "runs.csv"))[0].Split(',');
        Assert.Contains("mm_hedge_equity_change_quote", header);
        Assert.Contains("mm_hedge_max_drawdown_quote", header);
        Assert.Contains("mm_hedge_liquidations", header);
        Assert.DoesNotContain("hedge_costs_quote", header); // the fund does not hedge

        var blocks = new Dictionary<(string Design, long Seed), JsonElement>();
        foreach (string summary in Directory.GetFiles(Path.Combine(outDir, "runs"), "summary.json", SearchOption.AllDirectories))
        {
            using var s = JsonDocument.Parse(File.ReadAllBytes(summary));
            Assert.False(s.RootElement.TryGetProperty("hedge", out _), summary);
            var block = s.RootElement.GetProperty("market_maker_hedge").Clone();
            Assert.Equal(3, block.GetProperty("accounts").GetInt64());
            string design = block.GetProperty("notional").GetInt64() == 0 ? "mm-unhedged" : "mm-hedged"; // a ratio-0 hedge never trades
            blocks[(design, s.RootElement.GetProperty("run").GetProperty("seed").GetInt64())] = block;
        }

        foreach (long seed in new long[] { 3, 4 })
        {
            var (plain, hedged) = (blocks[("mm-unhedged", seed)], blocks[("mm-hedged", seed)]);
            Assert.True(hedged.GetProperty("costs").GetInt64() > 0);
            // The same market (the hedge venue does not touch the book): exactly, in cash units.
            Assert.Equal(
                plain.GetProperty("equity_change").GetInt64() + hedged.GetProperty("net").GetInt64(),
                hedged.GetProperty("equity_change").GetInt64());
        }
    }

    [Theory]
    [InlineData("\"marketMakerHedge\": {}", "\"marketMakerHedge\": { \"ratio\": 2 }", "comparison.designs[1].marketMakerHedge.ratio: must be in [0, 1]; got 2")]
    [InlineData("\"marketMakerHedge\": {}", "\"marketMakerHedge\": { \"fee\": 0.001 }", "comparison.designs[1].marketMakerHedge.fee")]
    [InlineData("{ \"kind\": \"market-maker\", \"count\": 3 }", "{ \"kind\": \"market-maker\", \"count\": 3, \"hedge\": { \"impactBps\": -1 } }", "agents[1].hedge.impactBps")]
    public void Bad_maker_hedges_are_user_errors_naming_the_field(string find, string replace, string message)
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario.Replace("\"seed\": 3,", MakerComparison, StringComparison.Ordinal).Replace(find, replace, StringComparison.Ordinal));

        var (code, output, error) = CliRun.Run("compare", scenario, "--out", cli.Path_("cmp"));

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }
}

public sealed class PredictiveMarginCompareTests
{
    private static string Scenario => Path.Combine(AppContext.BaseDirectory, "data", "scenarios", "predictive-margin.json");

    /// <summary>The shipped comparison runs from any working directory (the model is found beside the scenario) and reports what the mitigation did.</summary>
    [Fact]
    public void The_shipped_mitigation_comparison_runs_and_its_catalog_says_when_margins_rose()
    {
        using var cli = new CliRun();
        var (code, _, error) = CliRun.Run("compare", Scenario, "--designs", "no-mitigation,predictive-margin", "--seeds", "1", "--duration", "260", "--out", cli.Path_("cmp"));
        Assert.True(code == 0, error);

        string[] lines = File.ReadAllLines(cli.Path_("cmp", "runs.csv"));
        string[] header = lines[0].Split(',');
        int design = Array.IndexOf(header, "design"), raise = Array.IndexOf(header, "margin_first_raise_s");
        Assert.True(raise > 0, "runs.csv has the margin_changes columns");
        string[] predictive = lines.Skip(1).Select(l => l.Split(',')).Single(r => r[design] == "predictive-margin");
        string[] none = lines.Skip(1).Select(l => l.Split(',')).Single(r => r[design] == "no-mitigation");
        Assert.Equal(string.Empty, none[raise]); // no margin mitigation: no block
        // Seed 101: the model warns 1–4 s after the news and the sell at 240 s (docs/risk.md, "Predictive margin").
        Assert.InRange(double.Parse(predictive[raise], System.Globalization.CultureInfo.InvariantCulture), 240, 260);
    }

    [Fact]
    public void A_cluster_sweep_of_a_scenario_that_reads_model_files_is_refused_before_connecting()
    {
        using var cli = new CliRun();
        var (code, _, error) = CliRun.Run("sweep", Scenario, "--cluster", "redis://127.0.0.1:1", "--seeds", "1", "--duration", "5", "--out", cli.Path_("sw"));
        Assert.Equal(2, code);
        string line = Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("predictive-margin model files", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cli.Path_("sw")), "nothing written");
    }

    [Fact]
    public void A_model_file_that_is_not_there_is_a_user_error_naming_the_field_and_the_file()
    {
        using var cli = new CliRun();
        var (code, _, error) = CliRun.Run("sweep", Scenario, "--set", "comparison.designs[3].mitigations[0].options.model=gone.ensemble.json", "--seeds", "1", "--duration", "5", "--out", cli.Path_("sw"));
        Assert.Equal(2, code);
        string line = Assert.Single(error.Trim().Split('\n'));
        Assert.Contains("comparison.designs[3].mitigations[0].options.model", line, StringComparison.Ordinal);
        Assert.Contains("gone.ensemble.json", line, StringComparison.Ordinal);
    }
}
