namespace Microstructure.Risk.Tests.TestSupport;

/// <summary>Counts events without keeping them (allocation-free).</summary>
internal struct CountingSink : IExchangeEventSink
{
    public long Events;
    public long Liquidations;

    public void OnEvent(in ExchangeEvent e)
    {
        Events++;
        if (e.Type == ExchangeEventType.LiquidationTriggered)
        {
            Liquidations++;
        }
    }
}
