namespace Microstructure.Risk.Pricing;

/// <summary>How the mark price (which triggers liquidations and values positions) is computed.</summary>
public enum MarkPriceMethod : byte
{
    /// <summary>The last trade price (falls back to the mid, then the index, before the first trade).</summary>
    LastTrade = 0,

    /// <summary>The mid of best bid and best ask, floored to a tick (one side only: that side; empty book: last, index).</summary>
    Mid = 1,

    /// <summary>An exponential moving average of the mid over time (time constant <see cref="MarkPriceOptions.EmaTimeConstantSeconds"/>).</summary>
    EmaOfMid = 2,

    /// <summary>BitMEX fair price: index × (1 + funding rate × time to next funding / funding interval).</summary>
    FairPrice = 3,

    /// <summary>
    /// Hyperliquid-style median of three: index + EMA(mid − index), median(best bid, best ask, last trade), and the
    /// index itself standing in for other venues' mids.
    /// </summary>
    MedianOfThree = 4,

    /// <summary>Set only by <see cref="ExchangeCommandType.MarkPrice"/> commands (replayed or scenario-driven marks).</summary>
    External = 5,

    /// <summary>
    /// Binance USDⓈ-M style, the default: the median of index × (1 + funding basis), index + EMA(mid − index), and a
    /// book price (the median of best bid, best ask and last trade) — clamped to
    /// <see cref="MarkPriceOptions.IndexBand"/> around the index. A one-sided or empty book never sets it: the book
    /// term then falls back to index + EMA(basis).
    /// </summary>
    IndexAnchored = 6,
}
