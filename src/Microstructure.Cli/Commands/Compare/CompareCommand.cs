using System.CommandLine;
using Microstructure.Cli.Output;
using Microstructure.Runner.Comparison;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.Cli.Commands.Compare;

/// <summary>
/// <c>micro compare SCENARIO --designs a,b,c [--seeds N]</c>: the scenario under each design and each seed, seeds in
/// parallel across cores, each run recorded; then a comparison (mean and spread per design) as a table, plots and
/// report.md.
/// </summary>
internal static class CompareCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="signals">Cancels the runs (SIGINT, SIGTERM).</param>
    public static Command Create(TerminationSignals signals)
    {
        var scenario = new Argument<FileInfo>("SCENARIO") { Description = "Scenario file (JSON; see docs/scenarios.md), e.g. data/scenarios/design-comparison.json." };
        var designs = new Option<string?>("--designs") { Description = $"Comma-separated design names {SharedOptions.DesignList} (default: the scenario's comparison.designs, or its own design when it has no comparison block)." };
        var seeds = new Option<int?>("--seeds") { Description = "How many seeds per design: the scenario's \"seeds\" list, continued with consecutive seeds (default: the whole list).", CustomParser = NumberParsers.Int("--seeds") };
        var output = SharedOptions.Out("the comparison (comparison/ and runs/DESIGN/seed-N/)", SharedOptions.DefaultUnderRuns("SCENARIO-compare"));
        var parallel = new Option<int?>("--parallel") { Description = "Runs at once (default: the number of cores). Results do not depend on it.", CustomParser = NumberParsers.Int("--parallel") };
        var duration = new Option<double?>("--duration") { Description = "Simulated seconds per run instead of the scenario's durationSeconds.", CustomParser = NumberParsers.Double("--duration") };
        var json = new Option<bool>("--json") { Description = "Print the comparison's summary.json instead of the table." };
        var budget = new BudgetOptions();
        var command = new Command("compare", "Run a scenario under several liquidation designs and seeds and compare them (table, box plots, report.md).");
        command.Arguments.Add(scenario);
        command.Options.Add(designs);
        command.Options.Add(seeds);
        command.Options.Add(output);
        command.Options.Add(parallel);
        command.Options.Add(duration);
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

            try
            {
                var loaded = ScenarioLoader.Load(parse.GetValue(scenario)!.ToString());
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

                var plan = new ComparisonPlan
                {
                    Scenario = loaded,
                    Designs = names,
                    Seeds = DesignComparison.SeedsFor(loaded, parse.GetValue(seeds) ?? loaded.Seeds.Count),
                    Directory = parse.GetValue(output)?.ToString() ?? RunDirectoryNames.Default(loaded.Name + "-compare", DateTime.Now),
                    MaxParallelism = parse.GetValue(parallel) ?? Environment.ProcessorCount,
                    DurationSeconds = parse.GetValue(duration),
                };
                int runs = plan.Designs.Count * plan.Seeds.Count;
                if (budget.Check(parse, loaded, plan.DurationSeconds, runs, plan.MaxParallelism, plan.Directory, stderr) is { } refused)
                {
                    return refused;
                }

                return Run(plan, parse.GetValue(json), signals, stdout, stderr);
            }
            catch (Exception e) when (SimulationErrors.UserMessage(e) is { } message)
            {
                return SimulationErrors.Report(stderr, message);
            }
        });
        return command;
    }

    private static List<string> DesignNames(string? option, Scenario scenario) => option is null
        ? [.. scenario.ComparisonDesigns.Select(d => d.Name)]
        : [.. option.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    private static int Run(ComparisonPlan plan, bool json, TerminationSignals signals, TextWriter output, TextWriter error)
    {
        int total = plan.Designs.Count * plan.Seeds.Count;
        bool interactive = Terminal.IsInteractive(output);
        if (!json && !interactive)
        {
            output.WriteLine($"comparing {plan.Designs.Count} design(s) × {plan.Seeds.Count} seed(s) = {total} runs, {plan.MaxParallelism} at a time");
        }

        ComparisonResult result;
        try
        {
            result = ProgressDisplay.Run(output, $"{plan.Scenario.Name}: {total} runs", report => DesignComparison.Run(plan, p =>
            {
                report((double)p.Completed / p.Total);
                if (!json && !interactive)
                {
                    output.WriteLine($"  [{p.Completed}/{p.Total}] {p.Design} seed {p.Seed} done");
                }
            }, signals.Token));
        }
        catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
        {
            error.WriteLine($"cancelled: finished runs, the closed tapes of interrupted ones and comparison/summary.json marked cancelled are in {Path.GetFullPath(plan.Directory)}");
            return signals.ExitCode;
        }
        if (json)
        {
            output.Write(File.ReadAllText(Path.Combine(result.Summary.Directory, "summary.json")));
            output.WriteLine();
            return ExitCodes.Ok;
        }

        Terminal.For(output).Write(ComparisonTable.Build(result.Summary));
        output.WriteLine($"runs:   {Path.Combine(Path.GetDirectoryName(result.Summary.Directory)!, DesignComparison.RunsFolder)}");
        output.WriteLine($"report: {result.ReportPath}");
        return ExitCodes.Ok;
    }
}
