using Microstructure.Engine;

namespace Microstructure.Replay.Processing;

/// <summary>
/// Market data handed to <see cref="IReplayProcessor.OnMarketData"/>. Integer throughout: prices in ticks,
/// quantities in lots, the funding rate in units of 10⁻⁸ (0.0001 = 10,000), zero when the source did not give it.
/// </summary>
internal struct MarketDataUpdate
{
    /// <summary>What this update carries.</summary>
    public MarketDataKind Kind;

    /// <summary>Source time, nanoseconds.</summary>
    public Timestamp Timestamp;

    /// <summary>Trade: aggressor side (null when the source does not say). Liquidation: side of the liquidation order (sell = a long was liquidated).</summary>
    public Side? Side;

    /// <summary>Trade or liquidation price; for a ticker the last price.</summary>
    public Price Price;

    /// <summary>Trade or liquidation quantity; for a ticker the open interest.</summary>
    public Quantity Quantity;

    /// <summary>Ticker: mark price.</summary>
    public Price MarkPrice;

    /// <summary>Ticker: index price.</summary>
    public Price IndexPrice;

    /// <summary>Ticker: funding rate × 10⁸.</summary>
    public long FundingRateE8;

    /// <summary>Halt: the new trading state.</summary>
    public HaltState Halt;
}
