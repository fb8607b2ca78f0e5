namespace Microstructure.Risk;

/// <summary>Why the insurance fund moved.</summary>
public enum FundMovementReason : byte
{
    /// <summary>Not a fund movement.</summary>
    None = 0,

    /// <summary>Liquidation clearance fee (a rate of the liquidated notional, capped by the account's equity).</summary>
    ClearanceFee = 1,

    /// <summary>What was left of a bankrupt account's margin after its position was closed or taken over.</summary>
    Residual = 2,

    /// <summary>The fund paid an account's negative balance.</summary>
    DeficitCover = 3,

    /// <summary>Funding rounding remainder (payers round up, receivers down).</summary>
    FundingRemainder = 4,

    /// <summary>Dutch-auction liquidation penalty.</summary>
    AuctionPenalty = 5,

    /// <summary>A deposit into or withdrawal from the fund account itself.</summary>
    Transfer = 6,

    /// <summary>
    /// The hedge venue's variation on the fund's or the vault's hedge (named by the event's account): hedge lots ×
    /// (index now − index at the last settlement) × k, paid into (or out of) its cash from outside the exchange.
    /// </summary>
    HedgePnl = 7,

    /// <summary>
    /// A hedge trade's fee and slippage (negative), paid out of the hedger's cash to the hedge venue; the event's
    /// side, quantity and price are the trade's (at the index).
    /// </summary>
    HedgeCost = 8,
}
