using Microstructure.Engine;
using Microstructure.Risk;

namespace Microstructure.Replay.Processing;

/// <summary>
/// What a replay hands its <see cref="IReplayProcessor"/>: the matching engine's events (fills, L1 changes, the
/// outcome of the replay's own commands) and, from a processor built on the risk layer, the risk events worth a tape
/// row (liquidations, takeovers, ADL, fund movements, refusals).
/// </summary>
/// <remarks>
/// The replay's sink is a stateless forwarder (a struct around the replay's recorder), so a processor may copy it
/// into a sink of its own.
/// </remarks>
internal interface IReplaySink : IEngineEventSink
{
    /// <summary>Receives one risk-layer event (not an engine event), in emission order.</summary>
    /// <param name="e">The event.</param>
    void OnRiskEvent(in ExchangeEvent e);
}
