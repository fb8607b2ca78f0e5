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
public struct ExchangeEvent
{
    /// <summary>The kind of event.</summary>
    public ExchangeEventType Type;

    /// <summary>Side of the subject order; for a trade the aggressor; for liquidation orders the order's side.</summary>
    public Side Side;

    /// <summary>For <see cref="ExchangeEventType.Rejected"/>: the engine's reason.</summary>
    public RejectReason RejectReason;

    /// <summary>For <see cref="ExchangeEventType.Cancelled"/>: the engine's reason.</summary>
    public CancelReason CancelReason;

    /// <summary>For <see cref="ExchangeEventType.RiskRejected"/> and <see cref="ExchangeEventType.RiskCancel"/>: why.</summary>
    public RiskRejectReason RiskReason;

    /// <summary>For <see cref="ExchangeEventType.LiquidationTriggered"/>: what caused the breach.</summary>
    public LiquidationCause Cause;

    /// <summary>For <see cref="ExchangeEventType.InsuranceFund"/>: why the fund moved.</summary>
    public FundMovementReason FundReason;

    /// <summary>For liquidation events: the design that handles the liquidation.</summary>
    public LiquidationDesignKind Design;

    /// <summary>For <see cref="ExchangeEventType.Accepted"/>: the kind of order (as in the engine's event).</summary>
    public OrderType OrderType;

    /// <summary>For <see cref="ExchangeEventType.Accepted"/>: the order's time in force.</summary>
    public TimeInForce TimeInForce;

    /// <summary>For <see cref="ExchangeEventType.Accepted"/>: the order's post-only / reduce-only flags.</summary>
    public OrderFlags Flags;

    /// <summary>Sequence number of the input command being processed when the event was emitted.</summary>
    public long CommandSequence;

    /// <summary>Timestamp of that command.</summary>
    public Timestamp Timestamp;

    /// <summary>Subject order; for a trade the taker's order; for liquidation orders the generated (negative) id.</summary>
    public OrderId OrderId;

    /// <summary>Subject account (for a trade the taker's; for liquidation events the liquidated account).</summary>
    public long AccountId;

    /// <summary>For a trade: the maker's order.</summary>
    public OrderId MakerOrderId;

    /// <summary>For a trade: the maker's account.</summary>
    public long MakerAccountId;

    /// <summary>Trade/order price, takeover/ADL price, auction price, previous mark (mark events), index (index events).</summary>
    public Price Price;

    /// <summary>Trade quantity, order size, lots taken over/deleveraged/auctioned.</summary>
    public Quantity Quantity;

    /// <summary>Engine: the subject order's open quantity after the event.</summary>
    public Quantity RemainingQuantity;

    /// <summary>Engine: the maker's open quantity after the fill.</summary>
    public Quantity MakerRemainingQuantity;

    /// <summary>Engine top of book: best bid.</summary>
    public Price BidPrice;

    /// <summary>Engine top of book: size at the best bid.</summary>
    public Quantity BidQuantity;

    /// <summary>Engine top of book: best ask.</summary>
    public Price AskPrice;

    /// <summary>Engine top of book: size at the best ask.</summary>
    public Quantity AskQuantity;

    /// <summary>For <see cref="ExchangeEventType.Accepted"/> of a stop order: its trigger price.</summary>
    public Price StopPrice;

    /// <summary>For <see cref="ExchangeEventType.Accepted"/> of an iceberg: its display size.</summary>
    public Quantity DisplayQuantity;

    /// <summary>For <see cref="ExchangeEventType.L2Level"/>: the level's rank on its side (0 = best).</summary>
    public int Level;

    /// <summary>For <see cref="ExchangeEventType.L2Level"/>: the number of orders queued at the level.</summary>
    public int OrderCount;

    /// <summary>The liquidation this event belongs to (1, 2, 3, … in start order); 0 when none.</summary>
    public long LiquidationId;

    /// <summary>The liquidation whose fills moved the mark past this account's threshold (or filled it as maker); 0 when none.</summary>
    public long ParentLiquidationId;

    /// <summary>
    /// The command whose effects caused the event: for a liquidation's events the command that caused the breach (it
    /// differs from <see cref="CommandSequence"/> for resumed and time-driven liquidation work), otherwise the command itself.
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

    /// <summary>True for the matching engine's own events (types 0–6).</summary>
    public readonly bool IsEngineEvent => (byte)Type <= (byte)ExchangeEventType.L2Level;
}
