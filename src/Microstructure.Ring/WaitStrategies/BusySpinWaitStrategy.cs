namespace Microstructure.Ring;

/// <summary>
/// Spins on the dependent sequences without yielding: lowest latency, burns a core. Use only
/// when every consumer thread has a core of its own.
/// </summary>
/// <remarks>
/// The loop polls without a pause instruction, as Disruptor-net's does. Against a <c>Thread.SpinWait(1)</c> per poll,
/// measured in alternating runs across two cores, batches of 16 moved more in every placement of the two vCPUs and
/// single events less in some (a consumer that polls without pausing takes the cursor's cache line back after every
/// single-event publish); docs/performance.md (ring buffer, issue 16) has the figures and the trade.
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
