namespace Microstructure.Replay.Population;

/// <summary>Where the risk layer's mark price comes from during a replay with a leveraged population.</summary>
public enum MarkSource : byte
{
    /// <summary>
    /// <c>mid</c>: the mid of the replayed book (historical liquidity plus simulated flow), floored to a tick; one
    /// side only: that side. Liquidation fills move it at once, so a cascade runs in waves inside one command with
    /// each liquidation's parent recorded. Any format.
    /// </summary>
    Mid = 0,

    /// <summary>
    /// <c>last-trade</c>: the last trade on the replayed tape — historical executions/trades and the replayed book's
    /// own fills, whichever came last — before the first trade the mid. Fed to the exchange as an external mark after
    /// every replay step; liquidations it triggers have no parent (the mark command moved the mark). Any format.
    /// </summary>
    LastTrade = 1,

    /// <summary>
    /// <c>ticker-mark</c>: the venue's own mark price from Tardis <c>derivative_ticker</c> (before the first row: the
    /// replayed mid). History decides the mark, so injected flow never moves it. Tardis with <c>--ticker</c> only.
    /// </summary>
    TickerMark = 2,

    /// <summary>
    /// <c>median-of-three</c>: the risk layer's Hyperliquid-style median of index + EMA(mid − index), median(bid,
    /// ask, last) and the index, with the index from Tardis <c>derivative_ticker</c> <c>index_price</c>. The replayed
    /// book feeds it, damped by the index. Tardis with <c>--ticker</c> only.
    /// </summary>
    MedianOfThree = 3,
}
