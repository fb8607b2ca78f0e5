using Microstructure.Replay.L2;

namespace Microstructure.Replay.Binance;

/// <summary>One USDⓈ-M diff-depth event (<c>depthUpdate</c>); reused from line to line.</summary>
internal sealed class BinanceDepthEvent
{
    /// <summary>Event time E, ns since the epoch.</summary>
    public long TimeNs { get; internal set; }

    /// <summary>U: first update id in the event.</summary>
    public long FirstUpdateId { get; internal set; }

    /// <summary>u: final update id in the event.</summary>
    public long FinalUpdateId { get; internal set; }

    /// <summary>pu: final update id of the previous event.</summary>
    public long PreviousFinalUpdateId { get; internal set; }

    /// <summary>Level totals (bids, then asks); 0 deletes the level.</summary>
    public List<LevelUpdate> Updates { get; } = [];

    /// <summary>Line in the file.</summary>
    public long Line { get; internal set; }
}
