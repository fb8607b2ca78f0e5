namespace Microstructure.Simulation.Kernel;

/// <summary>
/// One entry of the kernel's agenda. Items run in (time, order) order, where order is a counter stamped when the item
/// is scheduled — the kernel schedules in the same order whatever the exchange mode, so ties break the same way.
/// </summary>
internal struct ScheduledItem
{
    /// <summary>When it runs (simulated ns).</summary>
    public long Time;

    /// <summary>Tie-breaker: the scheduling counter.</summary>
    public long Order;

    /// <summary>Agent index (wake, arrival, delivery), or −1 for kernel items.</summary>
    public int Agent;

    /// <summary>What it does.</summary>
    public ItemKind Kind;

    /// <summary>Wake token, command slot, or jump index, depending on <see cref="Kind"/>.</summary>
    public long Payload;
}
