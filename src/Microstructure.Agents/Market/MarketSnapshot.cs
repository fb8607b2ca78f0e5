namespace Microstructure.Agents.Market;

/// <summary>
/// Public market data as one agent sees it: the state after every exchange command that arrived up to
/// <see cref="TimeNs"/>, which is the agent's clock minus its outbound latency. Prices in ticks (0 = unknown).
/// </summary>
/// <param name="TimeNs">The exchange time this view describes.</param>
/// <param name="BidPrice">Best bid (0 when the side is empty).</param>
/// <param name="BidQuantity">Size at the best bid.</param>
/// <param name="AskPrice">Best ask (0 when the side is empty).</param>
/// <param name="AskQuantity">Size at the best ask.</param>
/// <param name="LastPrice">Last trade price (0 before the first trade).</param>
/// <param name="MarkPrice">Mark price (0 before the exchange priced the contract).</param>
/// <param name="IndexPrice">Index (oracle) price (0 before the first index update).</param>
/// <param name="Volume">Lots traded since the start.</param>
/// <param name="ShortVolatility">EWMA volatility of the mid's log returns over the short window, per √second.</param>
/// <param name="LongVolatility">The same over the long window, per √second.</param>
public readonly record struct MarketSnapshot(
    long TimeNs,
    long BidPrice,
    long BidQuantity,
    long AskPrice,
    long AskQuantity,
    long LastPrice,
    long MarkPrice,
    long IndexPrice,
    long Volume,
    double ShortVolatility,
    double LongVolatility)
{
    /// <summary>Whether both sides of the book are quoted.</summary>
    public bool HasQuotes => BidPrice > 0 && AskPrice > 0;

    /// <summary>Mid price in ticks (may be a half tick) when both sides exist, else <see cref="ReferencePrice"/>.</summary>
    public double Mid => HasQuotes ? (BidPrice + AskPrice) / 2.0 : ReferencePrice;

    /// <summary>The best price known: the mid, else the last trade, the mark, the index; 0 when nothing is known.</summary>
    public long ReferencePrice => HasQuotes ? (BidPrice + AskPrice) / 2
        : LastPrice > 0 ? LastPrice
        : MarkPrice > 0 ? MarkPrice
        : IndexPrice;

    /// <summary>Ask − bid in ticks, or 0 without both sides.</summary>
    public long Spread => HasQuotes ? AskPrice - BidPrice : 0;

    /// <summary>The price a buyer would pay now (best ask, else the reference).</summary>
    public long BuyPrice => AskPrice > 0 ? AskPrice : ReferencePrice;

    /// <summary>The price a seller would get now (best bid, else the reference).</summary>
    public long SellPrice => BidPrice > 0 ? BidPrice : ReferencePrice;
}
