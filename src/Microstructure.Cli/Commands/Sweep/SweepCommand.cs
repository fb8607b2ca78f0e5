using System.CommandLine;
using System.Globalization;
using Microstructure.Cli.Output;
using Microstructure.Runner.Comparison;
using Microstructure.Runner.Sweeps;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.Cli.Commands.Sweep;

/// <summary>
/// <c>micro sweep SCENARIO --set PATH=V1,V2 [--set ...] [--designs ...] [--seeds N]</c>: the scenario at every point of
/// a grid of field values, under each design and seed, runs in parallel, each kept under a key of what it ran; a
/// catalog (runs.csv) with one row per run. Run again on the same --out, it resumes.
/// </summary>
internal static class SweepCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="signals">Cancels the runs (SIGINT, SIGTERM); finished runs are kept for a resume.</param>
    public static Command Create(TerminationSignals signals)
    {
        var scenario = new Argument<FileInfo>("SCENARIO") { Description = "Scenario file (JSON; see docs/scenarios.md), e.g. data/scenarios/leveraged-cascade.json." };
        var set = new Option<string[]>("--set")
        {
            Description = "A field and its values, PATH=V1,V2,... (PATH as errors name fields, e.g. agents[4].leverage.median or shocks[1].quantity); repeat for a grid (the product).",
            AllowMultipleArgumentsPerToken = false,
        };
        var designs = new Option<string?>("--designs") { Description = "Comma-separated design names (default: the scenario's comparison.designs, or its own design)." };
        var seeds = new Option<int?>("--seeds") { Description = "Seeds per point and design: the scenario's \"seeds\" list, continued with consecutive seeds (default 10).", CustomParser = NumberParsers.Int("--seeds") };
        var parallel = new Option<int?>("--parallel") { Description = "Runs at once (default: the number of cores). Results do not depend on it.", CustomParser = NumberParsers.Int("--parallel") };
        var duration = new Option<double?>("--duration") { Description = "Simulated seconds per run instead of the scenario's durationSeconds.", CustomParser = NumberParsers.Double("--duration") };
        var sample = new Option<string?>("--sample") { Description = "lhs:N draws N Latin-hypercube points over the --set ranges (PATH=LOW..HIGH) instead of the grid." };
        var sampleSeed = new Option<long?>("--seed") { Description = "Seed of the --sample draw (default 1).", CustomParser = NumberParsers.Long("--seed") };
        var keep = new Option<string>("--keep") { Description = "What each run keeps: summary, liquidations (the default: summary and the liquidation table) or all (every tape, plots)." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Output directory: new, empty, or an earlier start of the same sweep to resume (default: runs/SCENARIO-sweep-TIMESTAMP)." };
        var cluster = new Option<string?>("--cluster") { Description = "Run on an Orleans cluster instead of this process: localhost or redis://HOST:PORT (start silos with micro cluster silo; docs/distributed.md). The catalog is the same." };
        var clusterId = new Option<string?>("--cluster-id") { Description = "The cluster's id with --cluster (default microstructure)." };
        var budget = new BudgetOptions();
        var command = new Command("sweep", "Run a scenario over a grid of field values × designs × seeds; one catalog row per run; resumable.");
        command.Arguments.Add(scenario);
        command.Options.Add(set);
        command.Options.Add(designs);
        command.Options.Add(seeds);
        command.Options.Add(parallel);
        command.Options.Add(duration);
        command.Options.Add(sample);
        command.Options.Add(sampleSeed);
        command.Options.Add(keep);
        command.Options.Add(output);
        command.Options.Add(cluster);
        command.Options.Add(clusterId);
        budget.AddTo(command);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            if (SimulationErrors.CheckBatch(parse.GetValue(seeds), parse.GetValue(parallel), parse.GetValue(duration)) is { } batchProblem)
            {
                return SimulationErrors.Report(stderr, batchProblem);
            }

            if (ParseKeep(parse.GetValue(keep)) is not { } keepValue)
            {
                return SimulationErrors.Report(stderr, $"--keep must be summary, liquidations or all; got '{parse.GetValue(keep)}'");
            }

            string? clusterText = parse.GetValue(cluster);
            if (clusterText is null && parse.GetValue(clusterId) is not null)
            {
                return SimulationErrors.Report(stderr, "--cluster-id needs --cluster");
            }

            if (clusterText is not null)
            {
                // Cluster types are named only inside ClusterCommand: a local sweep never loads Orleans.
                if ((Cluster.ClusterCommand.CheckAddress(clusterText) ?? Cluster.ClusterCommand.CheckClusterId(parse.GetValue(clusterId), "--cluster-id")) is { } clusterProblem)
                {
                    return SimulationErrors.Report(stderr, clusterProblem);
                }

                if (keepValue == SweepKeep.All)
                {
                    return SimulationErrors.Report(stderr, "--keep all is not available with --cluster: a run's full tapes stay on the silo that ran it; use --keep liquidations (the default) or summary");
                }
            }

            LhsSample? lhs = null;
            if (parse.GetValue(sample) is { } sampleText)
            {
                if (!sampleText.StartsWith("lhs:", StringComparison.Ordinal)
                    || !int.TryParse(sampleText.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out int points) || points < 1 || points > 100_000)
                {
                    return SimulationErrors.Report(stderr, $"--sample must be lhs:N with N from 1 to 100,000 points; got '{sampleText}'");
                }

                lhs = new LhsSample(points, parse.GetValue(sampleSeed) ?? 1);
            }

            var parameters = new List<SweepParameter>();
            foreach (string text in parse.GetValue(set) ?? [])
            {
                if ((lhs is null ? ParseSet(text) : ParseRange(text)) is not { } parameter)
                {
                    return SimulationErrors.Report(stderr, lhs is null
                        ? $"--set must be PATH=V1,V2,... (e.g. agents[4].leverage.median=10,20,40; ranges LOW..HIGH need --sample lhs:N); got '{text}'"
                        : $"--set with --sample must be PATH=LOW..HIGH with numbers LOW ≤ HIGH (e.g. agents[4].leverage.median=10..40); got '{text}'");
                }

                if (parameters.Any(p => p.Path == parameter.Path))
                {
                    return SimulationErrors.Report(stderr, $"--set names '{parameter.Path}' twice");
                }

                parameters.Add(parameter);
            }

            try
            {
                string path = parse.GetValue(scenario)!.ToString();
                var loaded = ScenarioLoader.Load(path);
                var names = parse.GetValue(designs) is { } list
                    ? [.. list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]
                    : loaded.ComparisonDesigns.Count > 0 ? [.. loaded.ComparisonDesigns.Select(d => d.Name)] : new List<string> { loaded.Design.Name };
                if (SimulationErrors.CheckDesigns(names, parse.GetValue(designs) is not null, loaded) is { } designProblem)
                {
                    return SimulationErrors.Report(stderr, designProblem);
                }

                var plan = new SweepPlan
                {
                    ScenarioPath = path,
                    Parameters = parameters,
                    Designs = names,
                    Seeds = DesignComparison.SeedsFor(loaded, parse.GetValue(seeds) ?? 10),
                    Directory = parse.GetValue(output)?.ToString() ?? RunDirectoryNames.Default(loaded.Name + "-sweep", DateTime.Now),
                    MaxParallelism = parse.GetValue(parallel) ?? Environment.ProcessorCount,
                    DurationSeconds = parse.GetValue(duration),
                    Keep = keepValue,
                    Sample = lhs,
                };
                int points = lhs?.Points ?? parameters.Aggregate(1, (n, p) => n * p.Values.Count);
                int runs = points * names.Count * plan.Seeds.Count;
                // On a cluster no run is in this process: its memory is one run's at most (the disk estimate still holds).
                if (budget.Check(parse, loaded, plan.DurationSeconds, runs, clusterText is null ? plan.MaxParallelism : 1, plan.Directory, stderr) is { } refused)
                {
                    return refused;
                }

                return Run(plan, runs, clusterText, parse.GetValue(clusterId), signals, stdout, stderr);
            }
            catch (Exception e) when (SimulationErrors.UserMessage(e) is { } message)
            {
                return SimulationErrors.Report(stderr, message);
            }
        });
        return command;
    }

    /// <summary>PATH=V1,V2,... as a parameter, or null when it is not of that shape.</summary>
    internal static SweepParameter? ParseSet(string text)
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == text.Length - 1)
        {
            return null;
        }

        string[] values = text[(equals + 1)..].Split(',', StringSplitOptions.TrimEntries);
        return values.Any(v => v.Length == 0 || v.Contains("..", StringComparison.Ordinal)) ? null : new SweepParameter(text[..equals].Trim(), values);
    }

    /// <summary>PATH=LOW..HIGH (numbers, LOW ≤ HIGH) as a sampled range, or null.</summary>
    internal static SweepParameter? ParseRange(string text)
    {
        int equals = text.IndexOf('=', StringComparison.Ordinal);
        string[] bounds = equals > 0 ? text[(equals + 1)..].Split("..", StringSplitOptions.TrimEntries) : [];
        return bounds.Length == 2
            && double.TryParse(bounds[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double low)
            && double.TryParse(bounds[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double high)
            && double.IsFinite(low) && double.IsFinite(high) && low <= high
                ? new SweepParameter(text[..equals].Trim(), bounds)
                : null;
    }

    private static SweepKeep? ParseKeep(string? text) => (text ?? "liquidations") switch
    {
        "summary" => SweepKeep.Summary,
        "liquidations" => SweepKeep.Liquidations,
        "all" => SweepKeep.All,
        _ => null,
    };

    private static int Run(SweepPlan plan, int runs, string? cluster, string? clusterId, TerminationSignals signals, TextWriter output, TextWriter error)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"sweeping {runs / (plan.Designs.Count * plan.Seeds.Count)} point(s) × {plan.Designs.Count} design(s) × {plan.Seeds.Count} seed(s) = {runs} runs, {plan.MaxParallelism} at a time{(cluster is null ? string.Empty : $" on the cluster {cluster}")}"));
        SweepResult? result;
        try
        {
            result = ProgressDisplay.Run(output, $"sweep: {runs} runs", report => cluster is null
                ? SweepRunner.Run(plan, p => report((double)p.Completed / p.Total), signals.Token)
                : Cluster.ClusterCommand.RunSweep(plan, cluster, clusterId, p => report((double)p.Completed / p.Total), error, signals.Token));
        }
        catch (Exception e) when (signals.Token.IsCancellationRequested && e is OperationCanceledException or AggregateException)
        {
            error.WriteLine($"cancelled: finished runs are kept in {Path.GetFullPath(plan.Directory)}; run the same command again to resume");
            return signals.ExitCode;
        }

        if (result is null)
        {
            return ExitCodes.UserError; // the cluster's one-line error is written
        }

        if (result.Resumed > 0)
        {
            output.WriteLine($"resumed: {result.Resumed} of {result.Runs} runs were already done and were not run again");
        }

        output.WriteLine($"catalog: {result.CatalogPath}");
        output.WriteLine($"runs:    {Path.Combine(result.Directory, SweepRunner.RunsFolder)}");
        return ExitCodes.Ok;
    }
}
