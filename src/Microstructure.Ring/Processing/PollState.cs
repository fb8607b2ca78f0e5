namespace Microstructure.Ring;

/// <summary>What one <see cref="EventPoller{T}.Poll{THandler}(ref THandler)"/> call found.</summary>
public enum PollState
{
    /// <summary>At least one event was handled.</summary>
    Processing,

    /// <summary>Events are published but an upstream consumer has not processed them yet.</summary>
    Gating,

    /// <summary>Nothing new is published.</summary>
    Idle,
}
