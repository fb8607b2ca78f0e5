namespace Microstructure.Ring;

/// <summary>How a consumer waits for a sequence to become available.</summary>
public interface IWaitStrategy
{
    /// <summary>
    /// Whether waiters may block on a monitor, so that publishers must call
    /// <see cref="SignalAllWhenBlocking"/>. Non-blocking strategies let publishers skip the call.
    /// </summary>
    bool IsBlockingStrategy { get; }

    /// <summary>Waits until <paramref name="dependentSequences"/> reaches <paramref name="sequence"/>.</summary>
    /// <param name="sequence">The sequence to wait for.</param>
    /// <param name="dependentSequences">The cursor and upstream sequences.</param>
    /// <param name="cancellationToken">Cancelled when the barrier is alerted.</param>
    /// <returns>The available sequence (possibly greater than requested), or a timeout.</returns>
    /// <exception cref="OperationCanceledException">The barrier was alerted.</exception>
    SequenceWaitResult WaitFor(long sequence, DependentSequenceGroup dependentSequences, CancellationToken cancellationToken);

    /// <summary>Wakes blocked waiters after a publish or an alert.</summary>
    void SignalAllWhenBlocking();
}
