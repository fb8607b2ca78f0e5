using Microstructure.Analysis.Recording;
using Microstructure.Analysis.Reports;
using Microstructure.Runner.Recording;
using Microstructure.Simulation.Running;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.Runner.Comparison;

/// <summary>
/// Runs a scenario under several liquidation designs and seeds — runs in parallel across cores, each recorded into its
/// own run directory — then writes the comparison report. Each run depends only on (scenario, design, seed), so its
/// files are identical whatever the parallelism; the comparison sorts runs before aggregating.
/// </summary>
public static class DesignComparison
{
    /// <summary>Folder of the comparison report inside the plan's directory.</summary>
    public const string ComparisonFolder = "comparison";

    /// <summary>Folder of the run directories inside the plan's directory.</summary>
    public const string RunsFolder = "runs";

    /// <summary>The files of a cancelled comparison's folder.</summary>
    private static readonly string[] CancelledFiles = ["summary.json"];

    /// <summary>
    /// The first <paramref name="count"/> seeds of <paramref name="scenario"/>: its <c>seeds</c> list, continued with
    /// consecutive seeds after the last when the list is shorter.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1.</exception>
    public static IReadOnlyList<long> SeedsFor(Scenario scenario, int count)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var seeds = scenario.Seeds.Distinct().Take(count).ToList();
        long next = seeds[^1];
        while (seeds.Count < count)
        {
            next++;
            if (!seeds.Contains(next))
            {
                seeds.Add(next);
            }
        }

        return seeds;
    }

    /// <summary>The run directory of (<paramref name="design"/>, <paramref name="seed"/>) inside <paramref name="root"/>.</summary>
    public static string RunDirectory(string root, string design, long seed) =>
        Path.Combine(root, RunsFolder, design, $"seed-{seed}");

    /// <summary>Runs the plan and writes the comparison.</summary>
    /// <param name="plan">What to run.</param>
    /// <param name="progress">Called (from worker threads, one call at a time) as each run finishes.</param>
    /// <param name="cancellationToken">
    /// Stops starting new runs and stops running ones between kernel items (or their analysis between steps): each
    /// run directory started keeps its closed tapes and a summary.json marked cancelled, and
    /// <c>comparison/summary.json</c> says the comparison was cancelled and which runs completed.
    /// </param>
    /// <returns>The comparison and every run's summary.</returns>
    /// <exception cref="OperationCanceledException">Cancelled (comparison/summary.json says so).</exception>
    /// <exception cref="ScenarioException">A design name is unknown or its options are invalid.</exception>
    /// <exception cref="ArgumentException">No designs or seeds, or one named twice.</exception>
    /// <exception cref="RunOutputException">The directory is not empty or cannot be written.</exception>
    public static ComparisonResult Run(ComparisonPlan plan, Action<ComparisonProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        Check(plan);
        string root = OutputDirectory.RequireNewOrEmpty(plan.Directory);
        var jobs = new List<BatchJob>(plan.Designs.Count * plan.Seeds.Count);
        foreach (string design in plan.Designs)
        {
            foreach (long seed in plan.Seeds)
            {
                jobs.Add(new BatchJob(plan.Scenario, new RunOptions { Design = design, Seed = seed, DurationSeconds = plan.DurationSeconds }));
            }
        }

        int completed = 0;
        var gate = new object();
        var done = new HashSet<(string Design, long Seed)>();
        string comparison = Path.Combine(root, ComparisonFolder);
        IReadOnlyList<RunSummary> runs;
        try
        {
            runs = BatchRunner.Run(jobs, plan.MaxParallelism, (job, run) =>
            {
                var summary = RecordedSimulation.Execute(run, RunDirectory(root, run.Info.DesignName, run.Info.Seed), plan.Recorder, cancellationToken: cancellationToken);
                Catalog.RunCatalog.CopyScenario(plan.Scenario.Source, summary.Directory);
                lock (gate)
                {
                    done.Add((run.Info.DesignName, run.Info.Seed));
                    progress?.Invoke(new ComparisonProgress(++completed, jobs.Count, run.Info.DesignName, run.Info.Seed));
                }

                return summary;
            }, cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && IsCancellation(e))
        {
            // Every run has stopped (Parallel.For waits for them): the set is final.
            SaveCancelled(plan, root, done);
            throw new OperationCanceledException("The comparison was cancelled; comparison/summary.json says which runs completed.", e, cancellationToken);
        }

        var aggregate = ComparisonReport.Write(comparison, runs);
        return new ComparisonResult(aggregate, runs, Path.Combine(comparison, "report.md"));
    }

    /// <summary>Whether <paramref name="e"/> is cancellation alone (a run's own failure is reported as it is).</summary>
    private static bool IsCancellation(Exception e) => e switch
    {
        OperationCanceledException => true,
        AggregateException aggregate => aggregate.Flatten().InnerExceptions.All(inner => inner is OperationCanceledException),
        _ => false,
    };

    /// <summary>
    /// Writes comparison/summary.json of a cancelled comparison (the comparison folder holds nothing else):
    /// <c>status</c> "cancelled", the plan, and which run directories completed, were cancelled while running (their
    /// own summary.json says so) or never started, relative to comparison/ as in the runs table.
    /// </summary>
    /// <exception cref="RunOutputException">The file cannot be written.</exception>
    private static void SaveCancelled(ComparisonPlan plan, string root, HashSet<(string Design, long Seed)> done)
    {
        string folder = Path.Combine(root, ComparisonFolder);
        var completed = new List<string>();
        var cancelled = new List<string>();
        var notStarted = new List<string>();
        foreach (string design in plan.Designs.Order(StringComparer.Ordinal))
        {
            foreach (long seed in plan.Seeds.Order())
            {
                string directory = RunDirectory(root, design, seed);
                string relative = Path.GetRelativePath(folder, directory).Replace('\\', '/');
                (done.Contains((design, seed)) ? completed : Directory.Exists(directory) ? cancelled : notStarted).Add(relative);
            }
        }

        var json = new JsonSummary()
            .Add("status", "cancelled")
            .Add("scenarios", new[] { plan.Scenario.Name })
            .Add("designs", plan.Designs)
            .Add("seeds", plan.Seeds)
            .Add("runs", (long)(plan.Designs.Count * plan.Seeds.Count))
            .Add("runs_completed", completed)
            .Add("runs_cancelled", cancelled)
            .Add("runs_not_started", notStarted)
            .Add("files", CancelledFiles);
        string path = Path.Combine(folder, "summary.json");
        try
        {
            Directory.CreateDirectory(folder);
            json.Save(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new RunOutputException(path, $"Cannot write '{path}': {ex.Message}", ex);
        }
    }

    private static void Check(ComparisonPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan.Scenario);
        if (plan.Designs is not { Count: > 0 })
        {
            throw new ArgumentException("A comparison needs at least one design.", nameof(plan));
        }

        if (plan.Seeds is not { Count: > 0 })
        {
            throw new ArgumentException("A comparison needs at least one seed.", nameof(plan));
        }

        if (plan.Designs.GroupBy(d => d, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Design '{twice.Key}' is named twice.", nameof(plan));
        }

        if (plan.Seeds.GroupBy(s => s).FirstOrDefault(g => g.Count() > 1) is { } seed)
        {
            throw new ArgumentException($"Seed {seed.Key} is named twice.", nameof(plan));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(plan.MaxParallelism, 1, nameof(plan.MaxParallelism));
        foreach (string design in plan.Designs)
        {
            // Unknown names fail here, before any run starts or any directory is created.
            plan.Scenario.ResolveDesign(design);
        }
    }
}
