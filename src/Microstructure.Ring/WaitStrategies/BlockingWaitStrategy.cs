namespace Microstructure.Ring;

/// <summary>
/// Blocks consumers on a monitor until the cursor advances: no CPU while idle, at the cost of a
/// wake-up latency. Publishers take the lock only when a consumer is actually blocked.
/// </summary>
public sealed class BlockingWaitStrategy : IWaitStrategy
{
    private readonly object _gate = new();
    private int _waiters;

    /// <inheritdoc/>
    public bool IsBlockingStrategy => true;

    /// <inheritdoc/>
    public SequenceWaitResult WaitFor(long sequence, DependentSequenceGroup dependentSequences, CancellationToken cancellationToken)
    {
        if (dependentSequences.CursorValue < sequence)
        {
            lock (_gate)
            {
                // Full fence (interlocked) before re-reading the cursor: pairs with the fence in
                // SignalAllWhenBlocking so that either we see the new cursor or the publisher sees us.
                Interlocked.Increment(ref _waiters);
                try
                {
                    while (dependentSequences.CursorValue < sequence)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        Monitor.Wait(_gate);
                    }
                }
                finally
                {
                    Interlocked.Decrement(ref _waiters);
                }
            }
        }

        // The cursor is there; upstream consumers are busy and will catch up soon, so spin.
        return WaitStrategyHelper.SpinForDependents(sequence, dependentSequences, cancellationToken);
    }

    /// <inheritdoc/>
    public void SignalAllWhenBlocking()
    {
        // Full fence between the caller's cursor write and the read of _waiters (store-load).
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
