using Microstructure.Simulation.Running;

namespace Microstructure.Runner.Sweeps;

/// <summary>
/// What runs a sweep's missing runs (issue 14): given the runs still to do, it leaves each one's finished directory
/// <c>runs/KEY/</c> (through <see cref="SweepRunner.Complete"/>) and reports it; the catalog is written from those
/// directories afterwards, so it is the same whichever executor ran them. The local one runs threads in this process;
/// the cluster one (Microstructure.Cluster) asks Orleans grains and writes their compact results.
/// </summary>
internal interface ISweepExecutor
{
    /// <summary>Runs every one of <paramref name="todo"/>; calls <paramref name="finished"/> as each directory is complete.</summary>
    /// <exception cref="OperationCanceledException">Cancelled (finished runs stay for a resume).</exception>
    void Execute(SweepPlan plan, IReadOnlyList<SweepRun> todo, string runsRoot, Action<SweepRun> finished, CancellationToken cancellationToken);
}

/// <summary>The embedded default: the runs on <see cref="SweepPlan.MaxParallelism"/> threads of this process.</summary>
internal sealed class LocalSweepExecutor : ISweepExecutor
{
    public static readonly LocalSweepExecutor Instance = new();

    public void Execute(SweepPlan plan, IReadOnlyList<SweepRun> todo, string runsRoot, Action<SweepRun> finished, CancellationToken cancellationToken)
    {
        var jobs = todo.Select(r => new BatchJob(r.Scenario, new RunOptions { Design = r.Design, Seed = r.Seed, DurationSeconds = plan.DurationSeconds })).ToList();
        var runOf = new Dictionary<BatchJob, SweepRun>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < jobs.Count; i++)
        {
            runOf[jobs[i]] = todo[i];
        }

        BatchRunner.Run(jobs, plan.MaxParallelism, (job, run) =>
        {
            var sweepRun = runOf[job];
            SweepRunner.Record(run, SweepRunner.PartialOf(runsRoot, sweepRun.Key), plan.Keep, cancellationToken);
            SweepRunner.Complete(plan, sweepRun, runsRoot);
            finished(sweepRun);
            return 0;
        }, cancellationToken);
    }
}
