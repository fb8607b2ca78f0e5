using Microstructure.Engine;
using Microstructure.Replay.L2;

namespace Microstructure.Replay.Tardis;

/// <summary>One book_snapshot_N row: the top <see cref="Depth"/> levels of each side (Amount 0 = empty level).</summary>
internal sealed class TardisSnapshotRow(int depth)
{
    /// <summary>Levels per side.</summary>
    public int Depth { get; } = depth;

    /// <summary>Asks, best first.</summary>
    public LevelUpdate[] Asks { get; } = new LevelUpdate[depth];

    /// <summary>Bids, best first.</summary>
    public LevelUpdate[] Bids { get; } = new LevelUpdate[depth];

    /// <summary>Arrival time, ns since the epoch.</summary>
    public long LocalTimeNs { get; internal set; }

    /// <summary>Line in the file.</summary>
    public long Line { get; internal set; }

    /// <summary>The levels of one side.</summary>
    /// <param name="side">The side.</param>
    /// <returns>The array.</returns>
    public LevelUpdate[] Levels(Side side) => side == Side.Buy ? Bids : Asks;
}
