using Microstructure.Cli.Tests.TestSupport;

namespace Microstructure.Cli.Tests.Commands.Sweep;

public sealed class SweepCommandTests
{
    [Fact]
    public void A_sweep_writes_one_catalog_row_per_run_and_a_second_start_resumes_without_running_again()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);
        string[] args = ["sweep", scenario, "--set", "shocks[0].quantity=1000,3000", "--designs", "full-close", "--seeds", "2", "--duration", "25", "--out", cli.Path_("sw")];

        var (code, output, error) = CliRun.Run(args);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("sweeping 2 point(s) × 1 design(s) × 2 seed(s) = 4 runs", output, StringComparison.Ordinal);
        Assert.Equal(5, File.ReadAllLines(cli.Path_("sw", "runs.csv")).Length);
        string catalog = File.ReadAllText(cli.Path_("sw", "runs.csv"));

        var (again, againOutput, _) = CliRun.Run(args);

        Assert.Equal(0, again);
        Assert.Contains("resumed: 4 of 4 runs were already done", againOutput, StringComparison.Ordinal);
        Assert.Equal(catalog, File.ReadAllText(cli.Path_("sw", "runs.csv")));
    }

    [Theory]
    [InlineData("--set", "nonsense", "--set must be PATH=V1,V2,... (e.g. agents[4].leverage.median=10,20,40); got 'nonsense'")]
    [InlineData("--set", "shocks[0].quantity=1,,2", "--set must be PATH=V1,V2,...")]
    [InlineData("--keep", "tapes", "--keep must be summary, liquidations or all; got 'tapes'")]
    [InlineData("--set", "agents[9].count=1", "small.json: agents[9].count: 'agents' has 3 entries; index 9 does not exist")]
    [InlineData("--set", "agents[0].count=-1", "small.json with --set agents[0].count=-1: agents[0].count: must be in [0, 1000000]; got -1")]
    [InlineData("--designs", "nope", "--designs: unknown liquidation design 'nope'")]
    public void Bad_sweep_options_are_one_line_user_errors_and_nothing_runs(string option, string value, string message)
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);

        var (code, _, error) = CliRun.Run("sweep", scenario, option, value, "--seeds", "1", "--out", cli.Path_("sw"));

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(cli.Path_("sw", "runs.csv")));
    }
}
