namespace Microstructure.Engine;

/// <summary>
/// Receives the events of a business-logic processor in order. Implemented by structs and passed by <c>ref</c> as a
/// generic type parameter, so the call is devirtualized and inlined on the hot path.
/// </summary>
/// <typeparam name="TEvent">The event type (a flat struct).</typeparam>
public interface IEventSink<TEvent>
    where TEvent : struct
{
    /// <summary>Called once per event, in emission order, on the business-logic thread.</summary>
    /// <param name="e">The event; copy it if it must outlive the call.</param>
    void OnEvent(in TEvent e);
}
