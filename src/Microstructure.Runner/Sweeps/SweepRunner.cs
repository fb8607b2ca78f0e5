using System.Text.Json;
using System.Text.Json.Nodes;
using Microstructure.Analysis.Recording;
using Microstructure.Analysis.Sweeps;
using Microstructure.Runner.Recording;
using Microstructure.Simulation.Running;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.Runner.Sweeps;

/// <summary>
/// Runs a sweep: every point of the grid under every design and seed, runs in parallel, each into
/// <c>runs/KEY/</c> named by its run key; then writes the catalog (<c>runs.csv</c>, one row per run in grid order).
/// A run's files depend only on its key, so the catalog is the same whatever <c>--parallel</c> is or the order runs
/// finish in. Stopped and started again on the same directory, a sweep runs only the keys that have no finished
/// directory (a run is written to <c>KEY.partial</c> and renamed when complete).
/// </summary>
public static class SweepRunner
{
    /// <summary>Folder of the run directories.</summary>
    public const string RunsFolder = "runs";

    /// <summary>The catalog: one row per run.</summary>
    public const string CatalogFile = "runs.csv";

    /// <summary>The plan as run, which a resumed sweep must match.</summary>
    public const string PlanFile = "sweep.json";

    private const string Partial = ".partial";

    /// <summary>Runs the plan (or what is left of it) and writes the catalog.</summary>
    /// <param name="plan">What to run.</param>
    /// <param name="progress">Called (one call at a time) as each run finishes.</param>
    /// <param name="cancellationToken">Stops starting runs and stops running ones between kernel items.</param>
    /// <exception cref="ScenarioException">The file, a point or a design is invalid (nothing has run).</exception>
    /// <exception cref="RunOutputException">The directory holds something other than this sweep.</exception>
    public static SweepResult Run(SweepPlan plan, Action<SweepProgress>? progress = null, CancellationToken cancellationToken = default)
        => Run(plan, LocalSweepExecutor.Instance, progress, cancellationToken);

    /// <summary>
    /// Runs the plan with <paramref name="executor"/> producing each missing run's directory (the local threads, or a
    /// cluster), then writes the catalog from those directories — the same catalog whichever executor ran them.
    /// </summary>
    internal static SweepResult Run(SweepPlan plan, ISweepExecutor executor, Action<SweepProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(executor);
        var runs = Expand(plan);
        string root = Prepare(plan, runs.Count);
        string runsRoot = Path.Combine(root, RunsFolder);
        var todo = runs.Where(r => !Directory.Exists(Path.Combine(runsRoot, r.Key))).ToList();
        int done = runs.Count - todo.Count;
        var gate = new object();
        executor.Execute(plan, todo, runsRoot, sweepRun =>
        {
            lock (gate)
            {
                progress?.Invoke(new SweepProgress(++done, runs.Count, sweepRun.Key, sweepRun.Design, sweepRun.Seed));
            }
        }, cancellationToken);

        string catalog = SweepCatalog.Write(root, plan, runs);
        var statistics = SweepStatistics.Compute(SweepTable.Read(catalog), new SweepStatisticsOptions { Designs = plan.Designs, Baseline = plan.Baseline });
        string title = plan.Parameters.Count == 0 ? $"Design comparison: {Path.GetFileName(plan.ScenarioPath)}" : $"Sweep of {Path.GetFileName(plan.ScenarioPath)}";
        SweepReport.Write(root, statistics, new SweepReportOptions { Title = title });
        return new SweepResult(root, catalog, runs.Count, runs.Count - todo.Count) { Statistics = statistics };
    }

    /// <summary>Every run of the plan in grid order (point, then design, then seed), each point validated as a scenario.</summary>
    internal static List<SweepRun> Expand(SweepPlan plan)
    {
        if (plan.Designs is not { Count: > 0 } || plan.Seeds is not { Count: > 0 })
        {
            throw new ArgumentException("A sweep needs at least one design and one seed.", nameof(plan));
        }

        if (plan.Baseline is { } baseline && !plan.Designs.Contains(baseline))
        {
            throw new ArgumentException($"The baseline '{baseline}' is not one of the designs ({string.Join(", ", plan.Designs)}).", nameof(plan));
        }

        byte[] bytes = File.Exists(plan.ScenarioPath) ? File.ReadAllBytes(plan.ScenarioPath) : [];
        var runs = new List<SweepRun>();
        var points = plan.Sample is { } sample ? LatinHypercube.Sample(plan.Parameters, sample.Points, sample.Seed) : Points(plan.Parameters);
        foreach (var point in points)
        {
            var scenario = ScenarioOverrides.Load(plan.ScenarioPath, point);
            foreach (string design in plan.Designs)
            {
                scenario.ResolveDesign(design); // an unknown name fails before anything runs
                foreach (long seed in plan.Seeds)
                {
                    runs.Add(new SweepRun(SweepRun.KeyOf(bytes, point, design, seed, plan.DurationSeconds, scenario.ModelDigest), point, design, seed, scenario));
                }
            }
        }

        return runs;
    }

    /// <summary>The grid: the product of the parameters' values, the first parameter varying slowest.</summary>
    internal static List<IReadOnlyList<KeyValuePair<string, string>>> Points(IReadOnlyList<SweepParameter> parameters)
    {
        var points = new List<IReadOnlyList<KeyValuePair<string, string>>> { Array.Empty<KeyValuePair<string, string>>() };
        foreach (var parameter in parameters)
        {
            points = [.. points.SelectMany(p => parameter.Values.Select(v => (IReadOnlyList<KeyValuePair<string, string>>)[.. p, new(parameter.Path, v)]))];
        }

        return points;
    }

    private static string Prepare(SweepPlan plan, int runCount)
    {
        string root = Path.GetFullPath(plan.Directory);
        string planFile = Path.Combine(root, PlanFile);
        string identity = Identity(plan, runCount);
        if (File.Exists(planFile))
        {
            if (File.ReadAllText(planFile) != identity)
            {
                throw new RunOutputException(root, $"Output directory '{root}' holds a different sweep (its {PlanFile} differs: another scenario file content, grid, designs, seeds, duration or --keep); choose a new --out to run this one (nothing was overwritten).");
            }

            foreach (string partial in Directory.EnumerateDirectories(Path.Combine(root, RunsFolder), "*" + Partial))
            {
                Directory.Delete(partial, recursive: true); // an interrupted run starts again from its beginning
            }
        }
        else
        {
            OutputDirectory.RequireNewOrEmpty(root);
            Directory.CreateDirectory(Path.Combine(root, RunsFolder));
            File.WriteAllText(planFile, identity);
        }

        return root;
    }

    private static string Identity(SweepPlan plan, int runCount)
    {
        var json = new JsonObject
        {
            ["scenario"] = Path.GetFileName(plan.ScenarioPath),
            ["scenario_sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(plan.ScenarioPath))),
            ["parameters"] = new JsonArray([.. plan.Parameters.Select(p => new JsonObject { ["path"] = p.Path, ["values"] = new JsonArray([.. p.Values.Select(v => JsonValue.Create(v))]) })]),
            ["sample"] = plan.Sample is { } sample ? new JsonObject { ["lhs_points"] = sample.Points, ["seed"] = sample.Seed } : null,
            ["designs"] = new JsonArray([.. plan.Designs.Select(d => JsonValue.Create(d))]),
            ["seeds"] = new JsonArray([.. plan.Seeds.Select(s => JsonValue.Create(s))]),
            ["duration_s"] = plan.DurationSeconds is { } d ? JsonValue.Create(d) : null,
            ["keep"] = plan.Keep.ToString().ToLowerInvariant(),
            ["runs"] = runCount,
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>Records <paramref name="run"/> into <paramref name="directory"/> and deletes what <paramref name="keep"/> does not keep.</summary>
    internal static void Record(SimulationRun run, string directory, SweepKeep keep, CancellationToken cancellationToken)
    {
        RecordedSimulation.Execute(run, directory, SweepPlan.RecorderFor(keep), cancellationToken: cancellationToken);
        Prune(directory, keep);
    }

    /// <summary>The temporary directory of a run until it is complete.</summary>
    internal static string PartialOf(string runsRoot, string key) => Path.Combine(runsRoot, key + Partial);

    /// <summary>
    /// Completes a run whose recorded files are in its <see cref="PartialOf">partial directory</see>: adds the point
    /// and the scenario it ran, and renames the directory to its key.
    /// </summary>
    internal static void Complete(SweepPlan plan, SweepRun sweepRun, string runsRoot)
    {
        string partial = PartialOf(runsRoot, sweepRun.Key);
        var point = new JsonObject
        {
            ["key"] = sweepRun.Key,
            ["point"] = new JsonObject([.. sweepRun.Point.Select(p => new KeyValuePair<string, JsonNode?>(p.Key, p.Value))]),
            ["design"] = sweepRun.Design,
            ["seed"] = sweepRun.Seed,
        };
        File.WriteAllText(Path.Combine(partial, "point.json"), point.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.WriteAllText(Path.Combine(partial, "scenario.json"), ScenarioOverrides.Apply(File.ReadAllBytes(plan.ScenarioPath), plan.ScenarioPath, sweepRun.Point) + "\n");
        Directory.Move(partial, Path.Combine(runsRoot, sweepRun.Key));
    }

    /// <summary>Deletes what <paramref name="keep"/> does not keep, and says so in the run's summary.json and report.md.</summary>
    private static void Prune(string directory, SweepKeep keep)
    {
        if (keep == SweepKeep.All)
        {
            return;
        }

        var deleted = new List<string>();
        foreach (string sub in new[] { "analysis", "plots" })
        {
            string path = Path.Combine(directory, sub);
            if (Directory.Exists(path))
            {
                deleted.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(directory, f).Replace(Path.DirectorySeparatorChar, '/')));
                Directory.Delete(path, recursive: true);
            }
        }

        string tape = Path.Combine(directory, "tape");
        foreach (string file in Directory.EnumerateFiles(tape))
        {
            if (keep == SweepKeep.Summary || !Path.GetFileName(file).StartsWith("liquidation_events.", StringComparison.Ordinal))
            {
                deleted.Add("tape/" + Path.GetFileName(file));
                File.Delete(file);
            }
        }

        if (!Directory.EnumerateFileSystemEntries(tape).Any())
        {
            Directory.Delete(tape);
        }

        PrunedRunFiles.Describe(directory, deleted, keep == SweepKeep.Summary ? "summary" : "liquidations");
    }
}

/// <summary>A run of a sweep finished.</summary>
/// <param name="Completed">Runs finished, including those of an earlier start.</param>
/// <param name="Total">Runs of the sweep.</param>
/// <param name="Key">The run's key.</param>
/// <param name="Design">Its design.</param>
/// <param name="Seed">Its seed.</param>
public sealed record SweepProgress(int Completed, int Total, string Key, string Design, long Seed);

/// <summary>A finished sweep.</summary>
/// <param name="Directory">Its directory.</param>
/// <param name="CatalogPath">Its catalog (runs.csv).</param>
/// <param name="Runs">Runs of the sweep.</param>
/// <param name="Resumed">Runs that were already done (an earlier start) and not run again.</param>
public sealed record SweepResult(string Directory, string CatalogPath, int Runs, int Resumed)
{
    /// <summary>The statistics of the catalog (also written as report.md, report.html, statistics.csv, differences.csv, statistics.json).</summary>
    public required SweepStatistics Statistics { get; init; }

    /// <summary>The sweep's report.md.</summary>
    public string ReportPath => Path.Combine(Directory, SweepReport.ReportFile);
}
