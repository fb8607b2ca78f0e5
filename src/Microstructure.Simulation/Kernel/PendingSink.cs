namespace Microstructure.Simulation.Kernel;

/// <summary>Copies each event of a synchronous <c>Exchange.Process</c> call into the kernel's pending FIFO.</summary>
internal readonly struct PendingSink(EventStore pending) : IExchangeEventSink
{
    public void OnEvent(in ExchangeEvent e) => pending.Enqueue(in e);
}
