namespace Microstructure.Ring;

/// <summary>
/// Spins a while, then yields the processor to other ready threads: low latency while keeping
/// a machine with more threads than cores responsive.
/// </summary>
public sealed class YieldingWaitStrategy : IWaitStrategy
{
    private const int SpinTries = 100;

    /// <inheritdoc/>
    public bool IsBlockingStrategy => false;

    /// <inheritdoc/>
    public SequenceWaitResult WaitFor(long sequence, DependentSequenceGroup dependentSequences, CancellationToken cancellationToken)
    {
        var counter = SpinTries;
        long availableSequence;
        while ((availableSequence = dependentSequences.Value) < sequence)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (counter > 0)
            {
                counter--;
                Thread.SpinWait(1);
            }
            else
            {
                Thread.Yield();
            }
        }

        return availableSequence;
    }

    /// <inheritdoc/>
    public void SignalAllWhenBlocking()
    {
    }
}
