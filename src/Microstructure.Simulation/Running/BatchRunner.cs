namespace Microstructure.Simulation.Running;

/// <summary>
/// Runs many independent simulations (designs × seeds) on several threads, one kernel per thread. Each job's result
/// depends only on the job, never on how many threads ran or in which order they finished: results come back in
/// job order.
/// </summary>
public static class BatchRunner
{
    /// <summary>
    /// Builds each job's <see cref="SimulationRun"/> and hands it to <paramref name="work"/> (which attaches its
    /// observer, executes and summarises) on up to <paramref name="maxParallelism"/> threads.
    /// </summary>
    /// <typeparam name="TResult">What <paramref name="work"/> returns per job.</typeparam>
    /// <param name="jobs">The jobs.</param>
    /// <param name="maxParallelism">Threads to use (≥ 1).</param>
    /// <param name="work">Runs one job; called on a worker thread.</param>
    /// <param name="cancellationToken">Stops starting new jobs (and running ones, between kernel items, if <paramref name="work"/> passes it on).</param>
    /// <returns>One result per job, in job order.</returns>
    /// <exception cref="AggregateException">A job failed (every failure is inside).</exception>
    public static IReadOnlyList<TResult> Run<TResult>(
        IReadOnlyList<BatchJob> jobs,
        int maxParallelism,
        Func<BatchJob, SimulationRun, TResult> work,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallelism, 1);
        var results = new TResult[jobs.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism, CancellationToken = cancellationToken };
        Parallel.For(0, jobs.Count, options, i =>
        {
            var job = jobs[i];
            using var run = new SimulationRun(job.Scenario, job.Options);
            results[i] = work(job, run);
        });
        return results;
    }
}
