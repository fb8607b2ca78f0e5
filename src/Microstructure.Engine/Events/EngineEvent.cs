namespace Microstructure.Engine;

/// <summary>
/// One event on the output ring. A flat, blittable struct so that events are written in place into ring slots
/// and journaled without allocation. Which fields are meaningful depends on <see cref="Type"/>.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1051:Do not declare visible instance fields", Justification = "A flat blittable struct written in place into ring slots; properties would add nothing but copies.")]
public struct EngineEvent
{
    /// <summary>The kind of event.</summary>
    public EngineEventType Type;

    /// <summary>Side of the subject order; for <see cref="EngineEventType.Trade"/> the aggressor (taker) side.</summary>
    public Side Side;

    /// <summary>For <see cref="EngineEventType.Rejected"/>.</summary>
    public RejectReason RejectReason;

    /// <summary>For <see cref="EngineEventType.Cancelled"/>.</summary>
    public CancelReason CancelReason;

    /// <summary>For <see cref="EngineEventType.Accepted"/>: the kind of order.</summary>
    public OrderType OrderType;

    /// <summary>For <see cref="EngineEventType.Accepted"/>: the order's time in force.</summary>
    public TimeInForce TimeInForce;

    /// <summary>For <see cref="EngineEventType.Accepted"/>: the order's post-only / reduce-only flags.</summary>
    public OrderFlags Flags;

    /// <summary>Sequence number of the input command that caused this event.</summary>
    public long CommandSequence;

    /// <summary>Timestamp of that command.</summary>
    public Timestamp Timestamp;

    /// <summary>Subject order; for a trade the taker's order.</summary>
    public OrderId OrderId;

    /// <summary>Account of the subject order; for a trade the taker's account.</summary>
    public long AccountId;

    /// <summary>For a trade: the resting (maker) order.</summary>
    public OrderId MakerOrderId;

    /// <summary>For a trade: the maker's account.</summary>
    public long MakerAccountId;

    /// <summary>Trade price; order price for accepted/amended/cancelled orders; level price for an L2 level.</summary>
    public Price Price;

    /// <summary>
    /// Trade quantity; quantity cancelled; order quantity on accept; new open quantity on amend; visible size of an
    /// L2 level.
    /// </summary>
    public Quantity Quantity;

    /// <summary>The subject (taker) order's open quantity after this event; for an L2 level, its open size including hidden iceberg reserve.</summary>
    public Quantity RemainingQuantity;

    /// <summary>For a trade: the maker order's open quantity after this fill.</summary>
    public Quantity MakerRemainingQuantity;

    /// <summary>For <see cref="EngineEventType.TopOfBook"/>: best bid (zero when the side is empty).</summary>
    public Price BidPrice;

    /// <summary>For <see cref="EngineEventType.TopOfBook"/>: total visible size at the best bid.</summary>
    public Quantity BidQuantity;

    /// <summary>For <see cref="EngineEventType.TopOfBook"/>: best ask (zero when the side is empty).</summary>
    public Price AskPrice;

    /// <summary>For <see cref="EngineEventType.TopOfBook"/>: total visible size at the best ask.</summary>
    public Quantity AskQuantity;

    /// <summary>For <see cref="EngineEventType.Accepted"/> of a stop order: its trigger price.</summary>
    public Price StopPrice;

    /// <summary>For <see cref="EngineEventType.Accepted"/> of an iceberg: its display size.</summary>
    public Quantity DisplayQuantity;

    /// <summary>For <see cref="EngineEventType.L2Level"/>: the level's rank on its side (0 = best).</summary>
    public int Level;

    /// <summary>For <see cref="EngineEventType.L2Level"/>: the number of orders queued at the level.</summary>
    public int OrderCount;
}
