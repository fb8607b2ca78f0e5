using System.Buffers.Binary;
using System.Globalization;

namespace Microstructure.Replay.Io;

/// <summary>
/// The compressed file under a <see cref="System.IO.Compression.GZipStream"/>, passed through unchanged while its last
/// eight bytes — the gzip trailer, CRC-32 and ISIZE — are kept. .NET's decompressor returns a clean end of data for a
/// file cut short, so the reader compares ISIZE (the uncompressed length mod 2³²) with what it decompressed: a file
/// truncated anywhere, even inside its trailer, fails that check.
/// </summary>
/// <remarks>
/// A file of several gzip members (files concatenated with <c>cat</c>) carries the length of its last member only and
/// is refused too; the message says so.
/// </remarks>
internal sealed class GzipTrailerCheck(Stream file) : Stream
{
    private const int MinimumGzipLength = 18; // 10-byte header, empty deflate data (2 bytes), 8-byte trailer
    private readonly byte[] _tail = new byte[8];
    private long _length;

    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    /// <summary>The problem with the file once <paramref name="decompressed"/> bytes came out of it, or null when its trailer matches.</summary>
    /// <param name="decompressed">Bytes the decompressor returned in all.</param>
    public string? Check(long decompressed)
    {
        // Whatever the decompressor left unread still belongs to the file: a trailer is only its last eight bytes.
        Span<byte> rest = stackalloc byte[4096];
        while (Read(rest) > 0)
        {
        }

        if (_length < MinimumGzipLength)
        {
            return $"truncated or corrupt gzip file: {_length} bytes is shorter than any complete gzip file";
        }

        var size = BinaryPrimitives.ReadUInt32LittleEndian(_tail.AsSpan(4));
        return size == (uint)decompressed
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"truncated or corrupt gzip file: its trailer does not match the {decompressed:N0} bytes it decompressed to (an interrupted download or copy? a file of several concatenated gzip members is not supported either: recompress it as one)");
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        var n = file.Read(buffer);
        Keep(buffer[..n]);
        return n;
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            file.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Keep(ReadOnlySpan<byte> read)
    {
        _length += read.Length;
        if (read.Length >= 8)
        {
            read[^8..].CopyTo(_tail);
            return;
        }

        // Shift the kept bytes left and append the few just read.
        _tail.AsSpan(read.Length).CopyTo(_tail);
        read.CopyTo(_tail.AsSpan(8 - read.Length));
    }
}
