using System.Buffers.Text;
using System.Text;
using Microstructure.Engine;

namespace Microstructure.Replay.Output;

/// <summary>
/// Writes the tape CSV through one reusable byte buffer (UTF-8 formatting, no string per row). The header is
/// <see cref="Header"/>; docs/replay.md documents every column.
/// </summary>
public sealed class TapeWriter : IDisposable
{
    /// <summary>The header line of tape.csv.</summary>
    public const string Header = "seq,time_ns,event,side,price,quantity,order_id,counterparty_id,bid_price,bid_size,ask_price,ask_size,detail";

    private static readonly byte[][] EventNames =
        [.. new[]
        {
            "trade", "fill", "l1", "injected", "reconcile", "liquidation", "mark", "halt", "gap", "population", "liq-start", "liq-order", "liq-end",
            "takeover", "adl", "fund", "bad-debt", "risk-reject",
        }.Select(Encoding.ASCII.GetBytes)];

    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _length;

    /// <summary>Writes to <paramref name="stream"/>, starting with the header.</summary>
    /// <param name="stream">Destination; owned by the writer.</param>
    public TapeWriter(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        var header = Encoding.ASCII.GetBytes(Header + "\n");
        header.CopyTo(_buffer, 0);
        _length = header.Length;
    }

    /// <summary>Rows written so far (header excluded).</summary>
    public long Rows { get; private set; }

    /// <summary>Creates <paramref name="path"/> (overwriting) and writes the header.</summary>
    /// <param name="path">The tape file.</param>
    /// <returns>The writer.</returns>
    public static TapeWriter Create(string path) => new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16));

    /// <summary>Appends one row.</summary>
    /// <param name="row">The row.</param>
    public void Write(in TapeRow row)
    {
        if (_buffer.Length - _length < 1024)
        {
            FlushBuffer();
        }

        Long(row.Sequence);
        Long(row.TimeNs);
        Bytes(EventNames[(int)row.Event]);
        Bytes(row.Side switch { Side.Buy => "buy"u8, Side.Sell => "sell"u8, _ => default });
        Long(row.Price);
        Long(row.Quantity);
        Long(row.OrderId);
        Long(row.CounterpartyId);
        Long(row.BidPrice);
        Long(row.BidSize);
        Long(row.AskPrice);
        Long(row.AskSize);
        if (row.Detail is not null)
        {
            var detail = row.Detail.Length <= 80 ? row.Detail : row.Detail[..80];
            _length += Encoding.UTF8.GetBytes(detail.Replace(',', ';'), 0, detail.Length, _buffer, _length);
        }

        _buffer[_length++] = (byte)'\n';
        Rows++;
    }

    /// <summary>Writes what is buffered to the file (the run keeps what it wrote even if a later line fails).</summary>
    public void Flush()
    {
        FlushBuffer();
        _stream.Flush();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        FlushBuffer();
        _stream.Dispose();
    }

    private void FlushBuffer()
    {
        _stream.Write(_buffer, 0, _length);
        _length = 0;
    }

    private void Long(long value)
    {
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_length), out var written);
        _length += written;
        _buffer[_length++] = (byte)',';
    }

    private void Bytes(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
        _buffer[_length++] = (byte)',';
    }
}
