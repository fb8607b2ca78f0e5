using Microstructure.Analysis.Impact;
using Microstructure.Engine;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// One aggressive order reconstructed from its fills (a row of <c>analysis/impact_orders</c>): the consecutive trades
/// of one taker order in one command, with the mid just before the first fill and just after the book settled.
/// </summary>
internal record struct TakerOrder
{
    public long TimeNs;
    public long Sequence;
    public long OrderId;
    public long Account;
    public long LiquidationId;
    public Side Side;
    public long Quantity;
    public long Notional;
    public int Trades;
    public int Levels;
    public long LastPrice;
    public long MidBefore;
    public long MidAfter;
    public long MidLater;
    public double SizeOverVolume;

    /// <summary>The order as the impact analysis sees it.</summary>
    public readonly MarketOrderImpact Impact => new(TimeNs, Side, Quantity, MidBefore, MidAfter, MidLater);
}
