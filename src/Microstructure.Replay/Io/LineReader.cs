using System.IO.Compression;

namespace Microstructure.Replay.Io;

/// <summary>
/// Streams the lines of a text file as byte spans over one reusable buffer: no string per line, so parsing a
/// multi-gigabyte file allocates nothing after the buffer. Files ending in <c>.gz</c> are decompressed on the fly, and
/// their gzip trailer is checked at the end (<see cref="GzipTrailerCheck"/>): a truncated file is an error.
/// </summary>
/// <remarks>A span returned by <see cref="TryReadLine"/> is valid only until the next call.</remarks>
internal sealed class LineReader : IDisposable
{
    private const int MaxLineLength = 16 << 20;

    private readonly Stream _stream;
    private GzipTrailerCheck? _gzip;
    private long _decompressed;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>Reads lines from <paramref name="stream"/>; <paramref name="name"/> is used in error messages.</summary>
    /// <param name="stream">The (already decompressed) text.</param>
    /// <param name="name">The file name to report.</param>
    /// <param name="bufferSize">Initial buffer size; grows for longer lines.</param>
    public LineReader(Stream stream, string name, int bufferSize = 1 << 20)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        Name = name;
        _buffer = new byte[Math.Max(256, bufferSize)];
    }

    /// <summary>The file name used in messages.</summary>
    public string Name { get; }

    /// <summary>1-based number of the line last returned (0 before the first).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Bytes consumed from the (decompressed) stream so far.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Opens <paramref name="path"/>, decompressing when it ends in <c>.gz</c>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>A reader that owns the file.</returns>
    /// <exception cref="ReplayInputException">The file does not exist or cannot be opened.</exception>
    public static LineReader Open(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException)
        {
            throw new ReplayInputException(path, 0, e is FileNotFoundException or DirectoryNotFoundException
                ? "file not found"
                : "cannot be opened: " + e.Message);
        }

        GzipTrailerCheck? gzip = null;
        if (path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            gzip = new GzipTrailerCheck(stream);
            stream = new GZipStream(gzip, CompressionMode.Decompress);
        }

        return new LineReader(stream, path) { _gzip = gzip };
    }

    /// <summary>Returns the next line without its end-of-line bytes (LF or CRLF); false at the end of the file.</summary>
    /// <param name="line">The line's bytes, valid until the next call.</param>
    /// <returns>False when no line is left.</returns>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var available = _buffer.AsSpan(_start, _end - _start);
            var newline = available.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = TrimCarriageReturn(available[..newline]);
                _start += newline + 1;
                BytesRead += newline + 1;
                LineNumber++;
                return true;
            }

            if (_eof)
            {
                if (available.IsEmpty)
                {
                    line = default;
                    return false;
                }

                // The last line of a file need not end with a newline.
                line = TrimCarriageReturn(available);
                _start = _end;
                BytesRead += available.Length;
                LineNumber++;
                return true;
            }

            Fill();
        }
    }

    /// <summary>
    /// The bytes read from the file but not yet returned as lines, starting at the next line (they may end in the
    /// middle of a line). A parser that finds a whole line here takes it with <see cref="ConsumeLine"/> and saves
    /// the separate newline search of <see cref="TryReadLine"/>; otherwise it calls <see cref="TryReadLine"/>.
    /// </summary>
    internal ReadOnlySpan<byte> Pending => _buffer.AsSpan(_start, _end - _start);

    /// <summary>Marks the first <paramref name="length"/> bytes of <see cref="Pending"/> — one whole line with its end of line — as read.</summary>
    /// <param name="length">Bytes of the line, its LF (or CRLF) included.</param>
    internal void ConsumeLine(int length)
    {
        _start += length;
        BytesRead += length;
        LineNumber++;
    }

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxLineLength)
            {
                throw new ReplayInputException(Name, LineNumber + 1, $"line longer than {MaxLineLength} bytes (is this a text file?)");
            }

            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        int n;
        try
        {
            n = _stream.Read(_buffer, _end, _buffer.Length - _end);
        }
        catch (InvalidDataException e)
        {
            throw new ReplayInputException(Name, LineNumber + 1, "corrupt compressed data: " + e.Message);
        }

        _decompressed += n;
        if (n == 0)
        {
            _eof = true;
            if (_gzip?.Check(_decompressed) is { } problem)
            {
                // Before the last (possibly cut) line is handed out: a truncated file is an error, not a shorter file.
                throw new ReplayInputException(Name, 0, problem);
            }
        }

        _end += n;
    }
}
