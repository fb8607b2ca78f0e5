namespace Microstructure.Ring;

/// <summary>
/// Spins on the dependent sequences without yielding: lowest latency, burns a core. Use only
/// when every consumer thread has a core of its own.
/// </summary>
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
            Thread.SpinWait(1);
        }

        return availableSequence;
    }

    /// <inheritdoc/>
    public void SignalAllWhenBlocking()
    {
    }
}
