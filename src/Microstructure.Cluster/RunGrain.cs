using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Microstructure.Cluster;

/// <summary>One run of a sweep, keyed by its run key: Orleans places it on a silo and routes every call for the key to it.</summary>
[Alias("Microstructure.Cluster.IRunGrain")]
internal interface IRunGrain : IGrainWithStringKey
{
    /// <summary>Runs the request (once: a run that has a result returns it again) or refuses it.</summary>
    [Alias("Run")]
    Task<RunReply> Run(RunRequest request);

    /// <summary>
    /// Whether this activation holds the run (running, queued for a slot, or finished). Interleaved with a running
    /// <see cref="Run"/>, and answered within seconds: the client's liveness check of a call in flight. An activation on
    /// a silo that died cannot answer; a fresh one (Orleans placed the key on a live silo) answers false — either way
    /// the client sends the run again.
    /// </summary>
    [Alias("Holds")]
    [AlwaysInterleave]
    [ResponseTimeout("00:00:10")]
    Task<bool> Holds();
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
    private string? _shared;
    private volatile bool _held;

    public Task<bool> Holds() => Task.FromResult(_held || _result is not null);

    /// <summary>
    /// Whether a kept result can still be answered: a run left in the shared directory that the client already took
    /// (it moved the folder, then died before completing the run) is run again rather than answered with a folder
    /// that no longer exists.
    /// </summary>
    private bool StillThere(RunReply result) => result.SharedFolder is null || Directory.Exists(Path.Combine(_shared!, result.SharedFolder));

    public async Task<RunReply> Run(RunRequest request)
    {
        if (_result is not null && StillThere(_result))
        {
            return _result;
        }

        string silo = RuntimeIdentity;
        if (RunWorker.Validate(request, this.GetPrimaryKeyString(), out var work) is { } refused)
        {
            LogRefused(logger, this.GetPrimaryKeyString(), refused);
            return new RunReply { Error = refused, Silo = silo };
        }

        _held = true;
        await slots.Gate.WaitAsync().ConfigureAwait(true);
        try
        {
            // The simulation is CPU work: off the grain's scheduler, on the thread pool.
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var reply = await Task.Run(() => RunWorker.Execute(work, slots.ScratchDirectory)).ConfigureAwait(true);
            _result = reply with { Silo = silo, Seconds = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds };
            _shared = work.SharedDirectory;
            LogRan(logger, request.Key, _result.Seconds);
            return _result;
        }
        finally
        {
            slots.Gate.Release();
            _held = false;
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
