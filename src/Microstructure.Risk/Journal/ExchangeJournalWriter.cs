using Microstructure.Engine.Journal;

namespace Microstructure.Risk.Journal;

/// <summary>
/// Appends exchange events to a stream in the compact <see cref="ExchangeJournalFormat"/>. Driven by one thread;
/// allocation-free after construction.
/// </summary>
public sealed class ExchangeJournalWriter : IDisposable
{
    private const int BufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _used;
    private long _lastSequence;
    private long _lastTimestamp;
    private bool _disposed;

    /// <summary>Writes the header and prepares to append.</summary>
    /// <param name="stream">Destination.</param>
    /// <param name="leaveOpen">Keep the stream open on dispose.</param>
    public ExchangeJournalWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        ExchangeJournalFormat.Magic.CopyTo(_buffer);
        BitConverter.TryWriteBytes(_buffer.AsSpan(4), ExchangeJournalFormat.Version);
        _used = ExchangeJournalFormat.HeaderLength;
    }

    /// <summary>Events appended so far.</summary>
    public long EventsWritten { get; private set; }

    /// <summary>Encodes one event into the buffer, spilling to the stream when nearly full.</summary>
    /// <param name="e">The event.</param>
    public void Append(in ExchangeEvent e)
    {
        if (_used > BufferSize - ExchangeJournalFormat.MaxRecordLength)
        {
            WriteBufferToStream();
        }

        Span<byte> b = _buffer;
        int o = _used;
        b[o++] = (byte)e.Type;
        b[o++] = (byte)e.Side;
        b[o++] = (byte)e.RejectReason;
        b[o++] = (byte)e.CancelReason;
        b[o++] = (byte)e.RiskReason;
        b[o++] = (byte)e.Cause;
        b[o++] = (byte)e.FundReason;
        b[o++] = (byte)e.Design;
        b[o++] = (byte)e.OrderType;
        b[o++] = (byte)e.TimeInForce;
        b[o++] = (byte)e.Flags;
        Varint.Write(b, ref o, e.CommandSequence - _lastSequence);
        Varint.Write(b, ref o, e.Timestamp.Nanoseconds - _lastTimestamp);
        Varint.Write(b, ref o, e.OrderId.Value);
        Varint.Write(b, ref o, e.AccountId);
        Varint.Write(b, ref o, e.MakerOrderId.Value);
        Varint.Write(b, ref o, e.MakerAccountId);
        Varint.Write(b, ref o, e.Price.Ticks);
        Varint.Write(b, ref o, e.Quantity.Lots);
        Varint.Write(b, ref o, e.RemainingQuantity.Lots);
        Varint.Write(b, ref o, e.MakerRemainingQuantity.Lots);
        Varint.Write(b, ref o, e.BidPrice.Ticks);
        Varint.Write(b, ref o, e.BidQuantity.Lots);
        Varint.Write(b, ref o, e.AskPrice.Ticks);
        Varint.Write(b, ref o, e.AskQuantity.Lots);
        Varint.Write(b, ref o, e.StopPrice.Ticks);
        Varint.Write(b, ref o, e.DisplayQuantity.Lots);
        Varint.Write(b, ref o, e.Level);
        Varint.Write(b, ref o, e.OrderCount);
        Varint.Write(b, ref o, e.LiquidationId);
        Varint.Write(b, ref o, e.ParentLiquidationId);
        Varint.Write(b, ref o, e.TriggerSequence);
        Varint.Write(b, ref o, e.CounterpartyAccountId);
        Varint.Write(b, ref o, e.MarkPrice.Ticks);
        Varint.Write(b, ref o, e.BankruptcyPrice.Ticks);
        Varint.Write(b, ref o, e.PositionLots);
        Varint.Write(b, ref o, e.Amount);
        Varint.Write(b, ref o, e.Equity);
        Varint.Write(b, ref o, e.MaintenanceMargin);
        Varint.Write(b, ref o, e.MarginRatio);
        Varint.Write(b, ref o, e.FundBefore);
        Varint.Write(b, ref o, e.FundAfter);
        Varint.Write(b, ref o, e.Rate);
        _lastSequence = e.CommandSequence;
        _lastTimestamp = e.Timestamp.Nanoseconds;
        _used = o;
        EventsWritten++;
    }

    /// <summary>Hands buffered bytes to the stream (no flush): cheap, for batch ends.</summary>
    public void WriteBufferToStream()
    {
        if (_used > 0)
        {
            _stream.Write(_buffer, 0, _used);
            _used = 0;
        }
    }

    /// <summary>Writes buffered bytes and flushes the stream.</summary>
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
