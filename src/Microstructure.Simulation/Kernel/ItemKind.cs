namespace Microstructure.Simulation.Kernel;

/// <summary>What a scheduled kernel item does when its time comes.</summary>
internal enum ItemKind : byte
{
    /// <summary>Call an agent's <c>OnWake</c> (skipped when superseded by a later <c>WakeAt</c>).</summary>
    Wake = 0,

    /// <summary>An agent's command reaches the exchange.</summary>
    Arrival = 1,

    /// <summary>Hand an agent the events in its inbox that are due.</summary>
    Delivery = 2,

    /// <summary>Ask the exchange for an L2 snapshot.</summary>
    Snapshot = 3,

    /// <summary>Advance the exchange clock (funding, auctions, cool-downs).</summary>
    Tick = 4,

    /// <summary>Step the index process and send the new index.</summary>
    IndexUpdate = 5,

    /// <summary>Apply an index jump (a shock) and send the new index.</summary>
    IndexJump = 6,
}
