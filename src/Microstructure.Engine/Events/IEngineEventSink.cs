namespace Microstructure.Engine;

/// <summary>
/// Receives the engine's events in order. Implemented by structs (the output-ring publisher, test recorders)
/// and passed by <c>ref</c> as a generic type parameter so the JIT inlines the call on the hot path.
/// </summary>
public interface IEngineEventSink
{
    /// <summary>Called once per event, in emission order, on the business-logic thread.</summary>
    void OnEvent(in EngineEvent engineEvent);
}
