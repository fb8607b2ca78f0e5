using Microstructure.Risk;

namespace Microstructure.Workloads;

/// <summary>Discards exchange events.</summary>
public struct NullExchangeSink : IExchangeEventSink
{
    /// <inheritdoc />
    public readonly void OnEvent(in ExchangeEvent e)
    {
    }
}
