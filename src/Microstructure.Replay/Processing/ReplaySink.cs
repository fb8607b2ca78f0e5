using Microstructure.Engine;
using Microstructure.Risk;

namespace Microstructure.Replay.Processing;

/// <summary>The struct sink the replay hands to its processor; forwards every event to the recorder.</summary>
/// <param name="recorder">Receives the events.</param>
internal readonly struct ReplaySink(ReplayRecorder recorder) : IReplaySink
{
    private readonly ReplayRecorder _recorder = recorder;

    /// <inheritdoc />
    public void OnEvent(in EngineEvent engineEvent) => _recorder.OnEvent(in engineEvent);

    /// <inheritdoc />
    public void OnRiskEvent(in ExchangeEvent e) => _recorder.OnRiskEvent(in e);
}
