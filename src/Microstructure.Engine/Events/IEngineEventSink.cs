namespace Microstructure.Engine;

/// <summary>
/// Receives the engine's events in order. Implemented by structs (the output-ring publisher, test recorders)
/// and passed by <c>ref</c> as a generic type parameter so the JIT inlines the call on the hot path.
/// </summary>
/// <remarks>
/// The matching engine's own sink contract; it is the <see cref="IEventSink{TEvent}"/> of <see cref="EngineEvent"/>,
/// so an engine sink also serves any generic business-logic pipeline carrying engine events.
/// </remarks>
public interface IEngineEventSink : IEventSink<EngineEvent>
{
}
