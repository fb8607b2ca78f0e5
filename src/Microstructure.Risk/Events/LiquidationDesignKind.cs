namespace Microstructure.Risk;

/// <summary>The liquidation design that produced an event (see docs/risk.md for each).</summary>
public enum LiquidationDesignKind : byte
{
    /// <summary>Not a liquidation event.</summary>
    None = 0,

    /// <summary><c>full-close</c>: one market order for the whole position.</summary>
    FullClose = 1,

    /// <summary><c>tiered-partial</c>: reduce to the next-lower bracket, then take over.</summary>
    TieredPartial = 2,

    /// <summary><c>insurance-fund</c>: takeover at the bankruptcy price, the fund unwinds on the book.</summary>
    InsuranceFund = 3,

    /// <summary><c>adl</c>: close against ranked opposite positions at the bankruptcy price.</summary>
    AutoDeleverage = 4,

    /// <summary><c>time-sliced</c>: slices with cool-downs and per-interval caps.</summary>
    TimeSliced = 5,

    /// <summary><c>backstop-vault</c>: a vault takes over below a fraction of maintenance margin.</summary>
    BackstopVault = 6,

    /// <summary><c>dutch-auction</c>: the position is auctioned at a falling price.</summary>
    DutchAuction = 7,

    /// <summary>Lending pool liquidation (protocol liquidator).</summary>
    LendingPool = 8,
}
