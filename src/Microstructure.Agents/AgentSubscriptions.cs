namespace Microstructure.Agents;

/// <summary>Public events an agent wants delivered (after its latency) besides those about its own account.</summary>
[Flags]
public enum AgentSubscriptions : byte
{
    /// <summary>Only its own events (and the delayed market snapshot).</summary>
    None = 0,

    /// <summary>Every liquidation's trigger, orders and finish (a public liquidation feed).</summary>
    Liquidations = 1,

    /// <summary>Dutch-auction starts, steps, takes, resets and ends.</summary>
    Auctions = 2,
}
