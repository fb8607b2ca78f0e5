using System.CommandLine;
using Microstructure.Runner.Budget;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.Cli.Commands;

/// <summary>
/// <c>--max-disk</c> and <c>--force</c> of simulate and compare, and the check they feed: before a run starts, its
/// estimate (<see cref="RunEstimate"/>) must fit the process's memory, the free disk and the disk budget, or the command
/// refuses with exit 2 and the estimate. Long runs show their estimate before they start.
/// </summary>
internal sealed class BudgetOptions
{
    private readonly Option<double?> _maxDisk = new("--max-disk")
    {
        Description = "Refuse to start when the run is estimated to write more than this (e.g. 20G, 500MB; default: the free space under --out).",
        CustomParser = NumberParsers.Bytes("--max-disk"),
    };

    private readonly Option<bool> _force = new("--force")
    {
        Description = "Start even when the estimate exceeds the memory, the free disk or --max-disk.",
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(_maxDisk);
        command.Options.Add(_force);
    }

    /// <summary>
    /// Estimates the runs and checks them; returns the exit code to stop with (the message written), or null to go on.
    /// </summary>
    /// <param name="parse">The command's parse (for --max-disk and --force).</param>
    /// <param name="scenario">The scenario as loaded.</param>
    /// <param name="durationSeconds">Simulated seconds per run, or null for the scenario's.</param>
    /// <param name="runs">Runs in all.</param>
    /// <param name="parallel">Runs at once in this process.</param>
    /// <param name="outputDirectory">Where the runs are written (its free disk counts).</param>
    /// <param name="error">Where the refusal or the estimate is written.</param>
    /// <param name="keptBytesPerRun">What a pruned run keeps (a sweep's --keep), or null when runs keep everything.</param>
    public int? Check(ParseResult parse, Scenario scenario, double? durationSeconds, int runs, int parallel, string outputDirectory, TextWriter error, double? keptBytesPerRun = null)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(error);
        var estimate = RunEstimate.For(scenario, durationSeconds ?? scenario.Definition.DurationSeconds, runs, parallel, keptBytesPerRun);
        return Check(estimate, MachineResources.For(outputDirectory), parse.GetValue(_maxDisk), parse.GetValue(_force), error);
    }

    /// <summary>The check itself, on given resources (tests pass small ones).</summary>
    internal static int? Check(RunEstimate estimate, MachineResources machine, double? maxDiskBytes, bool force, TextWriter error)
    {
        if (RunBudget.Problem(estimate, machine, maxDiskBytes) is { } problem)
        {
            if (!force)
            {
                return SimulationErrors.Report(error, problem);
            }

            error.WriteLine($"warning (--force): {problem}");
        }
        else if (estimate.WallTime > RunBudget.ShowEstimateAbove)
        {
            error.WriteLine($"estimate: {estimate.Describe()}");
        }

        return null;
    }
}
