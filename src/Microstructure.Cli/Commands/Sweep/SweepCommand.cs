using System.CommandLine;
using System.Globalization;
using Microstructure.Analysis.Sweeps;
using Microstructure.Cli.Output;
using Microstructure.Runner.Comparison;
using Microstructure.Runner.Sweeps;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.Cli.Commands.Sweep;

/// <summary>
/// <c>micro sweep SCENARIO --set PATH=V1,V2 [--set ...] [--designs ...] [--seeds N]</c>: the scenario at every point of
/// a grid of field values, under each design and seed, runs in parallel, each kept under a key of what it ran; a
/// catalog (runs.csv) with one row per run. Run again on the same --out, it resumes. <c>micro sweep --file SWEEP.json</c>
/// reads the same from a sweep file (<see cref="SweepFile"/>) and runs the same plan (<see cref="Plan"/>).
/// </summary>
internal static class SweepCommand
{
    /// <summary>Builds the command.</summary>
    /// <param name="signals">Cancels the runs (SIGINT, SIGTERM); finished runs are kept for a resume.</param>
    public static Command Create(TerminationSignals signals)
    {
        var scenario = new Argument<FileInfo?>("SCENARIO") { Description = "Scenario file (JSON; see docs/scenarios.md), e.g. data/scenarios/leveraged-cascade.json; or leave it out and give --file.", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<FileInfo?>("--file") { Description = "A sweep file (JSON; see docs/outputs.md, e.g. data/sweeps/leverage-by-shock.json) holding the scenario and these options, instead of SCENARIO and them; --out and --parallel beside it override the file's." };
        var set = new Option<string[]>("--set")
        {
            Description = "A field and its values, PATH=V1,V2,... (PATH as errors name fields, e.g. agents[4].leverage.median or shocks[1].quantity); repeat for a grid (the product).",
            AllowMultipleArgumentsPerToken = false,
        };
        var designs = new Option<string?>("--designs") { Description = $"Comma-separated design names {SharedOptions.DesignList} (default: the scenario's comparison.designs, or its own design)." };
        var seeds = new Option<int?>("--seeds") { Description = "Seeds per point and design: the scenario's \"seeds\" list, continued with consecutive seeds (default 10).", CustomParser = NumberParsers.Int("--seeds") };
        var parallel = new Option<int?>("--parallel") { Description = "Runs at once (default: the number of cores). Results do not depend on it.", CustomParser = NumberParsers.Int("--parallel") };
        var duration = new Option<double?>("--duration") { Description = "Simulated seconds per run instead of the scenario's durationSeconds.", CustomParser = NumberParsers.Double("--duration") };
        var sample = new Option<string?>("--sample") { Description = "lhs:N draws N Latin-hypercube points over the --set ranges (PATH=LOW..HIGH) instead of the grid." };
        var sampleSeed = new Option<long?>("--seed") { Description = "Seed of the --sample draw (default 1).", CustomParser = NumberParsers.Long("--seed") };
        var keep = new Option<string>("--keep") { Description = "What each run keeps: summary, liquidations (the default: summary and the liquidation table) or all (every tape, plots)." };
        var baseline = new Option<string?>("--baseline") { Description = "The design differences are taken against (default: the first design)." };
        var output = SharedOptions.Out("the sweep (sweep.json, runs.csv, runs/KEY/)", SharedOptions.DefaultUnderRuns("SCENARIO-sweep"), "or be an earlier start of the same sweep, which then resumes");
        var cluster = new Option<string?>("--cluster") { Description = "Run on an Orleans cluster instead of this process: localhost or redis://HOST:PORT (start silos with micro cluster silo; docs/distributed.md). The catalog is the same." };
        var clusterId = new Option<string?>("--cluster-id") { Description = "The cluster's id with --cluster (default microstructure)." };
        var sharedDir = new Option<DirectoryInfo?>("--shared-dir") { Description = "With --cluster and --keep all: an existing directory every silo and this process see at the same path (a network share); the runs' full tapes travel through it." };
        var budget = new BudgetOptions();
        var command = new Command("sweep", "Run a scenario over a grid of field values × designs × seeds; one catalog row per run; resumable.");
        command.Arguments.Add(scenario);
        command.Options.Add(file);
        command.Options.Add(set);
        command.Options.Add(designs);
        command.Options.Add(seeds);
        command.Options.Add(parallel);
        command.Options.Add(duration);
        command.Options.Add(sample);
        command.Options.Add(sampleSeed);
        command.Options.Add(keep);
        command.Options.Add(baseline);
        command.Options.Add(output);
        command.Options.Add(cluster);
        command.Options.Add(clusterId);
        command.Options.Add(sharedDir);
        budget.AddTo(command);
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            try
            {
                var request = parse.GetValue(file) is { } sweepFile
                    ? FromFile(parse, sweepFile.ToString(), scenario, [set, designs, seeds, duration, sample, sampleSeed, keep], parallel, output, out string? problem)
                    : FromCommandLine(parse, scenario, set, designs, seeds, parallel, duration, sample, sampleSeed, keep, output, out problem);
                if (request is null)
                {
                    return SimulationErrors.Report(stderr, problem!);
                }

                var loaded = ScenarioLoader.Load(request.ScenarioPath);
                var plan = Plan(request, loaded, parse.GetValue(file) is { } f ? $"{f}: designs" : "--designs", out problem);
                if (plan is null)
                {
                    return SimulationErrors.Report(stderr, problem!);
                }

                if (CheckBaseline(parse.GetValue(baseline), plan.Designs) is { } baselineProblem)
                {
                    return SimulationErrors.Report(stderr, baselineProblem);
                }

                plan = plan with { Baseline = parse.GetValue(baseline) };
                string? clusterText = parse.GetValue(cluster);
                string? shared = parse.GetValue(sharedDir)?.FullName;
                if (CheckCluster(clusterText, parse.GetValue(clusterId), plan.Keep, shared) is { } clusterProblem)
                {
                    return SimulationErrors.Report(stderr, clusterProblem);
                }

                if (clusterText is not null && loaded.ModelDigest.Length > 0)
                {
                    // A silo gets the scenario's text, not the model files beside it: refuse rather than run another model.
                    return SimulationErrors.Report(stderr, $"{request.ScenarioPath} reads predictive-margin model files, which the silos do not get; run it without --cluster");
                }

                int points = plan.Sample?.Points ?? plan.Parameters.Aggregate(1, (n, p) => n * p.Values.Count);
                int runs = points * plan.Designs.Count * plan.Seeds.Count;
                // On a cluster no run is in this process: its memory is one run's at most (the disk estimate still holds).
                if (budget.Check(parse, loaded, plan.DurationSeconds, runs, clusterText is null ? plan.MaxParallelism : 1, plan.Directory, stderr, plan.KeptBytesPerRun) is { } refused)
                {
                    return refused;
                }

                return Run(plan, runs, json: false, signals, stdout, stderr, clusterText, parse.GetValue(clusterId), shared);
            }
            catch (Exception e) when (SimulationErrors.UserMessage(e) is { } message)
            {
                return SimulationErrors.Report(stderr, message);
            }
        });
        return command;
    }

    /// <summary>
    /// The plan of a request (from the command line or a sweep file, the same either way), or null with the problem:
    /// the designs (<paramref name="designsLabel"/> names where they came from) and the seeds the scenario continues.
    /// </summary>
    internal static SweepPlan? Plan(SweepRequest request, Scenario loaded, string designsLabel, out string? problem)
    {
        var names = request.Designs is { } list
            ? list
            : loaded.ComparisonDesigns.Count > 0 ? [.. loaded.ComparisonNames] : [loaded.Design.Name];
        problem = request.Designs is null ? null
            : names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice ? $"{designsLabel} names '{twice.Key}' twice"
            : SimulationErrors.UnknownDesign(loaded, names) is { } unknown ? $"{designsLabel}: {unknown}"
            : null;
        return problem is not null ? null : new SweepPlan
        {
            ScenarioPath = request.ScenarioPath,
            Parameters = request.Parameters,
            Designs = names,
            Seeds = DesignComparison.SeedsFor(loaded, request.Seeds ?? 10),
            Directory = request.Out ?? RunDirectoryNames.Default(loaded.Name + "-sweep", DateTime.Now),
            MaxParallelism = request.Parallel ?? Environment.ProcessorCount,
            DurationSeconds = request.DurationSeconds,
            Keep = request.Keep,
            Sample = request.Sample,
        };
    }

    /// <summary>
    /// The request of a sweep file. The file holds the plan: SCENARIO and the options that change what runs are
    /// refused beside it; --out and --parallel (where and how fast, not what) override the file's.
    /// </summary>
    private static SweepRequest? FromFile(ParseResult parse, string path, Argument<FileInfo?> scenario, Option[] planOptions, Option<int?> parallel, Option<DirectoryInfo?> output, out string? problem)
    {
        if (parse.GetValue(scenario) is not null)
        {
            problem = $"give either a SCENARIO or --file {path}, not both (the sweep file names its scenario)";
            return null;
        }

        if (planOptions.FirstOrDefault(o => parse.GetResult(o) is not null) is { } given)
        {
            problem = $"{given.Name} cannot be combined with --file: {path} holds the plan (edit it, or use the command-line form); only --out, --parallel, --baseline and the budget options go beside it";
            return null;
        }

        problem = null;
        var request = SweepFile.Read(path);
        return request with
        {
            Parallel = parse.GetValue(parallel) ?? request.Parallel,
            Out = parse.GetValue(output)?.ToString() ?? request.Out,
        };
    }

    private static SweepRequest? FromCommandLine(
        ParseResult parse, Argument<FileInfo?> scenario, Option<string[]> set, Option<string?> designs, Option<int?> seeds, Option<int?> parallel,
        Option<double?> duration, Option<string?> sample, Option<long?> sampleSeed, Option<string> keep, Option<DirectoryInfo?> output, out string? problem)
    {
        if (parse.GetValue(scenario) is not { } scenarioFile)
        {
            problem = "give a SCENARIO file (micro sweep SCENARIO --set ...) or a sweep file (micro sweep --file SWEEP.json)";
            return null;
        }

        if (SimulationErrors.CheckBatch(parse.GetValue(seeds), parse.GetValue(parallel), parse.GetValue(duration)) is { } batchProblem)
        {
            problem = batchProblem;
            return null;
        }

        if (ParseKeep(parse.GetValue(keep)) is not { } keepValue)
        {
            problem = $"--keep must be summary, liquidations or all; got '{parse.GetValue(keep)}'";
            return null;
        }

        LhsSample? lhs = null;
        if (parse.GetValue(sample) is { } sampleText)
        {
            if (!sampleText.StartsWith("lhs:", StringComparison.Ordinal)
                || !int.TryParse(sampleText.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out int points) || points < 1 || points > 100_000)
            {
                problem = $"--sample must be lhs:N with N from 1 to 100,000 points; got '{sampleText}'";
                return null;
            }

            lhs = new LhsSample(points, parse.GetValue(sampleSeed) ?? 1);
        }

        var parameters = new List<SweepParameter>();
        foreach (string text in parse.GetValue(set) ?? [])
        {
            if ((lhs is null ? ParseSet(text) : ParseRange(text)) is not { } parameter)
            {
                problem = lhs is null
                    ? $"--set must be PATH=V1,V2,... (e.g. agents[4].leverage.median=10,20,40; ranges LOW..HIGH need --sample lhs:N); got '{text}'"
                    : $"--set with --sample must be PATH=LOW..HIGH with numbers LOW ≤ HIGH (e.g. agents[4].leverage.median=10..40); got '{text}'";
                return null;
            }

            if (parameters.Any(p => p.Path == parameter.Path))
            {
                problem = $"--set names '{parameter.Path}' twice";
                return null;
            }

            parameters.Add(parameter);
        }

        problem = null;
        return new SweepRequest
        {
            ScenarioPath = scenarioFile.ToString(),
            Parameters = parameters,
            Designs = parse.GetValue(designs) is { } list ? [.. list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] : null,
            Seeds = parse.GetValue(seeds),
            Parallel = parse.GetValue(parallel),
            DurationSeconds = parse.GetValue(duration),
            Sample = lhs,
            Keep = keepValue,
            Out = parse.GetValue(output)?.ToString(),
        };
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

    internal static SweepKeep? ParseKeep(string? text) => (text ?? "liquidations") switch
    {
        "summary" => SweepKeep.Summary,
        "liquidations" => SweepKeep.Liquidations,
        "all" => SweepKeep.All,
        _ => null,
    };

    /// <summary>
    /// The --cluster / --cluster-id check: null when they are usable (or not given), else the message. Cluster types
    /// are named only inside ClusterCommand, so a local sweep never loads Orleans.
    /// </summary>
    private static string? CheckCluster(string? cluster, string? clusterId, SweepKeep keep, string? sharedDir)
    {
        if (cluster is null)
        {
            return clusterId is not null ? "--cluster-id needs --cluster" : sharedDir is not null ? "--shared-dir needs --cluster (and --keep all)" : null;
        }

        return Cluster.ClusterCommand.CheckAddress(cluster) ?? Cluster.ClusterCommand.CheckClusterId(clusterId, "--cluster-id")
            ?? (keep, sharedDir) switch
            {
                (SweepKeep.All, null) => "--keep all with --cluster needs --shared-dir DIR, a directory every silo and this machine see at the same path: a run's full tapes are not shipped back (or use --keep liquidations, the default, or summary)",
                (not SweepKeep.All, not null) => "--shared-dir is used only with --keep all",
                (_, not null) when !Directory.Exists(sharedDir) => $"--shared-dir {sharedDir}: no such directory (create it on a share every silo mounts at the same path)",
                _ => null,
            };
    }

    /// <summary>
    /// Runs a sweep (a compare is one without parameters) here or, with <paramref name="cluster"/>, on an Orleans
    /// cluster, and prints its summary table, or with <paramref name="json"/> only its statistics.json.
    /// </summary>
    internal static int Run(SweepPlan plan, int runs, bool json, TerminationSignals signals, TextWriter output, TextWriter error, string? cluster = null, string? clusterId = null, string? sharedDir = null)
    {
        if (!json)
        {
            output.WriteLine(plan.Parameters.Count == 0 && plan.Sample is null
                ? string.Create(CultureInfo.InvariantCulture, $"comparing {plan.Designs.Count} design(s) × {plan.Seeds.Count} seed(s) = {runs} runs, {plan.MaxParallelism} at a time")
                : string.Create(CultureInfo.InvariantCulture, $"sweeping {runs / (plan.Designs.Count * plan.Seeds.Count)} point(s) × {plan.Designs.Count} design(s) × {plan.Seeds.Count} seed(s) = {runs} runs, {plan.MaxParallelism} at a time{(cluster is null ? string.Empty : $" on the cluster {cluster}")}"));
        }

        SweepResult? result;
        try
        {
            result = ProgressDisplay.Run(output, $"{runs} runs", report => cluster is null
                ? SweepRunner.Run(plan, p => report((double)p.Completed / p.Total), signals.Token)
                : Cluster.ClusterCommand.RunSweep(plan, cluster, clusterId, sharedDir, p => report((double)p.Completed / p.Total), error, signals.Token));
        }
        catch (Exception e) when (signals.Token.IsCancellationRequested && e is OperationCanceledException or AggregateException)
        {
            error.WriteLine($"cancelled: finished runs are kept in {Path.GetFullPath(plan.Directory)}; run the same command with --out {Path.GetFullPath(plan.Directory)} to resume");
            return signals.ExitCode;
        }

        if (result is null)
        {
            return ExitCodes.UserError; // the cluster's one-line error is written
        }

        if (json)
        {
            output.Write(File.ReadAllText(Path.Combine(result.Directory, SweepReport.JsonFile)));
            return ExitCodes.Ok;
        }

        if (result.Resumed > 0)
        {
            output.WriteLine($"resumed: {result.Resumed} of {result.Runs} runs were already done and were not run again");
        }

        SweepSummaryTable.Write(output, result.Statistics);
        output.WriteLine($"report:  {result.ReportPath}");
        string html = Path.Combine(result.Directory, SweepReport.HtmlFile);
        if (File.Exists(html))
        {
            output.WriteLine($"interactive: {html} (open in a browser; works offline)");
        }

        output.WriteLine($"catalog: {result.CatalogPath}");
        output.WriteLine($"runs:    {Path.Combine(result.Directory, SweepRunner.RunsFolder)}");
        return ExitCodes.Ok;
    }

    /// <summary>The --baseline check: null when it is one of <paramref name="designs"/> (or not given), else the message.</summary>
    internal static string? CheckBaseline(string? baseline, IReadOnlyList<string> designs) =>
        baseline is null || designs.Contains(baseline)
            ? null
            : $"--baseline: '{baseline}' is not one of the designs run ({string.Join(", ", designs)})";
}
