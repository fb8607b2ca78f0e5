using Microsoft.Extensions.Logging;

namespace Microstructure.Cluster;

/// <summary>One run of a sweep, keyed by its run key: Orleans places it on a silo and routes every call for the key to it.</summary>
[Alias("Microstructure.Cluster.IRunGrain")]
internal interface IRunGrain : IGrainWithStringKey
{
    /// <summary>Runs the request (once: a run that has a result returns it again) or refuses it.</summary>
    [Alias("Run")]
    Task<RunReply> Run(RunRequest request);
}

/// <summary>
/// The run grain. Idempotent: the first successful result is kept in the activation and returned to every later call
/// (a client that retried after a timeout, or a resumed client). Calls are not reentrant, so a second call for a run
/// that is still running waits for it instead of starting it again. At most <see cref="RunSlots"/> runs execute at once
/// per silo; a refused request is not remembered (nothing ran) and never brings the silo down.
/// </summary>
internal sealed partial class RunGrain(RunSlots slots, ILogger<RunGrain> logger) : Grain, IRunGrain
{
    private RunReply? _result;

    public async Task<RunReply> Run(RunRequest request)
    {
        if (_result is not null)
        {
            return _result;
        }

        string silo = RuntimeIdentity;
        if (RunWorker.Validate(request, this.GetPrimaryKeyString(), out var work) is { } refused)
        {
            LogRefused(logger, this.GetPrimaryKeyString(), refused);
            return new RunReply { Error = refused, Silo = silo };
        }

        await slots.Gate.WaitAsync().ConfigureAwait(true);
        try
        {
            // The simulation is CPU work: off the grain's scheduler, on the thread pool.
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var files = await Task.Run(() => RunWorker.Execute(work, slots.ScratchDirectory)).ConfigureAwait(true);
            _result = new RunReply { Files = files, Silo = silo, Seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds };
            LogRan(logger, request.Key, _result.Seconds);
            return _result;
        }
        finally
        {
            slots.Gate.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "refused run request {Key}: {Problem}")]
    private static partial void LogRefused(ILogger logger, string key, string problem);

    [LoggerMessage(Level = LogLevel.Debug, Message = "run {Key} done in {Seconds} s")]
    private static partial void LogRan(ILogger logger, string key, double seconds);
}

/// <summary>The silo's run slots (<c>--slots</c>) and the scratch directory runs are recorded in before they are shipped.</summary>
internal sealed class RunSlots(int slots, string scratchDirectory) : IDisposable
{
    public SemaphoreSlim Gate { get; } = new(slots, slots);

    public int Count { get; } = slots;

    public string ScratchDirectory { get; } = scratchDirectory;

    public void Dispose() => Gate.Dispose();
}
