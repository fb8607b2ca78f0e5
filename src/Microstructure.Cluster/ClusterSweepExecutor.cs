using System.Diagnostics;
using Microstructure.Runner.Sweeps;

namespace Microstructure.Cluster;

/// <summary>
/// The cluster executor of a sweep: one grain call per missing run (the grain is keyed by the run key), at most
/// <c>window</c> calls in flight, each retried on failure or timeout (a silo that died: Orleans' membership
/// declares it dead, the call fails, and the retry activates the grain on a live silo). The reply's files are written
/// into <c>runs/KEY.partial/</c> and completed exactly as a local run, so the catalog is the local one. A run is
/// written once, whatever number of attempts it took: nothing lost, nothing counted twice.
/// </summary>
/// <remarks>
/// With <c>sharedDirectory</c> (<c>--shared-dir</c>, needed by <c>--keep all</c>): a silo records the run into a
/// folder of that directory, which every silo and the client see at the same path, and replies with the folder's
/// name and its files' lengths; the client checks them, moves the folder into <c>runs/KEY.partial/</c> and completes
/// it. Folders left there by silos that died mid-run are deleted when the sweep ends.
/// </remarks>
internal sealed class ClusterSweepExecutor(IGrainFactory grains, int window, Action<string>? log, TimeSpan? retryFor = null, string? sharedDirectory = null) : ISweepExecutor
{
    /// <summary>How long one run keeps being retried before the sweep gives up on the cluster.</summary>
    /// <summary>How often a call in flight is checked on.</summary>
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(2);

    private readonly TimeSpan _retryFor = retryFor ?? TimeSpan.FromMinutes(5);

    public void Execute(SweepPlan plan, IReadOnlyList<SweepRun> todo, string runsRoot, Action<SweepRun> finished, CancellationToken cancellationToken)
        => ExecuteAsync(plan, todo, runsRoot, finished, cancellationToken).GetAwaiter().GetResult();

    private async Task ExecuteAsync(SweepPlan plan, IReadOnlyList<SweepRun> todo, string runsRoot, Action<SweepRun> finished, CancellationToken cancellationToken)
    {
        byte[] scenario = File.ReadAllBytes(plan.ScenarioPath);
        string name = Path.GetFileName(plan.ScenarioPath);
        string keep = plan.Keep switch
        {
            SweepKeep.Summary => "summary",
            SweepKeep.Liquidations => "liquidations",
            _ when sharedDirectory is not null => "all",
            _ => throw new ClusterException("--keep all with --cluster needs --shared-dir DIR, a directory every silo and this client see at the same path: a run's full tapes are not shipped back"),
        };
        string? shared = sharedDirectory is null ? null : Path.GetFullPath(sharedDirectory);
        if (shared is not null && plan.Keep != SweepKeep.All)
        {
            throw new ClusterException("--shared-dir is used only with --keep all");
        }
        using var slots = new SemaphoreSlim(window, window);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = todo.Select(async run =>
        {
            await slots.WaitAsync(failed.Token).ConfigureAwait(false);
            try
            {
                var request = new RunRequest
                {
                    Key = run.Key,
                    ScenarioName = name,
                    Scenario = scenario,
                    PointPaths = [.. run.Point.Select(p => p.Key)],
                    PointValues = [.. run.Point.Select(p => p.Value)],
                    Design = run.Design,
                    Seed = run.Seed,
                    DurationSeconds = plan.DurationSeconds,
                    Keep = keep,
                    SharedDirectory = shared,
                };
                var reply = await Call(request, failed.Token).ConfigureAwait(false);
                Write(plan, run, runsRoot, reply, shared);
                finished(run);
            }
            catch
            {
                await failed.CancelAsync().ConfigureAwait(false); // one failure stops the sweep; finished runs stay for a resume
                throw;
            }
            finally
            {
                slots.Release();
            }
        }).ToList();
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
            if (shared is not null)
            {
                RemoveLeftovers(shared, todo);
            }
        }
        catch when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch
        {
            // The first real failure, not the cancellations it caused in the other runs.
            var first = tasks.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault(e => e is not OperationCanceledException);
            if (first is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
            }

            throw;
        }
    }

    /// <summary>
    /// Calls the run's grain until it answers; a refusal is final, a failure or timeout is retried. While the call is
    /// in flight the grain is asked every <see cref="CheckEvery"/> whether it still holds the run: a silo that died
    /// cannot answer (Orleans gives a client no failure for a call its gateway forwarded to a silo that died, only the
    /// call's timeout), and once membership has declared it dead a new activation on a live silo answers that it
    /// holds nothing — then the run is sent again.
    /// </summary>
    private async Task<RunReply> Call(RunRequest request, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<IRunGrain>(request.Key);
        long firstFailure = 0;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                var call = grain.Run(request);
                int missing = 0; // two answers in a row, so that a call still on its way to the grain is not mistaken for a lost one
                while (await Task.WhenAny(call, Task.Delay(CheckEvery, cancellationToken)).ConfigureAwait(false) != call)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    missing = await grain.Holds().ConfigureAwait(false) ? 0 : missing + 1;
                    if (missing == 2 && !call.IsCompleted)
                    {
                        _ = call.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                        throw new TimeoutException("the run's grain does not hold it (its silo died, or lost it)");
                    }
                }

                var reply = await call.ConfigureAwait(false);
                if (reply.Error is { } refused)
                {
                    throw new ClusterException($"the cluster refused run {request.Key}: {refused}");
                }

                if (attempt > 1)
                {
                    // Started at (now - its run time): the moment the run restarted on a live silo.
                    log?.Invoke(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                        $"{DateTime.UtcNow:HH:mm:ss.fff} recovered: run {request.Key} ran on {reply.Silo} in {reply.Seconds:0.000} s after {attempt} attempts"));
                }

                return reply;
            }
            catch (Exception e) when (e is not ClusterException && !cancellationToken.IsCancellationRequested)
            {
                firstFailure = firstFailure == 0 ? Stopwatch.GetTimestamp() : firstFailure;
                if (Stopwatch.GetElapsedTime(firstFailure) > _retryFor)
                {
                    throw new ClusterException($"run {request.Key} failed on the cluster for {_retryFor.TotalMinutes:0} min ({e.GetType().Name}: {FirstLine(e.Message)}); finished runs are kept, run the same command again to resume");
                }

                log?.Invoke($"{DateTime.UtcNow:HH:mm:ss.fff} retry: run {request.Key} attempt {attempt + 1} after {e.GetType().Name}: {FirstLine(e.Message)}");
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Writes (or moves from the shared directory) the reply's files into the run's partial directory and completes it as a local run is completed.</summary>
    private static void Write(SweepPlan plan, SweepRun run, string runsRoot, RunReply reply, string? shared)
    {
        string partial = SweepRunner.PartialOf(runsRoot, run.Key);
        if (Directory.Exists(partial))
        {
            Directory.Delete(partial, recursive: true);
        }

        if (reply.SharedFolder is { } folder)
        {
            Take(run, shared, folder, reply.SharedFiles, partial);
        }
        else
        {
            Directory.CreateDirectory(partial);
            foreach (var file in reply.Files)
            {
                string path = Inside(partial, file.Path, run);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, file.Content);
            }
        }

        if (!File.Exists(Path.Combine(partial, "summary.json")))
        {
            throw new ClusterException($"the cluster returned run {run.Key} without its summary.json");
        }

        SweepRunner.Complete(plan, run, runsRoot);
    }

    /// <summary>
    /// Moves a run's folder out of the shared directory into <paramref name="partial"/> after checking that it holds
    /// every file the silo listed, at its length (a rename on one file system, else a copy); the folder is gone after.
    /// </summary>
    private static void Take(SweepRun run, string? shared, string folder, SharedFile[] files, string partial)
    {
        if (shared is null || !folder.StartsWith(RunWorker.FolderPrefix(run.Key), StringComparison.Ordinal) || folder.IndexOfAny(['/', '\\']) >= 0 || folder.Contains("..", StringComparison.Ordinal))
        {
            throw new ClusterException($"the cluster returned run {run.Key} in an unexpected shared folder '{folder}'");
        }

        string source = Path.Combine(shared, folder);
        foreach (var file in files)
        {
            var info = new FileInfo(Inside(source, file.Path, run));
            if (!info.Exists || info.Length != file.Length)
            {
                throw new ClusterException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"run {run.Key}: {info.FullName} is {(info.Exists ? $"{info.Length} bytes, the silo wrote {file.Length}" : "missing")}; is --shared-dir the same directory on every silo and here?"));
            }
        }

        try
        {
            Directory.Move(source, partial);
        }
        catch (IOException) when (Directory.Exists(source) && !Directory.Exists(partial))
        {
            // Another file system: copy, then delete the shared folder.
            foreach (var file in files)
            {
                string target = Inside(partial, file.Path, run);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(source, file.Path), target);
            }

            Directory.Delete(source, recursive: true);
        }
    }

    /// <summary>Deletes the folders silos that died mid-run left in the shared directory for this sweep's runs.</summary>
    private static void RemoveLeftovers(string shared, IReadOnlyList<SweepRun> runs)
    {
        foreach (var run in runs)
        {
            foreach (string left in Directory.EnumerateDirectories(shared, RunWorker.FolderPrefix(run.Key) + "*"))
            {
                Directory.Delete(left, recursive: true);
            }
        }
    }

    /// <summary>The full path of <paramref name="relative"/> in <paramref name="directory"/>; a path that leaves it is refused.</summary>
    private static string Inside(string directory, string relative, SweepRun run)
    {
        string root = Path.GetFullPath(directory) + Path.DirectorySeparatorChar;
        string path = Path.GetFullPath(Path.Combine(directory, relative));
        if (!path.StartsWith(root, StringComparison.Ordinal) || relative.Contains('\\', StringComparison.Ordinal))
        {
            throw new ClusterException($"the cluster returned a file outside run {run.Key}'s directory: '{relative}'");
        }

        return path;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}

/// <summary>The cluster could not run the sweep: a run refused by a silo, or no silo answered in time. The message is one line.</summary>
public sealed class ClusterException : Exception
{
    /// <summary>Creates the error.</summary>
    public ClusterException()
    {
    }

    /// <summary>Creates the error.</summary>
    /// <param name="message">What went wrong, one line.</param>
    public ClusterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error.</summary>
    /// <param name="message">What went wrong, one line.</param>
    /// <param name="innerException">The cause.</param>
    public ClusterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
