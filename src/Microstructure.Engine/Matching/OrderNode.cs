namespace Microstructure.Engine.Matching;

/// <summary>
/// One pooled order slot. Lives in a pre-allocated array and is linked by indices (never references), so the
/// book allocates nothing after construction and the GC has no object graph to walk.
/// </summary>
/// <remarks>
/// Exactly 64 bytes, one cache line, so touching an order never costs two misses. That is why it has no level
/// index (the level is found by price, a direct array read) and no arrival number (queue order is the list order;
/// stops of equal trigger price keep arrival order by position in the stop book).
/// </remarks>
internal struct OrderNode
{
    public long Id;
    public long AccountId;
    public long Price;
    public long Open;
    public long Visible;

    /// <summary>
    /// A pending stop's trigger price, or a resting order's iceberg display size (0 = fully visible). One field for
    /// both keeps the node at 64 bytes: no order needs both, since icebergs must be limit GTC orders and a triggered
    /// stop is no longer a stop (the field is cleared when it triggers).
    /// </summary>
    public long StopPriceOrDisplay;

    public int Next;
    public int Prev;
    public NodeState State;
    public Side Side;
    public OrderType OrderType;
    public TimeInForce TimeInForce;
    public OrderFlags Flags;
    public SelfTradePrevention Stp;
}
