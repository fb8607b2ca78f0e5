using Microstructure.Risk;

namespace Microstructure.Workloads;

/// <summary>Counts exchange events and liquidations, and folds them into a checksum so the JIT cannot drop the work.</summary>
public struct ExchangeCountingSink : IExchangeEventSink
{
    /// <summary>Events seen.</summary>
    public long Events;

    /// <summary>Liquidations started.</summary>
    public long Liquidations;

    /// <summary>Order-sensitive checksum.</summary>
    public long Checksum;

    /// <inheritdoc />
    public void OnEvent(in ExchangeEvent e)
    {
        Events++;
        if (e.Type == ExchangeEventType.LiquidationTriggered)
        {
            Liquidations++;
        }

        Checksum = (Checksum * 31) + e.Engine.Price.Ticks + e.Engine.Quantity.Lots + (long)e.Type;
    }
}
