namespace Microstructure.Risk;

/// <summary>Why the risk layer refused a command.</summary>
public enum RiskRejectReason : byte
{
    /// <summary>Not rejected.</summary>
    None = 0,

    /// <summary>The account id is outside [0, MaxAccounts).</summary>
    UnknownAccount = 1,

    /// <summary>System accounts (insurance fund, vault, liquidator, keeper) do not trade through commands.</summary>
    SystemAccount = 2,

    /// <summary>The account is being liquidated (cool-down, auction, deferral) and may not trade or withdraw.</summary>
    AccountInLiquidation = 3,

    /// <summary>Order ids ≤ 0 are reserved for orders the risk layer generates.</summary>
    ReservedOrderId = 4,

    /// <summary>Not enough margin for the order's worst-case position (or for the withdrawal, leverage, transfer).</summary>
    InsufficientMargin = 5,

    /// <summary>A reduce-only order would open or increase a position.</summary>
    ReduceOnlyWouldIncrease = 6,

    /// <summary>The worst-case position would exceed the contract's position limit.</summary>
    PositionLimit = 7,

    /// <summary>The account's leverage is above what the worst-case position's bracket allows.</summary>
    LeverageTooHigh = 8,

    /// <summary>Trading is paused by the circuit breaker.</summary>
    TradingHalted = 9,

    /// <summary>A limit price lies outside the current price band.</summary>
    PriceOutsideBand = 10,

    /// <summary>An amount, leverage or price is zero, negative or out of range.</summary>
    InvalidAmount = 11,

    /// <summary>The account has an open position or open orders, so the margin mode cannot change.</summary>
    PositionOrOrdersOpen = 12,

    /// <summary>The command needs an isolated (or a cross) account.</summary>
    WrongMarginMode = 13,

    /// <summary>The command does not apply with this configuration (no lending pool, not the external mark, no auction, …).</summary>
    NotEnabled = 14,

    /// <summary>Not enough cash, lots, supplied liquidity or pool liquidity for the transfer.</summary>
    InsufficientBalance = 15,

    /// <summary>The lending position would fall below its loan-to-value limit or health factor 1.</summary>
    HealthFactorTooLow = 16,

    /// <summary>The auction does not exist or its price is worse than the bidder's limit.</summary>
    AuctionUnavailable = 17,
}
