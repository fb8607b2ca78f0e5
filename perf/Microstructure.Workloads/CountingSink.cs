using Microstructure.Engine;

namespace Microstructure.Workloads;

/// <summary>An event sink that only counts events and folds them into a checksum (so the JIT cannot drop the work).</summary>
public struct CountingSink : IEngineEventSink
{
    /// <summary>Events seen.</summary>
    public long Events;

    /// <summary>Trades seen.</summary>
    public long Trades;

    /// <summary>Order-sensitive checksum of the event stream.</summary>
    public long Checksum;

    /// <inheritdoc />
    public void OnEvent(in EngineEvent engineEvent)
    {
        Events++;
        if (engineEvent.Type == EngineEventType.Trade)
        {
            Trades++;
        }

        Checksum = (Checksum * 31) + engineEvent.Price.Ticks + engineEvent.Quantity.Lots + (long)engineEvent.Type;
    }
}
