namespace Microstructure.Engine.Tests.Matching;

/// <summary>A struct sink that appends every event to a shared list.</summary>
internal struct RecordingSink : IEngineEventSink
{
    public RecordingSink(List<EngineEvent> events) => Events = events;

    public List<EngineEvent> Events { get; }

    public readonly void OnEvent(in EngineEvent engineEvent) => Events.Add(engineEvent);
}
