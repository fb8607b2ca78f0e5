using Microstructure.Cli.Commands.Sweep;
using Microstructure.Cli.Tests.TestSupport;
using Microstructure.Runner.Sweeps;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.Cli.Tests.Commands.Sweep;

public sealed class SweepFileTests
{
    [Fact]
    public void A_sweep_file_runs_the_same_plan_and_keys_as_its_command_line()
    {
        using var cli = new CliRun();
        cli.WriteScenario(CliRun.SmallScenario);
        Directory.CreateDirectory(cli.Path_("sweeps"));
        string file = cli.Path_("sweeps", "s.json");
        File.WriteAllText(file, """
            // relative to this file
            {
              "scenario": "../small.json",
              "parameters": { "shocks[0].quantity": [1000, 3000], "liquidation.design": ["full-close"] },
              "designs": ["full-close", "tiered-partial"],
              "seeds": 1,
              "durationSeconds": 25,
              "keep": "summary",
              "parallel": 1,
              "out": "../ignored-because-out-is-given",
            }
            """);

        var (lineCode, _, lineError) = CliRun.Run("sweep", cli.Path_("small.json"), "--set", "shocks[0].quantity=1000,3000", "--set", "liquidation.design=full-close",
            "--designs", "full-close,tiered-partial", "--seeds", "1", "--duration", "25", "--keep", "summary", "--parallel", "2", "--out", cli.Path_("line"));
        var (fileCode, fileOutput, fileError) = CliRun.Run("sweep", "--file", file, "--out", cli.Path_("file"), "--parallel", "2");

        Assert.Equal((0, string.Empty), (lineCode, lineError));
        Assert.Equal((0, string.Empty), (fileCode, fileError));
        Assert.Contains("sweeping 2 point(s) × 2 design(s) × 1 seed(s) = 4 runs, 2 at a time", fileOutput, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cli.Path_("ignored-because-out-is-given")));
        Assert.Equal(File.ReadAllText(cli.Path_("line", SweepRunner.PlanFile)), File.ReadAllText(cli.Path_("file", SweepRunner.PlanFile)));
        Assert.Equal(RunKeys(cli.Path_("line")), RunKeys(cli.Path_("file")));
        Assert.Equal(File.ReadAllText(cli.Path_("line", SweepRunner.CatalogFile)), File.ReadAllText(cli.Path_("file", SweepRunner.CatalogFile)));
    }

    [Fact]
    public void A_sampled_sweep_file_gives_the_plan_of_its_command_line()
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);
        string file = cli.WriteScenario("""{ "scenario": "small.json", "parameters": { "shocks[0].quantity": { "low": 500, "high": 4000 } }, "sample": { "lhs": 3, "seed": 7 }, "seeds": 2 }""", "s.json");
        var loaded = ScenarioLoader.Load(scenario);

        var fromFile = SweepCommand.Plan(SweepFile.Read(file), loaded, "designs", out string? problem)!;
        var fromLine = SweepCommand.Plan(
            new SweepRequest { ScenarioPath = scenario, Parameters = [SweepCommand.ParseRange("shocks[0].quantity=500..4000")!], Sample = new LhsSample(3, 7), Seeds = 2 },
            loaded, "--designs", out _)!;

        Assert.Null(problem);
        Assert.Equal(Path.GetFullPath(fromLine.ScenarioPath), Path.GetFullPath(fromFile.ScenarioPath));
        Assert.Equal(fromLine.Parameters.Single().Path, fromFile.Parameters.Single().Path);
        Assert.Equal(fromLine.Parameters.Single().Values, fromFile.Parameters.Single().Values);
        Assert.Equal(fromLine.Sample, fromFile.Sample);
        Assert.Equal(fromLine.Designs, fromFile.Designs);
        Assert.Equal(fromLine.Seeds, fromFile.Seeds);
        Assert.Equal((fromLine.Keep, fromLine.DurationSeconds), (fromFile.Keep, fromFile.DurationSeconds));
    }

    [Fact]
    public void The_shipped_sweep_file_plans_180_runs_of_the_comparison_scenario()
    {
        string file = Path.Combine(AppContext.BaseDirectory, "data", "sweeps", "leverage-by-shock.json");
        var request = SweepFile.Read(file);
        var plan = SweepCommand.Plan(request, ScenarioLoader.Load(request.ScenarioPath), "designs", out string? problem)!;

        Assert.Null(problem);
        Assert.Equal("design-comparison.json", Path.GetFileName(plan.ScenarioPath));
        Assert.Equal(["agents[4].leverage.median", "shocks[0].relative"], plan.Parameters.Select(p => p.Path));
        Assert.Equal(["-0.004", "-0.008"], plan.Parameters[1].Values);
        Assert.Equal(180, plan.Parameters.Aggregate(1, (n, p) => n * p.Values.Count) * plan.Designs.Count * plan.Seeds.Count);
    }

    [Theory]
    [InlineData("""{ "scenario": "small.json", "desings": ["adl"] }""", "s.json: desings: unknown field; expected one of: scenario, parameters")]
    [InlineData("""{ "scenario": "small.json", "seeds": 2, "seeds": 3 }""", "s.json: seeds: is given twice")]
    [InlineData("""{ "scenario": "small.json", "parameters": { "shocks[0].quantity": [1], "shocks[0].quantity": [2] } }""", "s.json: parameters.shocks[0].quantity: is given twice")]
    [InlineData("""{ "scenario": "small.json", "parameters": { "shocks[0].quantity": 1 } }""", "s.json: parameters.shocks[0].quantity: must be a JSON array; got the number 1")]
    [InlineData("""{ "scenario": "small.json", "parameters": { "shocks[0].quantity": [] } }""", "s.json: parameters.shocks[0].quantity: must list at least one value")]
    [InlineData("""{ "scenario": "small.json", "sample": { "lhs": 3 }, "parameters": { "shocks[0].quantity": [1, 2] } }""", "s.json: parameters.shocks[0].quantity: with \"sample\" must be a range { \"low\": L, \"high\": H }")]
    [InlineData("""{ "scenario": "small.json", "sample": { "lhs": 0 } }""", "s.json: sample.lhs: must be a whole number from 1 to 100,000; got 0")]
    [InlineData("""{ "scenario": "small.json", "seeds": 1.5 }""", "s.json: seeds: must be a whole number from 1 to 1,000,000; got 1.5")]
    [InlineData("""{ "scenario": "small.json", "keep": "tapes" }""", "s.json: keep: must be summary, liquidations or all; got \"tapes\"")]
    [InlineData("""{ "scenario": "small.json", "durationSeconds": 0 }""", "s.json: durationSeconds: must be a number of seconds from 0.001")]
    [InlineData("""{ "scenario": "small.json", "designs": ["adl", "adl"] }""", "s.json: designs: names 'adl' twice")]
    [InlineData("""{ "scenario": "small.json", "designs": ["nope"] }""", "s.json: designs: unknown liquidation design 'nope'")]
    [InlineData("""{ "scenario": "small.json", "designs": [1] }""", "s.json: designs[0]: must be a non-empty string; got the number 1")]
    [InlineData("""{ "parameters": {} }""", "s.json: scenario: is required")]
    [InlineData("""{ "scenario": "small.json", }, """, "s.json:1: is not valid JSON")]
    [InlineData("""{ "scenario": "small.json", "parameters": { "agents[9].count": [1] } }""", "agents[9].count: 'agents' has 3 entries; index 9 does not exist")]
    public void A_wrong_sweep_file_is_a_one_line_user_error_naming_the_file_and_field(string json, string message)
    {
        using var cli = new CliRun();
        cli.WriteScenario(CliRun.SmallScenario);
        string file = cli.WriteScenario(json, "s.json");

        var (code, _, error) = CliRun.Run("sweep", "--file", file, "--out", cli.Path_("sw"));

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(Directory.Exists(cli.Path_("sw")));
    }

    [Theory]
    [InlineData("--designs", "adl", "--designs cannot be combined with --file")]
    [InlineData("--seeds", "3", "--seeds cannot be combined with --file")]
    [InlineData("--set", "shocks[0].quantity=1", "--set cannot be combined with --file")]
    [InlineData("--keep", "all", "--keep cannot be combined with --file")]
    [InlineData("SCENARIO", "", "give either a SCENARIO or --file")]
    public void Options_that_change_the_plan_are_refused_beside_a_sweep_file(string option, string value, string message)
    {
        using var cli = new CliRun();
        string scenario = cli.WriteScenario(CliRun.SmallScenario);
        string file = cli.WriteScenario("""{ "scenario": "small.json" }""", "s.json");
        string[] extra = option == "SCENARIO" ? [scenario] : [option, value];

        var (code, _, error) = CliRun.Run(["sweep", "--file", file, .. extra, "--out", cli.Path_("sw")]);

        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(cli.Path_("sw")));
    }

    [Fact]
    public void Neither_a_scenario_nor_a_file_says_what_to_give()
    {
        var (code, _, error) = CliRun.Run("sweep", "--seeds", "1");

        Assert.Equal(2, code);
        Assert.Contains("give a SCENARIO file (micro sweep SCENARIO --set ...) or a sweep file (micro sweep --file SWEEP.json)", error, StringComparison.Ordinal);
    }

    private static List<string> RunKeys(string sweep) =>
        [.. Directory.GetDirectories(Path.Combine(sweep, SweepRunner.RunsFolder)).Select(d => Path.GetFileName(d)!).Order(StringComparer.Ordinal)];
}
