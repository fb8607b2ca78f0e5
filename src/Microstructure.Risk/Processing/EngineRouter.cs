namespace Microstructure.Risk.Processing;

/// <summary>The matching engine's sink inside the exchange: each engine event updates the risk state, then is staged.</summary>
internal readonly struct EngineRouter(Exchange exchange) : IEngineEventSink
{
    public void OnEvent(in EngineEvent e) => exchange.OnEngineEvent(in e);
}
