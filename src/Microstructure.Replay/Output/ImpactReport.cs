namespace Microstructure.Replay.Output;

/// <summary>
/// Where the injected flow left the price: the top of book just before and after the first injected order, and at
/// the end of the replay in the replayed book and in the historical book. Prices in ticks, 0 = that side was empty.
/// </summary>
public sealed class ImpactReport
{
    /// <summary>Best bid just before the first injected order.</summary>
    public long BidBefore { get; init; }

    /// <summary>Best ask just before the first injected order.</summary>
    public long AskBefore { get; init; }

    /// <summary>Best bid right after the first injected order.</summary>
    public long BidAfter { get; init; }

    /// <summary>Best ask right after the first injected order.</summary>
    public long AskAfter { get; init; }

    /// <summary>Best bid of the replayed book at the end.</summary>
    public long FinalBid { get; init; }

    /// <summary>Best ask of the replayed book at the end.</summary>
    public long FinalAsk { get; init; }

    /// <summary>Best bid of the historical book at the end (0 when the source gives no historical book).</summary>
    public long FinalHistoricalBid { get; init; }

    /// <summary>Best ask of the historical book at the end.</summary>
    public long FinalHistoricalAsk { get; init; }

    /// <summary>Bid lots the replayed book holds at the end inside the historical book's final window (the prices of its top levels).</summary>
    public long FinalBidDepth { get; init; }

    /// <summary>Bid lots the historical book holds at the end in that window.</summary>
    public long FinalHistoricalBidDepth { get; init; }

    /// <summary>Ask lots the replayed book holds at the end inside the historical book's final window.</summary>
    public long FinalAskDepth { get; init; }

    /// <summary>Ask lots the historical book holds at the end in that window.</summary>
    public long FinalHistoricalAskDepth { get; init; }

    /// <summary>Mid (ticks, may be a half tick) of a bid/ask pair, or null when a side is empty.</summary>
    /// <param name="bid">Best bid.</param>
    /// <param name="ask">Best ask.</param>
    /// <returns>The mid.</returns>
    public static decimal? Mid(long bid, long ask) => bid > 0 && ask > 0 ? (bid + ask) / 2m : null;

    /// <summary>Immediate move of the mid caused by the first injected order (after − before), ticks.</summary>
    public decimal? ImmediateMidMove => Mid(BidAfter, AskAfter) - Mid(BidBefore, AskBefore);

    /// <summary>Replayed mid minus historical mid at the end, ticks: the part of the impact that lasted.</summary>
    public decimal? PersistentMidMove => Mid(FinalBid, FinalAsk) - Mid(FinalHistoricalBid, FinalHistoricalAsk);
}
