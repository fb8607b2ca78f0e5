namespace Microstructure.Agents.Families;

/// <summary>Where a <see cref="Hedger"/> is.</summary>
internal enum HedgerPhase : byte
{
    /// <summary>Before its entry time.</summary>
    Waiting = 0,

    /// <summary>Selling its short in slices.</summary>
    Entering = 1,

    /// <summary>Holding the short, watching its margin ratio.</summary>
    Holding = 2,

    /// <summary>Out: liquidated to flat, or it could not open.</summary>
    Retired = 3,
}
