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
    [InlineData("--set", "nonsense", "--set must be PATH=V1,V2,... (e.g. agents[4].leverage.median=10,20,40; ranges LOW..HIGH need --sample lhs:N); got 'nonsense'")]
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

public sealed class SweepSampleTests
{
    [Fact]
    public void Lhs_draws_the_asked_points_over_the_ranges_into_the_catalog()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);

        var (code, output, error) = CliRun.Run("sweep", scenario, "--set", "shocks[0].quantity=500..4000", "--sample", "lhs:3", "--seed", "7",
            "--designs", "full-close", "--seeds", "1", "--duration", "25", "--out", cli.Path_("sw"));

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("= 3 runs", output, StringComparison.Ordinal);
        var quantities = File.ReadAllLines(cli.Path_("sw", "runs.csv")).Skip(1).Select(l => int.Parse(l.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(3, quantities.Count);
        Assert.All(quantities, q => Assert.InRange(q, 500, 4000));
        Assert.True(quantities[0] < 1667 && quantities[1] is >= 1666 and < 2834 && quantities[2] >= 2833, string.Join(",", quantities));
    }

    [Theory]
    [InlineData("lhs:0", "shocks[0].quantity=1..2", "--sample must be lhs:N with N from 1 to 100,000 points; got 'lhs:0'")]
    [InlineData("grid", "shocks[0].quantity=1..2", "--sample must be lhs:N")]
    [InlineData("lhs:4", "shocks[0].quantity=5..1", "--set with --sample must be PATH=LOW..HIGH with numbers LOW ≤ HIGH")]
    [InlineData("lhs:4", "shocks[0].quantity=1,2", "--set with --sample must be PATH=LOW..HIGH")]
    public void Bad_samples_are_user_errors(string sample, string set, string message)
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);

        var (code, _, error) = CliRun.Run("sweep", scenario, "--set", set, "--sample", sample, "--out", cli.Path_("sw"));

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_range_without_sample_says_it_needs_one()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);

        var (code, _, error) = CliRun.Run("sweep", scenario, "--set", "shocks[0].quantity=1..2", "--out", cli.Path_("sw"));

        Assert.Equal(2, code);
        Assert.Contains("ranges LOW..HIGH need --sample lhs:N", error, StringComparison.Ordinal);
    }
}
