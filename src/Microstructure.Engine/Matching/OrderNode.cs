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
    public long StopPrice;
    public long Open;
    public long Visible;
    public long Display;
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
