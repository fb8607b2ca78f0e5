namespace Microstructure.Risk.Ledger;

/// <summary>The matching engine's sink inside the exchange: each engine event updates the risk state, then is staged.</summary>
/// <remarks>A struct, so <c>MatchingEngine.Process</c> is specialized for it and the per-fill call is direct.</remarks>
internal readonly struct EngineRouter(OrderGate gate) : IEngineEventSink
{
    public void OnEvent(in EngineEvent e) => gate.OnEngineEvent(in e);
}
