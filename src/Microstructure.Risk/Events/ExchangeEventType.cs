namespace Microstructure.Risk;

/// <summary>
/// The kind of an <see cref="ExchangeEvent"/>. Values 0–7 are the matching engine's events (same numbers as
/// <c>EngineEventType</c>); values from 16 are the risk layer's.
/// </summary>
public enum ExchangeEventType : byte
{
    /// <summary>Engine: a new order passed validation.</summary>
    Accepted = 0,

    /// <summary>Engine: a fill (taker = subject order, maker = maker fields).</summary>
    Trade = 1,

    /// <summary>Engine: an order or remainder left the book; see <see cref="EngineEvent.CancelReason"/>.</summary>
    Cancelled = 2,

    /// <summary>Engine: the matching engine refused the command; see <see cref="EngineEvent.RejectReason"/>.</summary>
    Rejected = 3,

    /// <summary>Engine: a stop order triggered.</summary>
    StopTriggered = 4,

    /// <summary>Engine: best bid/ask changed.</summary>
    TopOfBook = 5,

    /// <summary>Engine: an order was amended or reduced.</summary>
    Amended = 6,

    /// <summary>Engine: one level of an L2 snapshot (an order command of type <c>SnapshotL2</c>).</summary>
    L2Level = 7,

    /// <summary>Risk refused the command; see <see cref="ExchangeEvent.RiskReason"/>. Nothing changed.</summary>
    RiskRejected = 16,

    /// <summary>Cash entered an account: <see cref="ExchangeEvent.Amount"/>.</summary>
    Deposit = 17,

    /// <summary>Cash left an account: <see cref="ExchangeEvent.Amount"/>.</summary>
    Withdrawal = 18,

    /// <summary>An account's leverage changed to <see cref="ExchangeEvent.Amount"/>.</summary>
    LeverageChanged = 19,

    /// <summary>An account's margin mode changed (<see cref="ExchangeEvent.Amount"/>: 0 cross, 1 isolated).</summary>
    MarginModeChanged = 20,

    /// <summary>Cash moved into (positive <see cref="ExchangeEvent.Amount"/>) or out of an isolated position's margin.</summary>
    IsolatedMarginAdjusted = 21,

    /// <summary>The index price changed to <see cref="EngineEvent.Price"/>.</summary>
    IndexPrice = 22,

    /// <summary>The mark price changed to <see cref="ExchangeEvent.MarkPrice"/> (from <see cref="EngineEvent.Price"/>).</summary>
    MarkPrice = 23,

    /// <summary>Funding settled at <see cref="ExchangeEvent.Rate"/>; <see cref="ExchangeEvent.Amount"/> is the rounding remainder paid to the fund.</summary>
    FundingSettled = 24,

    /// <summary>One account's funding payment: <see cref="ExchangeEvent.Amount"/> (negative = paid).</summary>
    FundingPayment = 25,

    /// <summary>Risk cancels an order of the account (liquidation, or a reduce-only order that would now increase).</summary>
    RiskCancel = 26,

    /// <summary>A liquidation starts: trigger mark, margin ratio, equity, MM, position, bankruptcy price, parent.</summary>
    LiquidationTriggered = 32,

    /// <summary>The liquidation engine sends an order: <see cref="EngineEvent.OrderId"/>, side, quantity, limit price.</summary>
    LiquidationOrder = 33,

    /// <summary>A position moved to <see cref="ExchangeEvent.CounterpartyAccountId"/> (fund, vault, auction bidder) off the book.</summary>
    Takeover = 34,

    /// <summary>
    /// Auto-deleveraging: the counterparty's opposite position was closed against the bankrupt one at
    /// <see cref="EngineEvent.Price"/>; <see cref="ExchangeEvent.Rate"/> is its rank score. When the counterparty's
    /// lending-pool collateral was used (the last resort for a short), <see cref="ExchangeEvent.PositionLots"/> is −1.
    /// </summary>
    AutoDeleverage = 35,

    /// <summary>A liquidation step ended: what is left of the position and the account's state.</summary>
    LiquidationFinished = 36,

    /// <summary>A liquidation waits (cool-down, cap, halt, auction room): resumes at <see cref="ExchangeEvent.Amount"/> ns.</summary>
    LiquidationDeferred = 37,

    /// <summary>The insurance fund moved by <see cref="ExchangeEvent.Amount"/>; see <see cref="ExchangeEvent.FundReason"/>.</summary>
    InsuranceFund = 38,

    /// <summary>A loss nobody covered was written off: <see cref="ExchangeEvent.Amount"/>.</summary>
    BadDebt = 39,

    /// <summary>A Dutch auction starts for <see cref="EngineEvent.Quantity"/> lots at <see cref="EngineEvent.Price"/>.</summary>
    AuctionStarted = 48,

    /// <summary>An auction's price stepped to <see cref="EngineEvent.Price"/>.</summary>
    AuctionStep = 49,

    /// <summary>A bidder took <see cref="EngineEvent.Quantity"/> lots at <see cref="EngineEvent.Price"/>.</summary>
    AuctionTake = 50,

    /// <summary>An auction restarted from a new start price (tail or cusp reached).</summary>
    AuctionReset = 51,

    /// <summary>An auction ended; <see cref="EngineEvent.Quantity"/> lots were not sold.</summary>
    AuctionFinished = 52,

    /// <summary>Circuit breaker: trading paused until <see cref="ExchangeEvent.Amount"/> ns; band level in <see cref="ExchangeEvent.Rate"/>.</summary>
    TradingHalted = 56,

    /// <summary>Circuit breaker: trading resumed with the band in <see cref="ExchangeEvent.Rate"/>.</summary>
    TradingResumed = 57,

    /// <summary>
    /// Dynamic or predictive margin: the maintenance multiplier changed to <see cref="ExchangeEvent.Rate"/> (dynamic ×
    /// predictive); with predictive margin, <see cref="ExchangeEvent.Amount"/> is the initial-margin multiplier.
    /// </summary>
    MarginMultiplier = 58,

    /// <summary>Lending: the account supplied <see cref="ExchangeEvent.Amount"/> of liquidity.</summary>
    PoolSupplied = 64,

    /// <summary>Lending: the account withdrew <see cref="ExchangeEvent.Amount"/> of liquidity.</summary>
    PoolSupplyWithdrawn = 65,

    /// <summary>Lending: <see cref="EngineEvent.Quantity"/> lots moved into collateral.</summary>
    CollateralDeposited = 66,

    /// <summary>Lending: <see cref="EngineEvent.Quantity"/> lots of collateral moved back.</summary>
    CollateralWithdrawn = 67,

    /// <summary>Lending: the account borrowed <see cref="ExchangeEvent.Amount"/>.</summary>
    Borrowed = 68,

    /// <summary>Lending: the account repaid <see cref="ExchangeEvent.Amount"/>.</summary>
    Repaid = 69,

    /// <summary>Lending: a liquidator repaid <see cref="ExchangeEvent.Amount"/> and seized <see cref="EngineEvent.Quantity"/> lots.</summary>
    PoolLiquidation = 70,

    /// <summary>Lending: debt left without collateral was written off (<see cref="ExchangeEvent.Amount"/>).</summary>
    PoolBadDebt = 71,

    /// <summary>Lending: the account's e-mode changed (<see cref="ExchangeEvent.Amount"/> 1 = on).</summary>
    EModeChanged = 72,
}
