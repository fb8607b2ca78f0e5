using System.Buffers.Text;
using System.Text;
using Microstructure.Analysis.Tables;
using Microstructure.Engine;

namespace Microstructure.Replay.Output;

/// <summary>
/// Writes the tape CSV through one reusable byte buffer (UTF-8 formatting, no string per row), and optionally the
/// same rows to Parquet (<see cref="TapeRowMapper"/>, through the analysis layer's <c>TableWriter</c>). The header is
/// <see cref="Header"/>; docs/replay.md documents every column.
/// </summary>
public sealed class TapeWriter : IDisposable
{
    /// <summary>The header line of tape.csv.</summary>
    public const string Header = "seq,time_ns,event,side,price,quantity,order_id,counterparty_id,bid_price,bid_size,ask_price,ask_size,detail";

    private static readonly string[] EventTexts =
    [
        "trade", "fill", "l1", "injected", "reconcile", "liquidation", "mark", "halt", "gap", "population", "liq-start", "liq-order", "liq-end",
        "takeover", "adl", "fund", "bad-debt", "risk-reject",
    ];

    private static readonly byte[][] EventNames = [.. EventTexts.Select(Encoding.ASCII.GetBytes)];

    private readonly Stream _stream;
    private readonly TableWriter<TapeRow, TapeRowMapper>? _parquet;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _length;

    /// <summary>Writes to <paramref name="stream"/>, starting with the header.</summary>
    /// <param name="stream">Destination; owned by the writer.</param>
    public TapeWriter(Stream stream)
        : this(stream, null)
    {
    }

    private TapeWriter(Stream stream, TableWriter<TapeRow, TapeRowMapper>? parquet)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _parquet = parquet;
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

    /// <summary>Creates <c>tape.csv</c> and <c>tape.parquet</c> in a run directory (overwriting), the same rows in both.</summary>
    /// <param name="directory">The run directory (it must exist).</param>
    /// <returns>The writer.</returns>
    public static TapeWriter CreateInRunDirectory(string directory)
    {
        var csv = new FileStream(Path.Combine(directory, "tape.csv"), FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        try
        {
            var parquet = TableWriter<TapeRow, TapeRowMapper>.CreateAsync(directory, "tape", TableFormats.Parquet).AsTask().GetAwaiter().GetResult();
            return new TapeWriter(csv, parquet);
        }
        catch
        {
            csv.Dispose();
            throw;
        }
    }

    /// <summary>The name a row kind has in the <c>event</c> column.</summary>
    /// <param name="kind">The row kind.</param>
    /// <returns>Its lower-case name, e.g. <c>liq-start</c>.</returns>
    public static string EventName(TapeEvent kind) => EventTexts[(int)kind];

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
            var detail = Sanitize(row.Detail);
            _length += Encoding.UTF8.GetBytes(detail, 0, detail.Length, _buffer, _length);
            if (_parquet is not null && !ReferenceEquals(detail, row.Detail))
            {
                var copy = row;
                copy.Detail = detail;
                _parquet.Append(in copy);
                FinishRow();
                return;
            }
        }

        _parquet?.Append(in row);
        FinishRow();
    }

    /// <summary>Writes what is buffered to the CSV file (the run keeps what it wrote even if a later line fails).</summary>
    public void Flush()
    {
        FlushBuffer();
        _stream.Flush();
    }

    /// <summary>Writes what is buffered and closes the files (the Parquet file gets its last row group and footer).</summary>
    public void Dispose()
    {
        try
        {
            FlushBuffer();
            _stream.Dispose();
        }
        finally
        {
            _parquet?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Detail text as both files hold it: commas would split a CSV field, so they become ';'; at most 80 characters.</summary>
    private static string Sanitize(string detail)
    {
        var cut = detail.Length <= 80 ? detail : detail[..80];
        return cut.Contains(',', StringComparison.Ordinal) ? cut.Replace(',', ';') : cut;
    }

    private void FinishRow()
    {
        _buffer[_length++] = (byte)'\n';
        Rows++;
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
