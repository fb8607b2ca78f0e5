namespace Microstructure.Ring;

/// <summary>
/// <see cref="BlockingWaitStrategy"/> with a time limit: when nothing arrives within the timeout
/// the wait returns <see cref="SequenceWaitResult.Timeout"/> and the event processor calls its
/// handler's <see cref="IEventHandler{T}.OnTimeout"/> (useful to flush batches when idle).
/// </summary>
public sealed class TimeoutBlockingWaitStrategy : IWaitStrategy
{
    private readonly object _gate = new();
    private readonly long _timeoutTicks;
    private int _waiters;

    /// <summary>Creates the strategy.</summary>
    /// <param name="timeout">How long a consumer waits for the cursor before timing out.</param>
    public TimeoutBlockingWaitStrategy(TimeSpan timeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        Timeout = timeout;
        _timeoutTicks = (long)(timeout.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
    }

    /// <summary>The configured timeout.</summary>
    public TimeSpan Timeout { get; }

    /// <inheritdoc/>
    public bool IsBlockingStrategy => true;

    /// <inheritdoc/>
    public SequenceWaitResult WaitFor(long sequence, DependentSequenceGroup dependentSequences, CancellationToken cancellationToken)
    {
        if (dependentSequences.CursorValue < sequence)
        {
            var deadline = System.Diagnostics.Stopwatch.GetTimestamp() + _timeoutTicks;
            lock (_gate)
            {
                Interlocked.Increment(ref _waiters);
                try
                {
                    while (dependentSequences.CursorValue < sequence)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        var remaining = deadline - System.Diagnostics.Stopwatch.GetTimestamp();
                        if (remaining <= 0)
                        {
                            return SequenceWaitResult.Timeout;
                        }

                        var remainingMs = (int)Math.Min(int.MaxValue, Math.Max(1, remaining * 1000 / System.Diagnostics.Stopwatch.Frequency));
                        Monitor.Wait(_gate, remainingMs);
                    }
                }
                finally
                {
                    Interlocked.Decrement(ref _waiters);
                }
            }
        }

        return WaitStrategyHelper.SpinForDependents(sequence, dependentSequences, cancellationToken);
    }

    /// <inheritdoc/>
    public void SignalAllWhenBlocking()
    {
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _waiters) > 0)
        {
            lock (_gate)
            {
                Monitor.PulseAll(_gate);
            }
        }
    }
}
