using Microstructure.Engine;

namespace Microstructure.Replay.L2;

/// <summary>Discards events: the shadow (historical) book only needs its state.</summary>
internal readonly struct NullSink : IEngineEventSink
{
    /// <inheritdoc />
    public void OnEvent(in EngineEvent engineEvent)
    {
    }
}
