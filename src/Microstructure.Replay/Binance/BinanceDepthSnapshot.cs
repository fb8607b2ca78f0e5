using Microstructure.Replay.L2;

namespace Microstructure.Replay.Binance;

/// <summary>A REST depth snapshot (GET /fapi/v1/depth): lastUpdateId and absolute level totals.</summary>
internal sealed class BinanceDepthSnapshot
{
    /// <summary>lastUpdateId.</summary>
    public long LastUpdateId { get; internal set; }

    /// <summary>Message time E, ns since the epoch (0 when absent).</summary>
    public long TimeNs { get; internal set; }

    /// <summary>Levels (bids, then asks).</summary>
    public List<LevelUpdate> Levels { get; } = [];

    /// <summary>Line in the snapshots file.</summary>
    public long Line { get; internal set; }

    /// <summary>Levels of one side, best first.</summary>
    /// <param name="side">The side.</param>
    /// <returns>The levels.</returns>
    public LevelUpdate[] Side(Engine.Side side) =>
        [.. Levels.Where(l => l.Side == side && l.Amount > 0).OrderBy(l => side == Engine.Side.Buy ? -l.Price : l.Price)];
}
