namespace Microstructure.Simulation.Kernel;

/// <summary>
/// What the kernel did, counted. A <b>kernel event</b> is one of: an agent wake-up that ran, a command that reached
/// the exchange (an agent's order arrival or a kernel command: snapshot, tick, index), or one exchange event handed to
/// an agent. Superseded wake-ups that were skipped are not counted.
/// </summary>
/// <param name="Wakes">Agent wake-ups that ran.</param>
/// <param name="Arrivals">Commands that reached the exchange.</param>
/// <param name="Deliveries">Exchange events handed to agents.</param>
/// <param name="ExchangeEvents">Events the exchange produced (what the observer saw).</param>
public readonly record struct KernelCounters(long Wakes, long Arrivals, long Deliveries, long ExchangeEvents)
{
    /// <summary>Wakes + arrivals + deliveries: the kernel events of the speed measurement.</summary>
    public long KernelEvents => Wakes + Arrivals + Deliveries;
}
