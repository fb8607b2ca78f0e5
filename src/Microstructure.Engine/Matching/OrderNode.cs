namespace Microstructure.Engine.Matching;

/// <summary>
/// One pooled order slot. Lives in a pre-allocated array and is linked by indices (never references), so the
/// book allocates nothing after construction and the GC has no object graph to walk.
/// </summary>
internal struct OrderNode
{
    public long Id;
    public long AccountId;
    public long Price;
    public long Open;
    public long Visible;

    /// <summary>
    /// A pending stop's trigger price, or a resting order's iceberg display size (0 = fully visible). One field for
    /// both keeps the node at 80 bytes: no order needs both, since icebergs must be limit GTC orders and a triggered
    /// stop is no longer a stop (the field is cleared when it triggers).
    /// </summary>
    public long StopPriceOrDisplay;

    public long Arrival;
    public int Next;
    public int Prev;
    public int Level;
    public NodeState State;
    public Side Side;
    public OrderType OrderType;
    public TimeInForce TimeInForce;
    public OrderFlags Flags;
    public SelfTradePrevention Stp;
}
