namespace Microstructure.Ring;

/// <summary>
/// Spins on the dependent sequences without yielding: lowest latency, burns a core. Use only
/// when every consumer thread has a core of its own.
/// </summary>
/// <remarks>
/// The loop polls without a pause instruction, as Disruptor-net's does. A <c>Thread.SpinWait(1)</c> per poll (tens of
/// ns) made the consumer wake later and take the slots' cache lines from the producer in smaller, more frequent
/// pieces: across two cores the batch-16 producer then gained 1.3–3.0× over batch 1 instead of 3.7–4.0× (issue 16,
/// docs/performance.md).
/// </remarks>
public sealed class BusySpinWaitStrategy : IWaitStrategy
{
    /// <inheritdoc/>
    public bool IsBlockingStrategy => false;

    /// <inheritdoc/>
    public SequenceWaitResult WaitFor(long sequence, DependentSequenceGroup dependentSequences, CancellationToken cancellationToken)
    {
        long availableSequence;
        while ((availableSequence = dependentSequences.Value) < sequence)
        {
            cancellationToken.ThrowIfCancellationRequested();
        }

        return availableSequence;
    }

    /// <inheritdoc/>
    public void SignalAllWhenBlocking()
    {
    }
}
