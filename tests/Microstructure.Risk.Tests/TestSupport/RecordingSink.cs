namespace Microstructure.Risk.Tests.TestSupport;

/// <summary>Keeps every event (tests only: it allocates).</summary>
internal readonly struct RecordingSink(List<ExchangeEvent> events) : IExchangeEventSink
{
    public void OnEvent(in ExchangeEvent e) => events.Add(e);
}
