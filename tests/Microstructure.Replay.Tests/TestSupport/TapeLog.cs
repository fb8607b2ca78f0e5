using Microstructure.Replay.Output;

namespace Microstructure.Replay.Tests.TestSupport;

/// <summary>A tape that keeps its rows in memory (the files are the runner's; its tests read them).</summary>
internal sealed class TapeLog : IReplayTape
{
    public List<TapeRow> Rows { get; } = [];

    public void Write(in TapeRow row) => Rows.Add(row);
}
