using Microstructure.Risk.Processing;

namespace Microstructure.Simulation.Kernel;

/// <summary>The exchange called synchronously on the kernel's thread: the fast mode, one kernel per thread for multi-seed runs.</summary>
internal sealed class DirectExchangePort(Exchange exchange, EventStore pending) : IExchangePort
{
    public void Send(in ExchangeCommand command, long sequence)
    {
        var sink = new PendingSink(pending);
        exchange.Process(in command, sequence, ref sink);
    }

    public void WaitFor(long sequence)
    {
        // Every event is in the FIFO as soon as Send returns.
    }

    public void Complete()
    {
    }

    public void Dispose()
    {
    }
}
