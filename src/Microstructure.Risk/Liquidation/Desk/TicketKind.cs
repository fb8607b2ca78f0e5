namespace Microstructure.Risk.Liquidation.Desk;

/// <summary>What a liquidation-queue entry asks for.</summary>
internal enum TicketKind : byte
{
    /// <summary>A perpetual position was found breached: start a liquidation.</summary>
    Breach = 0,

    /// <summary>A lending position's health factor fell below 1.</summary>
    PoolBreach = 1,

    /// <summary>A parked liquidation is due again.</summary>
    Resume = 2,

    /// <summary>A breach parked before it started (trading was halted): check it again.</summary>
    Retrigger = 3,

    /// <summary>The backstop vault's next unwind slice is due.</summary>
    VaultUnwind = 4,

    /// <summary>The pool liquidator still holds seized collateral its last sale could not place: sell again.</summary>
    PoolUnwind = 5,

    /// <summary>The insurance fund's next unwind order of what it holds is due.</summary>
    FundUnwind = 6,
}
