namespace Microstructure.Agents.Families;

/// <summary>Where a <see cref="LendingLooper"/> is in its loop.</summary>
internal enum LoopPhase : byte
{
    /// <summary>Before its entry time.</summary>
    Waiting = 0,

    /// <summary>A purchase of the asset is working.</summary>
    Buying = 1,

    /// <summary>Collateral deposit sent.</summary>
    Depositing = 2,

    /// <summary>Borrow sent.</summary>
    Borrowing = 3,

    /// <summary>Looped; watching its health factor.</summary>
    Monitoring = 4,

    /// <summary>Deleveraging: collateral withdrawal sent.</summary>
    Withdrawing = 5,

    /// <summary>Deleveraging: the withdrawn lots are being sold.</summary>
    Selling = 6,

    /// <summary>Deleveraging: repayment sent.</summary>
    Repaying = 7,

    /// <summary>No collateral left (liquidated out) — nothing more to do.</summary>
    Done = 8,
}
