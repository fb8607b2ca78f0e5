using System.Text.Json;
using Microstructure.Cli.Tests.TestSupport;

namespace Microstructure.Cli.Tests.Commands.Sweep;

public sealed class QueryCommandTests
{
    [Fact]
    public void A_sweeps_catalog_and_kept_liquidation_tapes_are_queried_together_with_sql()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);
        Assert.Equal(0, CliRun.Run("sweep", scenario, "--set", "shocks[0].quantity=1000,3000", "--designs", "full-close", "--seeds", "2", "--duration", "25", "--out", cli.Path_("sw")).Code);
        string[] catalog = File.ReadAllLines(cli.Path_("sw", "runs.csv"));
        long liquidations = catalog.Skip(1).Sum(l => long.Parse(l.Split(',')[5], System.Globalization.CultureInfo.InvariantCulture));

        var (code, output, error) = CliRun.Run("query", cli.Path_("sw"),
            "SELECT (SELECT count(*) FROM runs) AS runs, (SELECT count(DISTINCT liquidation_id) FROM liquidation_events l JOIN runs r ON r.key = l.run) AS liquidations", "--json");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        using var json = JsonDocument.Parse(output);
        var row = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal(4, row.GetProperty("runs").GetInt64());
        Assert.Equal(liquidations, row.GetProperty("liquidations").GetInt64());
    }

    [Fact]
    public void A_run_directorys_tapes_are_views_and_csv_prints_plain_rows()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);
        Assert.Equal(0, CliRun.Run("simulate", scenario, "--duration", "10", "--out", cli.Path_("run")).Code);
        int trades = File.ReadAllLines(cli.Path_("run", "tape", "trades.csv")).Length - 1;

        var (code, output, _) = CliRun.Run("query", cli.Path_("run"), "SELECT count(*) AS n FROM trades", "--csv");

        Assert.Equal(0, code);
        Assert.Equal($"n\n{trades}\n", output.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("SELEC 1", "error: query: Parser Error: syntax error at or near \"SELEC\"")]
    [InlineData("SELECT * FROM nowhere", "error: query: Catalog Error: Table with name nowhere does not exist!")]
    public void A_bad_query_is_a_one_line_user_error_with_duckdbs_message(string sql, string message)
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);
        Assert.Equal(0, CliRun.Run("simulate", scenario, "--duration", "5", "--out", cli.Path_("run")).Code);

        var (code, _, error) = CliRun.Run("query", cli.Path_("run"), sql);

        Assert.Equal(2, code);
        Assert.Equal(message, error.Trim());
    }

    [Fact]
    public void A_directory_without_runs_is_a_user_error()
    {
        using var cli = new CliRun();

        var (code, _, error) = CliRun.Run("query", cli.Folder, "SELECT 1");

        Assert.Equal(2, code);
        Assert.Contains("no catalog (runs.csv) or tapes to query", error, StringComparison.Ordinal);
    }
}
