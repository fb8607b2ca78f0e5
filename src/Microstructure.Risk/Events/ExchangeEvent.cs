namespace Microstructure.Risk;

/// <summary>
/// One event of the exchange (matching engine plus risk layer) on the output ring: a flat, blittable struct written
/// in place and journaled without allocation. Which fields are meaningful depends on <see cref="Type"/>
/// (see <see cref="ExchangeEventType"/>); unused fields are zero.
/// </summary>
/// <remarks>
/// Engine events keep the engine's field meanings and carry <see cref="LiquidationId"/> when they belong to a
/// liquidation's order. Risk events about a liquidation carry its <see cref="LiquidationId"/>, the
/// <see cref="ParentLiquidationId"/> whose fills (or whose order's maker fill) caused the breach, and
/// <see cref="TriggerSequence"/>, the sequence of the command that caused the breach.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1051:Do not declare visible instance fields", Justification = "A flat blittable struct written in place into ring slots; properties would add nothing but copies.")]
public struct ExchangeEvent
{
    /// <summary>The kind of event.</summary>
    public ExchangeEventType Type;

    /// <summary>
    /// The matching engine's fields, with the engine's meanings: for the engine's own events (<see cref="IsEngineEvent"/>)
    /// a copy of the engine's event; for the risk layer's, the subject's command sequence, timestamp, account, order,
    /// side, price and quantity (see <see cref="ExchangeEventType"/> for each type). <c>Engine.Type</c> is meaningful
    /// only for the engine's events; read <see cref="Type"/>.
    /// </summary>
    public EngineEvent Engine;

    /// <summary>For <see cref="ExchangeEventType.RiskRejected"/> and <see cref="ExchangeEventType.RiskCancel"/>: why.</summary>
    public RiskRejectReason RiskReason;

    /// <summary>For <see cref="ExchangeEventType.LiquidationTriggered"/>: what caused the breach.</summary>
    public LiquidationCause Cause;

    /// <summary>For <see cref="ExchangeEventType.InsuranceFund"/>: why the fund moved.</summary>
    public FundMovementReason FundReason;

    /// <summary>For liquidation events: the design that handles the liquidation.</summary>
    public LiquidationDesignKind Design;

    /// <summary>The liquidation this event belongs to (1, 2, 3, … in start order); 0 when none.</summary>
    public long LiquidationId;

    /// <summary>The liquidation whose fills moved the mark past this account's threshold (or filled it as maker); 0 when none.</summary>
    public long ParentLiquidationId;

    /// <summary>
    /// The command whose effects caused the event: for a liquidation's events the command that caused the breach (it
    /// differs from <see cref="EngineEvent.CommandSequence"/> for resumed and time-driven liquidation work), otherwise the command itself.
    /// </summary>
    public long TriggerSequence;

    /// <summary>The other account: fund, vault, ADL counterparty, auction bidder, pool liquidator.</summary>
    public long CounterpartyAccountId;

    /// <summary>Mark price at the event (for triggers: the trigger mark; for mark events: the new mark).</summary>
    public Price MarkPrice;

    /// <summary>Bankruptcy price of the position at the event (ticks).</summary>
    public Price BankruptcyPrice;

    /// <summary>The account's signed position in lots after the event (before it for triggers).</summary>
    public long PositionLots;

    /// <summary>Cash units (deposits, fees, fund moves, funding, bad debt, repayments) or a time in ns (deferrals, halts).</summary>
    public long Amount;

    /// <summary>Equity of the position's margin ledger at the mark (cash units).</summary>
    public long Equity;

    /// <summary>Maintenance margin at the mark (cash units).</summary>
    public long MaintenanceMargin;

    /// <summary>MM / equity in rate units (10⁸ = 100%; <see cref="long.MaxValue"/> when equity ≤ 0); lending: health factor.</summary>
    public long MarginRatio;

    /// <summary>Insurance fund balance before the event's fund movements.</summary>
    public long FundBefore;

    /// <summary>Insurance fund balance after them.</summary>
    public long FundAfter;

    /// <summary>A rate (funding rate, margin multiplier, band, ADL rank score) in rate units.</summary>
    public long Rate;

    /// <summary>
    /// For <see cref="ExchangeEventType.Trade"/>: the fee settlement charged the taker (<see cref="EngineEvent.AccountId"/>)
    /// on this fill, in cash units: ⌈q·P·k × taker rate⌉ (rounded up against the trader), 0 for a system account or a
    /// zero rate. Already deducted from <see cref="TakerBalance"/>. 0 on every other event.
    /// </summary>
    public long TakerFee;

    /// <summary>
    /// For <see cref="ExchangeEventType.Trade"/>: the fee settlement charged the maker (<see cref="EngineEvent.MakerAccountId"/>)
    /// on this fill, in cash units: ⌈q·P·k × maker rate⌉, 0 for a system account or a zero rate. Already deducted from
    /// <see cref="MakerBalance"/>. 0 on every other event.
    /// </summary>
    public long MakerFee;

    /// <summary>
    /// For <see cref="ExchangeEventType.Trade"/>: the taker's settled cash once this fill is settled (cash units) — the
    /// account's whole cash in cross margin; in isolated margin the position's margin plus the free cash (their sum:
    /// settlement moves cash between the two, and the split is not on the event). Excludes unrealised PnL, lending
    /// collateral, debt and pool supply; may be negative until the step settles deficits. When an account trades with
    /// itself, both balances are its cash after both sides settled. 0 on every other event.
    /// </summary>
    public long TakerBalance;

    /// <summary>
    /// For <see cref="ExchangeEventType.Trade"/>: the maker's settled cash once this fill is settled, with the meaning of
    /// <see cref="TakerBalance"/>. 0 on every other event.
    /// </summary>
    public long MakerBalance;

    /// <summary>True for the matching engine's own events (types 0–6).</summary>
    public readonly bool IsEngineEvent => (byte)Type <= (byte)ExchangeEventType.L2Level;
}
