namespace Microstructure.Ring;

/// <summary>
/// Spins, then yields, then sleeps: a compromise between latency and CPU use for consumers that
/// are often idle (loggers, recorders). Publishers never pay for a signal.
/// </summary>
public sealed class SleepingWaitStrategy : IWaitStrategy
{
    private const int DefaultRetries = 200;
    private const int SpinThreshold = 100;
    private readonly int _retries;

    /// <summary>Creates the strategy with the default 200 retries before sleeping.</summary>
    public SleepingWaitStrategy()
        : this(DefaultRetries)
    {
    }

    /// <summary>Creates the strategy.</summary>
    /// <param name="retries">Spin and yield attempts before sleeping (the first half spin, the rest yield).</param>
    public SleepingWaitStrategy(int retries)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(retries);
        _retries = retries;
    }

    /// <inheritdoc/>
    public bool IsBlockingStrategy => false;

    /// <inheritdoc/>
    public SequenceWaitResult WaitFor(long sequence, DependentSequenceGroup dependentSequences, CancellationToken cancellationToken)
    {
        var counter = _retries;
        long availableSequence;
        while ((availableSequence = dependentSequences.Value) < sequence)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (counter > SpinThreshold)
            {
                counter--;
                Thread.SpinWait(1);
            }
            else if (counter > 0)
            {
                counter--;
                Thread.Yield();
            }
            else
            {
                Thread.Sleep(1);
            }
        }

        return availableSequence;
    }

    /// <inheritdoc/>
    public void SignalAllWhenBlocking()
    {
    }
}
