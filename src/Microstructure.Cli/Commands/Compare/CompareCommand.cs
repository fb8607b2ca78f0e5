using System.CommandLine;
using Microstructure.Cli.Commands.Sweep;
using Microstructure.Cli.Output;
using Microstructure.Runner.Comparison;
using Microstructure.Runner.Sweeps;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.Cli.Commands.Compare;

/// <summary>
/// <c>micro compare SCENARIO [--designs a,b,c] [--seeds N] [--baseline NAME]</c>: the sweep with no <c>--set</c> —
/// the scenario under each design and seed (default 10), runs keyed and resumable like any sweep's, then the
/// statistics (means with bootstrap intervals, paired differences against the baseline, rankings, findings), a compact
/// table in the terminal and report.md with paired-seed plots in the directory.
/// </summary>
internal static class CompareCommand
{
    /// <summary>Seeds per design when --seeds is not given.</summary>
    public const int DefaultSeeds = 10;

    /// <summary>Builds the command.</summary>
    /// <param name="signals">Cancels the runs (SIGINT, SIGTERM); finished runs are kept for a resume.</param>
    public static Command Create(TerminationSignals signals)
    {
        var scenario = new Argument<FileInfo>("SCENARIO") { Description = "Scenario file (JSON; see docs/scenarios.md), e.g. data/scenarios/design-comparison.json." };
        var designs = new Option<string?>("--designs") { Description = $"Comma-separated design names {SharedOptions.DesignList} (default: the scenario's comparison.designs)." };
        var seeds = new Option<int?>("--seeds") { Description = $"Seeds per design: the scenario's \"seeds\" list, continued with consecutive seeds (default {DefaultSeeds}).", CustomParser = NumberParsers.Int("--seeds") };
        var baseline = new Option<string?>("--baseline") { Description = "The design differences are taken against (default: the first design)." };
        var output = SharedOptions.Out("the comparison (sweep.json, runs.csv, report.md, statistics, runs/KEY/)", SharedOptions.DefaultUnderRuns("SCENARIO-compare"), "or be an earlier start of the same compare, which then resumes");
        var parallel = new Option<int?>("--parallel") { Description = "Runs at once (default: the number of cores). Results do not depend on it.", CustomParser = NumberParsers.Int("--parallel") };
        var duration = new Option<double?>("--duration") { Description = "Simulated seconds per run instead of the scenario's durationSeconds.", CustomParser = NumberParsers.Double("--duration") };
        var keep = new Option<string>("--keep") { Description = "What each run keeps: summary, liquidations (the default: summary and the liquidation table) or all (every tape, plots)." };
        var json = new Option<bool>("--json") { Description = "Print the comparison's statistics.json instead of the table." };
        var budget = new BudgetOptions();
        var command = new Command("compare", "Run a scenario under several liquidation designs and seeds and compare them (the sweep with no --set): statistics, paired differences, report.md.");
        command.Arguments.Add(scenario);
        command.Options.Add(designs);
        command.Options.Add(seeds);
        command.Options.Add(baseline);
        command.Options.Add(output);
        command.Options.Add(parallel);
        command.Options.Add(duration);
        command.Options.Add(keep);
        command.Options.Add(json);
        budget.AddTo(command);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (SimulationErrors.CheckBatch(parse.GetValue(seeds), parse.GetValue(parallel), parse.GetValue(duration)) is { } batchProblem)
            {
                return SimulationErrors.Report(stderr, batchProblem);
            }

            if (SweepCommand.ParseKeep(parse.GetValue(keep)) is not { } keepValue)
            {
                return SimulationErrors.Report(stderr, $"--keep must be summary, liquidations or all; got '{parse.GetValue(keep)}'");
            }

            try
            {
                string path = parse.GetValue(scenario)!.ToString();
                var loaded = ScenarioLoader.Load(path);
                var names = DesignNames(parse.GetValue(designs), loaded);
                if (names.Count == 0)
                {
                    return SimulationErrors.Report(stderr,
                        $"{loaded.Source}: the scenario lists no comparison.designs; name them with --designs, e.g. --designs full-close,tiered-partial,insurance-fund");
                }

                if (SimulationErrors.CheckDesigns(names, parse.GetValue(designs) is not null, loaded) is { } designProblem)
                {
                    return SimulationErrors.Report(stderr, designProblem);
                }

                if (SweepCommand.CheckBaseline(parse.GetValue(baseline), names) is { } baselineProblem)
                {
                    return SimulationErrors.Report(stderr, baselineProblem);
                }

                var plan = new SweepPlan
                {
                    ScenarioPath = path,
                    Designs = names,
                    Baseline = parse.GetValue(baseline),
                    Seeds = DesignComparison.SeedsFor(loaded, parse.GetValue(seeds) ?? DefaultSeeds),
                    Directory = parse.GetValue(output)?.ToString() ?? RunDirectoryNames.Default(loaded.Name + "-compare", DateTime.Now),
                    MaxParallelism = parse.GetValue(parallel) ?? Environment.ProcessorCount,
                    DurationSeconds = parse.GetValue(duration),
                    Keep = keepValue,
                };
                int runs = plan.Designs.Count * plan.Seeds.Count;
                if (budget.Check(parse, loaded, plan.DurationSeconds, runs, plan.MaxParallelism, plan.Directory, stderr, plan.KeptBytesPerRun) is { } refused)
                {
                    return refused;
                }

                return SweepCommand.Run(plan, runs, parse.GetValue(json), signals, stdout, stderr);
            }
            catch (Exception e) when (SimulationErrors.UserMessage(e) is { } message)
            {
                return SimulationErrors.Report(stderr, message);
            }
        });
        return command;
    }

    private static List<string> DesignNames(string? option, Scenario scenario) => option is null
        ? [.. scenario.ComparisonNames]
        : [.. option.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}
