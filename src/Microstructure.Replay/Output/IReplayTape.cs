namespace Microstructure.Replay.Output;

/// <summary>
/// Where a replay writes its tape rows (docs/replay.md lists the row kinds). The replay only produces rows; the files
/// they go to — CSV and Parquet through the analysis layer's table writer — are the runner's business, so a reader
/// library does not carry the writers' dependencies. A replay without a tape is handed null and writes nothing.
/// </summary>
public interface IReplayTape
{
    /// <summary>Appends one row; copy what must outlive the call.</summary>
    /// <param name="row">The row.</param>
    void Write(in TapeRow row);
}
