using Microstructure.Engine;
using Microstructure.Risk;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// The text written for enum values in the tables: string literals, so writing a row allocates nothing; null (an empty
/// CSV field, a Parquet null) where the event has no such value.
/// </summary>
internal static class EventNames
{
    public static string Of(Side side) => side == Side.Buy ? "buy" : "sell";

    public static string? Of(LiquidationCause cause) => cause switch
    {
        LiquidationCause.MarkMove => "mark_move",
        LiquidationCause.Fill => "fill",
        LiquidationCause.Funding => "funding",
        LiquidationCause.AccountChange => "account_change",
        LiquidationCause.MarginMultiplier => "margin_multiplier",
        LiquidationCause.Transfer => "transfer",
        LiquidationCause.Resumed => "resumed",
        LiquidationCause.HealthFactor => "health_factor",
        _ => null,
    };

    /// <summary>The design names of docs/risk.md (the names a scenario uses).</summary>
    public static string? Of(LiquidationDesignKind design) => design switch
    {
        LiquidationDesignKind.FullClose => "full-close",
        LiquidationDesignKind.TieredPartial => "tiered-partial",
        LiquidationDesignKind.InsuranceFund => "insurance-fund",
        LiquidationDesignKind.AutoDeleverage => "adl",
        LiquidationDesignKind.TimeSliced => "time-sliced",
        LiquidationDesignKind.BackstopVault => "backstop-vault",
        LiquidationDesignKind.DutchAuction => "dutch-auction",
        LiquidationDesignKind.LendingPool => "lending-pool",
        _ => null,
    };

    public static string? Of(FundMovementReason reason) => reason switch
    {
        FundMovementReason.ClearanceFee => "clearance_fee",
        FundMovementReason.Residual => "residual",
        FundMovementReason.DeficitCover => "deficit_cover",
        FundMovementReason.FundingRemainder => "funding_remainder",
        FundMovementReason.AuctionPenalty => "auction_penalty",
        FundMovementReason.Transfer => "transfer",
        FundMovementReason.HedgePnl => "hedge_pnl",
        FundMovementReason.HedgeCost => "hedge_cost",
        _ => null,
    };

    /// <summary>The side of an event that has one (liquidation triggers, orders, transfers, auctions); null otherwise.</summary>
    public static string? SideOf(in ExchangeEvent e) => e.Type is ExchangeEventType.LiquidationFinished
        or ExchangeEventType.LiquidationDeferred or ExchangeEventType.PoolBadDebt ? null : Of(e.Engine.Side);

    /// <summary>Names of the events on the liquidation tape.</summary>
    public static string Of(ExchangeEventType type) => type switch
    {
        ExchangeEventType.LiquidationTriggered => "triggered",
        ExchangeEventType.LiquidationOrder => "order",
        ExchangeEventType.Takeover => "takeover",
        ExchangeEventType.AutoDeleverage => "adl",
        ExchangeEventType.LiquidationFinished => "finished",
        ExchangeEventType.LiquidationDeferred => "deferred",
        ExchangeEventType.InsuranceFund => "fund",
        ExchangeEventType.BadDebt => "bad_debt",
        ExchangeEventType.AuctionStarted => "auction_started",
        ExchangeEventType.AuctionStep => "auction_step",
        ExchangeEventType.AuctionTake => "auction_take",
        ExchangeEventType.AuctionReset => "auction_reset",
        ExchangeEventType.AuctionFinished => "auction_finished",
        ExchangeEventType.PoolLiquidation => "pool_liquidation",
        ExchangeEventType.PoolBadDebt => "pool_bad_debt",
        _ => "other",
    };
}
