namespace Microstructure.Ring;

/// <summary>
/// Consumes events from a ring on a <see cref="BatchEventProcessor{T, THandler}"/>. Implement it
/// on a struct: the processor calls it through its generic type parameter, so the JIT can inline
/// the calls. There are deliberately no default implementations (a constrained call to a default
/// interface method boxes a struct).
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "Disruptor's own name for a consumer's handler; it is not a .NET event handler.")]
public interface IEventHandler<T>
    where T : struct
{
    /// <summary>Handles one event.</summary>
    /// <param name="data">The event, in place in the ring.</param>
    /// <param name="sequence">The event's sequence.</param>
    /// <param name="endOfBatch">Whether this is the last event currently available (a good time to flush).</param>
    void OnEvent(ref T data, long sequence, bool endOfBatch);

    /// <summary>Called before each batch of events.</summary>
    /// <param name="batchSize">Number of events in the batch.</param>
    void OnBatchStart(long batchSize);

    /// <summary>Called on the processor thread before the first event.</summary>
    void OnStart();

    /// <summary>Called on the processor thread after it stops.</summary>
    void OnShutdown();

    /// <summary>Called when a timeout wait strategy found no event within its timeout.</summary>
    /// <param name="sequence">The processor's current sequence (the last event handled).</param>
    void OnTimeout(long sequence);
}
