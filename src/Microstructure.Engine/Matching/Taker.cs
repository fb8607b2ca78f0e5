namespace Microstructure.Engine.Matching;

/// <summary>The aggressing side of a match, held in a local so that a taker that never rests needs no node.</summary>
internal struct Taker
{
    public long Id;
    public long AccountId;

    /// <summary>Order price reported in events (zero for market orders).</summary>
    public long Price;

    /// <summary>Worst acceptable maker price: the limit, or long.MaxValue / 0 for a market buy / sell.</summary>
    public long Limit;
    public long Remaining;
    public Side Side;
    public SelfTradePrevention Stp;
}
