namespace Microstructure.Ring;

/// <summary>Receives events from <see cref="EventPoller{T}.Poll{THandler}(ref THandler)"/> on the polling thread.</summary>
/// <typeparam name="T">The ring's event type.</typeparam>
/// <remarks>Implement it with a struct and pass it by reference so the JIT inlines the call (no delegate).</remarks>
public interface IEventPollHandler<T>
    where T : struct
{
    /// <summary>Handles one event.</summary>
    /// <param name="data">The event, by reference into the ring; valid only during the call.</param>
    /// <param name="sequence">The event's sequence.</param>
    /// <param name="endOfBatch">True for the last event available in this poll.</param>
    /// <returns><see langword="true"/> to go on with the next available event, <see langword="false"/> to stop after this one.</returns>
    bool OnEvent(ref T data, long sequence, bool endOfBatch);
}
