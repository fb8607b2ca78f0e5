using Microstructure.Analysis.Recording;
using Microstructure.Analysis.Tables;
using Microstructure.Replay.Output;

namespace Microstructure.Runner.Replay;

/// <summary>
/// The replay's tape written through the analysis layer's table writer — the writer of the recorder's tapes — so the
/// CSV and the Parquet file hold the same rows, a batch at a time. Disposing writes the last batch and the Parquet
/// footer, which is what keeps the tape of a replay stopped by bad input readable.
/// </summary>
internal sealed class ReplayTapeFile : IReplayTape, IDisposable
{
    private readonly TableWriter<TapeRow, ReplayTapeRows> _writer;
    private readonly string _folder;
    private bool _closed;

    private ReplayTapeFile(TableWriter<TapeRow, ReplayTapeRows> writer, string folder)
    {
        _writer = writer;
        _folder = folder;
    }

    /// <summary>Rows written so far.</summary>
    public long Rows => _writer.RowCount;

    /// <summary>The files being written.</summary>
    public IReadOnlyList<string> Paths => _writer.Paths;

    /// <summary>Creates <c>folder/name.csv</c> and/or <c>.parquet</c> as <paramref name="options"/> choose.</summary>
    /// <exception cref="RunOutputException">The files cannot be created.</exception>
    public static ReplayTapeFile Create(string folder, string name, RecorderOptions options) =>
        Guard(folder, () => new ReplayTapeFile(
            TableWriter<TapeRow, ReplayTapeRows>.CreateAsync(folder, name, options.Formats, options.RowGroupSize).AsTask().GetAwaiter().GetResult(), folder));

    /// <inheritdoc />
    public void Write(in TapeRow row)
    {
        try
        {
            _writer.Append(in row);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Failure(_folder, ex);
        }
    }

    /// <summary>Writes what is buffered and closes the files.</summary>
    /// <exception cref="RunOutputException">The files cannot be finished.</exception>
    public void Dispose()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        Guard(_folder, () => _writer.DisposeAsync().AsTask().GetAwaiter().GetResult());
    }

    private static void Guard(string folder, Action action) => Guard(folder, () =>
    {
        action();
        return 0;
    });

    private static T Guard<T>(string folder, Func<T> action)
    {
        try
        {
            return action();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Failure(folder, ex);
        }
    }

    private static RunOutputException Failure(string folder, Exception ex) =>
        new(folder, $"Cannot write the replay's tape in '{folder}': {ex.Message}", ex);
}
