namespace Microstructure.Engine.Journal;

/// <summary>
/// Appends engine events to a stream in the compact <see cref="JournalFormat"/>. Not thread-safe: it is driven by
/// one output-ring consumer. Allocation-free after construction.
/// </summary>
public sealed class JournalWriter : IDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _used;
    private long _lastCommandSequence;
    private long _lastTimestamp;
    private bool _disposed;

    /// <summary>Writes the header and prepares to append.</summary>
    public JournalWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        JournalFormat.Magic.CopyTo(_buffer);
        BitConverter.TryWriteBytes(_buffer.AsSpan(4), JournalFormat.Version);
        _used = JournalFormat.HeaderLength;
        BytesWritten = JournalFormat.HeaderLength;
    }

    /// <summary>Events appended so far.</summary>
    public long EventsWritten { get; private set; }

    /// <summary>Bytes appended so far, header included (some may still be buffered).</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Encodes one event into the buffer, spilling the buffer to the stream when it is nearly full.</summary>
    public void Append(in EngineEvent e)
    {
        if (_used > BufferSize - JournalFormat.MaxRecordLength)
        {
            WriteBufferToStream();
        }

        Span<byte> buffer = _buffer;
        int offset = _used;
        buffer[offset++] = (byte)e.Type;
        buffer[offset++] = (byte)e.Side;
        buffer[offset++] = (byte)e.RejectReason;
        buffer[offset++] = (byte)e.CancelReason;
        buffer[offset++] = (byte)e.OrderType;
        buffer[offset++] = (byte)e.TimeInForce;
        buffer[offset++] = (byte)e.Flags;
        Varint.Write(buffer, ref offset, e.CommandSequence - _lastCommandSequence);
        Varint.Write(buffer, ref offset, e.Timestamp.Nanoseconds - _lastTimestamp);
        Varint.Write(buffer, ref offset, e.OrderId.Value);
        Varint.Write(buffer, ref offset, e.AccountId);
        Varint.Write(buffer, ref offset, e.MakerOrderId.Value);
        Varint.Write(buffer, ref offset, e.MakerAccountId);
        Varint.Write(buffer, ref offset, e.Price.Ticks);
        Varint.Write(buffer, ref offset, e.Quantity.Lots);
        Varint.Write(buffer, ref offset, e.RemainingQuantity.Lots);
        Varint.Write(buffer, ref offset, e.MakerRemainingQuantity.Lots);
        Varint.Write(buffer, ref offset, e.BidPrice.Ticks);
        Varint.Write(buffer, ref offset, e.BidQuantity.Lots);
        Varint.Write(buffer, ref offset, e.AskPrice.Ticks);
        Varint.Write(buffer, ref offset, e.AskQuantity.Lots);
        Varint.Write(buffer, ref offset, e.StopPrice.Ticks);
        Varint.Write(buffer, ref offset, e.DisplayQuantity.Lots);
        Varint.Write(buffer, ref offset, e.Level);
        Varint.Write(buffer, ref offset, e.OrderCount);
        _lastCommandSequence = e.CommandSequence;
        _lastTimestamp = e.Timestamp.Nanoseconds;
        BytesWritten += offset - _used;
        _used = offset;
        EventsWritten++;
    }

    /// <summary>Hands buffered bytes to the stream (no <see cref="Stream.Flush()"/>): cheap, called at batch ends.</summary>
    public void WriteBufferToStream()
    {
        if (_used > 0)
        {
            _stream.Write(_buffer, 0, _used);
            _used = 0;
        }
    }

    /// <summary>Writes buffered bytes and flushes the stream to its backing store.</summary>
    public void Flush()
    {
        WriteBufferToStream();
        _stream.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Flush();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}
