namespace Microstructure.Ring;

/// <summary>What an event processor does when its handler throws.</summary>
/// <typeparam name="T">The event type.</typeparam>
public interface IExceptionHandler<T>
    where T : struct
{
    /// <summary>
    /// Handles an exception thrown while processing <paramref name="sequence"/>. Return to skip the
    /// event and continue; throw to stop the processor (its sequence stays before the failing event).
    /// </summary>
    /// <param name="ex">The exception.</param>
    /// <param name="sequence">The failing event's sequence.</param>
    /// <param name="data">The failing event.</param>
    void HandleEventException(Exception ex, long sequence, ref T data);

    /// <summary>
    /// Handles an exception thrown by <see cref="IEventHandler{T}.OnBatchStart"/>. Return to go on and deliver the
    /// batch (no event is skipped: none of them failed); throw to stop the processor before the batch.
    /// </summary>
    /// <param name="ex">The exception.</param>
    void HandleOnBatchStartException(Exception ex);

    /// <summary>Handles an exception thrown by <see cref="IEventHandler{T}.OnStart"/>.</summary>
    /// <param name="ex">The exception.</param>
    void HandleOnStartException(Exception ex);

    /// <summary>Handles an exception thrown by <see cref="IEventHandler{T}.OnShutdown"/>.</summary>
    /// <param name="ex">The exception.</param>
    void HandleOnShutdownException(Exception ex);
}
