namespace Microstructure.Risk.Ledger;

/// <summary>State bits of an account.</summary>
[Flags]
internal enum AccountFlags : byte
{
    None = 0,

    /// <summary>Insurance fund, vault, pool liquidator or auction keeper: exempt from fees, margin checks and liquidation.</summary>
    System = 1,

    /// <summary>Waiting in the liquidation queue (popped from the threshold index).</summary>
    Queued = 2,

    /// <summary>Owned by an ongoing liquidation (cool-down, auction, deferral): out of the index, commands refused.</summary>
    InLiquidation = 4,

    /// <summary>Changed during the current step (for the breach cause and reduce-only enforcement).</summary>
    Touched = 8,

    /// <summary>Waiting in the queue for a lending-pool liquidation.</summary>
    PoolQueued = 16,
}
