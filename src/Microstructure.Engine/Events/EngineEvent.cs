namespace Microstructure.Engine;

/// <summary>
/// One event on the output ring. A flat, blittable struct so that events are written in place into ring slots
/// and journaled without allocation. Which fields are meaningful depends on <see cref="Type"/>.
/// </summary>
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

    /// <summary>Trade price; order price for accepted/amended/cancelled orders.</summary>
    public Price Price;

    /// <summary>Trade quantity; quantity cancelled; order quantity on accept; new open quantity on amend.</summary>
    public Quantity Quantity;

    /// <summary>The subject (taker) order's open quantity after this event.</summary>
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
}
