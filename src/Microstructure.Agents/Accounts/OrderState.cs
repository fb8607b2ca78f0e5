namespace Microstructure.Agents.Accounts;

/// <summary>Where one of the agent's own orders stands, as far as the agent knows.</summary>
public enum OrderState : byte
{
    /// <summary>Sent; no answer from the exchange yet.</summary>
    Pending = 0,

    /// <summary>Accepted (resting, or a stop waiting for its trigger).</summary>
    Live = 1,

    /// <summary>A cancel was sent; no answer yet.</summary>
    Cancelling = 2,
}
