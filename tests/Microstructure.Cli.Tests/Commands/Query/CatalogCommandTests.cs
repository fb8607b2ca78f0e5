using System.Globalization;
using System.Text.Json;
using Microstructure.Cli.Tests.TestSupport;

namespace Microstructure.Cli.Tests.Commands.Query;

/// <summary>The runs catalog every output directory holds (docs/outputs.md, "The runs catalog"), as the commands write it.</summary>
public sealed class CatalogCommandTests
{
    [Fact]
    public void A_simulate_directory_keeps_its_scenario_and_a_one_row_catalog_that_query_reads_from_the_database()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);
        Assert.Equal(0, CliRun.Run("simulate", scenario, "--duration", "10", "--out", cli.Path_("run")).Code);
        File.Delete(cli.Path_("run", "runs.csv")); // without the database, a run directory has no runs view to fall back to

        var (code, output, error) = CliRun.Run("query", cli.Path_("run"), "SELECT r.design, r.seed, r.key = t.run AS same, count(*) AS trades FROM runs r JOIN trades t ON r.key = t.run GROUP BY ALL", "--csv");

        Assert.True(code == 0, error);
        int trades = File.ReadAllLines(cli.Path_("run", "tape", "trades.csv")).Length - 1;
        Assert.Equal($"design,seed,same,trades\ninsurance-fund,3,True,{trades}\n", output.ReplaceLineEndings("\n"));
        Assert.Equal(File.ReadAllBytes(scenario), File.ReadAllBytes(cli.Path_("run", "scenario.json")));
        Assert.True(File.Exists(cli.Path_("run", "runs.parquet")));
    }

    [Fact]
    public void A_replay_with_a_population_has_a_catalog_row_of_its_recorded_run_and_views_over_both_tapes()
    {
        using var cli = new CliRun();
        string data = Path.Combine(AppContext.BaseDirectory, "data");
        Assert.Equal(0, CliRun.Run(
            "replay", "lobster",
            "--messages", Path.Combine(data, "lobster", "AAPL_2012-06-21_34200000_57600000_message_10.csv"),
            "--book", Path.Combine(data, "lobster", "AAPL_2012-06-21_34200000_57600000_orderbook_10.csv"),
            "--population", Path.Combine(data, "populations", "aapl-longs.json"),
            "--inject", Path.Combine(data, "populations", "aapl-shock.csv"),
            "--out", cli.Path_("replay")).Code);
        using var summary = JsonDocument.Parse(File.ReadAllText(cli.Path_("replay", "run", "summary.json")));

        var (code, output, error) = CliRun.Run("query", cli.Path_("replay"),
            "SELECT liquidations, (SELECT count(*) FROM replay) AS replay_rows, (SELECT count(DISTINCT liquidation_id) FROM liquidations) AS recorded FROM runs", "--json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var row = Assert.Single(json.RootElement.EnumerateArray().ToList());
        long liquidations = summary.RootElement.GetProperty("headline").GetProperty("liquidations").GetInt64();
        Assert.True(liquidations > 0);
        Assert.Equal(liquidations, row.GetProperty("liquidations").GetInt64());
        Assert.Equal(liquidations, row.GetProperty("recorded").GetInt64());
        Assert.Equal(File.ReadAllLines(cli.Path_("replay", "tape", "replay.csv")).Length - 1, row.GetProperty("replay_rows").GetInt64());
    }

    [Fact]
    public void A_compare_directory_has_the_catalog_and_every_run_keeps_the_scenario_it_ran()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);

        Assert.Equal(0, CliRun.Run("compare", scenario, "--designs", "full-close,adl", "--seeds", "1", "--duration", "5", "--out", cli.Path_("cmp")).Code);

        Assert.True(File.Exists(cli.Path_("cmp", "runs.parquet")));
        Assert.True(File.Exists(cli.Path_("cmp", "catalog.duckdb")));
        var runs = Directory.GetDirectories(cli.Path_("cmp", "runs"));
        Assert.Equal(2, runs.Length);
        var lenient = new System.Text.Json.JsonDocumentOptions { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true };
        var expected = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(scenario), null, lenient);
        foreach (string run in runs)
        {
            var kept = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(run, "scenario.json")), null, lenient);
            Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(expected, kept), run);
        }

        var (code, output, error) = CliRun.Run("query", cli.Path_("cmp"), "SELECT design FROM runs ORDER BY design", "--csv");
        Assert.True(code == 0, error);
        Assert.Equal("design\nadl\nfull-close", output.ReplaceLineEndings("\n").Trim());
    }

    [Fact]
    public void A_sweeps_parquet_catalog_has_the_csv_catalogs_rows_typed()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);
        Assert.Equal(0, CliRun.Run("sweep", scenario, "--set", "shocks[0].quantity=1000,3000", "--designs", "full-close", "--seeds", "2", "--duration", "25", "--out", cli.Path_("sw")).Code);
        string[] csv = File.ReadAllLines(cli.Path_("sw", "runs.csv"));

        var (code, output, error) = CliRun.Run("query", cli.Path_("sw"),
            "SELECT key, \"shocks[0].quantity\", seed, liquidations, typeof(\"shocks[0].quantity\") AS t FROM read_parquet('runs.parquet')", "--csv");

        Assert.True(code == 0, error);
        var rows = output.ReplaceLineEndings("\n").Trim().Split('\n').Skip(1).ToList();
        Assert.Equal(csv.Length - 1, rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            string[] expected = csv[i + 1].Split(',');
            string[] actual = rows[i].Split(',');
            Assert.Equal([expected[0], expected[1], expected[3], expected[4], "BIGINT"], actual);
        }

        Assert.Equal(4, rows.Count);
        Assert.All(rows, r => Assert.True(long.Parse(r.Split(',')[1], CultureInfo.InvariantCulture) > 0));
    }
}
