using System.CommandLine;
using System.Diagnostics;
using Microstructure.Analysis.Recording;
using Microstructure.Cli.Output;
using Microstructure.Runner.Catalog;
using Microstructure.Runner.Recording;
using Microstructure.Simulation.Kernel;
using Microstructure.Simulation.Running;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.Cli.Commands.Simulate;

/// <summary>
/// <c>micro simulate SCENARIO</c>: one run of a scenario, recorded into a run directory (tape, analysis, plots,
/// summary.json, report.md); prints a summary table (or, with <c>--json</c>, summary.json) and where the report is.
/// </summary>
internal static class SimulateCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="signals">Cancels the run (SIGINT, SIGTERM).</param>
    public static Command Create(TerminationSignals signals)
    {
        var scenario = new Argument<FileInfo>("SCENARIO") { Description = "Scenario file (JSON; see docs/scenarios.md), e.g. data/scenarios/leveraged-cascade.json." };
        var seed = new Option<long?>("--seed") { Description = "Seed of the run (default: the scenario's \"seed\").", CustomParser = NumberParsers.Long("--seed") };
        var output = SharedOptions.Out("the run (tapes, analysis, plots, summary.json, report.md)", SharedOptions.DefaultUnderRuns("SCENARIO"));
        var json = new Option<bool>("--json") { Description = "Print summary.json instead of the table." };
        var design = new Option<string?>("--design") { Description = $"Liquidation design to use instead of the scenario's {SharedOptions.DesignList}." };
        var duration = new Option<double?>("--duration") { Description = "Simulated seconds to run instead of the scenario's durationSeconds.", CustomParser = NumberParsers.Double("--duration") };
        var pipelined = new Option<bool>("--pipelined") { Description = "Run the exchange on its own thread behind the ring buffers (same results as the default direct mode)." };
        var budget = new BudgetOptions();
        var command = new Command("simulate", "Run a scenario once and write its run directory: tapes, cascades, price impact, plots and report.md.");
        command.Arguments.Add(scenario);
        command.Options.Add(seed);
        command.Options.Add(output);
        command.Options.Add(json);
        command.Options.Add(design);
        command.Options.Add(duration);
        command.Options.Add(pipelined);
        budget.AddTo(command);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (SimulationErrors.CheckDuration(parse.GetValue(duration)) is { } durationProblem)
            {
                return SimulationErrors.Report(stderr, durationProblem);
            }

            try
            {
                return Run(
                    parse,
                    budget,
                    parse.GetValue(scenario)!.ToString(),
                    new RunOptions
                    {
                        Seed = parse.GetValue(seed),
                        Design = parse.GetValue(design),
                        DurationSeconds = parse.GetValue(duration),
                        Mode = parse.GetValue(pipelined) ? KernelMode.Pipelined : KernelMode.Direct,
                    },
                    parse.GetValue(output)?.ToString(),
                    parse.GetValue(json),
                    signals,
                    stdout,
                    stderr);
            }
            catch (Exception e) when (SimulationErrors.UserMessage(e) is { } message)
            {
                return SimulationErrors.Report(stderr, message);
            }
        });
        return command;
    }

    private static int Run(ParseResult parse, BudgetOptions budget, string scenarioPath, RunOptions options, string? outDirectory, bool json, TerminationSignals signals, TextWriter output, TextWriter error)
    {
        Scenario scenario = ScenarioLoader.Load(scenarioPath);
        if (options.Design is { } design && SimulationErrors.UnknownDesign(scenario, [design]) is { } designProblem)
        {
            return SimulationErrors.Report(error, $"--design: {designProblem}");
        }

        string directory = outDirectory ?? RunDirectoryNames.Default(scenario.Name, DateTime.Now);
        if (budget.Check(parse, scenario, options.DurationSeconds, runs: 1, parallel: 1, directory, error) is { } refused)
        {
            return refused;
        }

        using var run = new SimulationRun(scenario, options);
        var clock = Stopwatch.StartNew();
        RunSummary summary;
        try
        {
            summary = ProgressDisplay.Run(
                output,
                $"{scenario.Name} · {options.Design ?? run.Info.DesignName} · seed {run.Info.Seed}",
                report => RecordedSimulation.Execute(run, directory, progress: p => report(p.Fraction), cancellationToken: signals.Token));
        }
        catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
        {
            error.WriteLine($"cancelled: the tapes (closed, readable) and summary.json marked cancelled are in {Path.GetFullPath(directory)}");
            return signals.ExitCode;
        }

        clock.Stop();
        // A comparison entry's label (--design fund-hedged) names the run in its catalog row, as in a compare's.
        RunCatalog.WriteSimulation(summary.Directory, scenarioPath, options.Design ?? run.Info.DesignName, run.Info.Seed, options.DurationSeconds, run.Scenario.ModelDigest);
        if (json)
        {
            output.Write(File.ReadAllText(Path.Combine(summary.Directory, "summary.json")));
            output.WriteLine();
            return ExitCodes.Ok;
        }

        var console = Terminal.For(output);
        console.Write(RunSummaryTable.Build(summary, clock.Elapsed));
        output.WriteLine($"run directory: {summary.Directory}");
        output.WriteLine($"report:        {Path.Combine(summary.Directory, "report.md")}");
        string html = Path.Combine(summary.Directory, "report.html");
        if (File.Exists(html))
        {
            output.WriteLine($"interactive:   {html} (open in a browser; works offline)");
        }

        return ExitCodes.Ok;
    }
}
