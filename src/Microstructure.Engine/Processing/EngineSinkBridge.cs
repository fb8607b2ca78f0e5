namespace Microstructure.Engine.Processing;

/// <summary>
/// Lets any <see cref="IEventSink{TEvent}"/> of engine events receive the matching engine's output, whose
/// <c>Process</c> asks for an <see cref="IEngineEventSink"/>. The caller copies its sink in and back out, so a sink
/// with state keeps it.
/// </summary>
internal struct EngineSinkBridge<TSink> : IEngineEventSink
    where TSink : struct, IEventSink<EngineEvent>
{
    public TSink Inner;

    public void OnEvent(in EngineEvent e) => Inner.OnEvent(in e);
}
