using Microstructure.Replay.Io;

namespace Microstructure.Replay.Lobster;

/// <summary>
/// Streams a LOBSTER orderbook file (4 × L columns: ask price, ask size, bid price, bid size per level). The level
/// count L is taken from the first row; every row must have the same, be ordered, and not be crossed.
/// </summary>
internal sealed class LobsterBookReader(LineReader reader) : IDisposable
{
    private readonly LineReader _reader = reader;

    /// <summary>The file name used in messages.</summary>
    public string Name => _reader.Name;

    /// <summary>Levels per side, known after the first row (0 before).</summary>
    public int Levels { get; private set; }

    /// <summary>Line of the row last read.</summary>
    public long LineNumber => _reader.LineNumber;

    /// <summary>Opens an orderbook file (.csv or .csv.gz).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The reader.</returns>
    public static LobsterBookReader Open(string path) => new(LineReader.Open(path));

    /// <summary>Reads the first row, which fixes the level count, into a new row object.</summary>
    /// <returns>The row, or null for an empty file.</returns>
    /// <exception cref="ReplayInputException">The row is malformed.</exception>
    public LobsterBookRow? ReadFirst()
    {
        if (!_reader.TryReadLine(out var line))
        {
            return null;
        }

        var columns = line.IsEmpty ? 0 : FieldCursor.CountFields(line);
        if (columns == 0 || columns % 4 != 0)
        {
            Throw($"expected 4 columns per level (ask price, ask size, bid price, bid size), found {columns}", InputErrorKind.Malformed);
        }

        Levels = columns / 4;
        var row = new LobsterBookRow(Levels);
        Parse(line, row);
        return row;
    }

    /// <summary>Reads the next row into <paramref name="row"/>.</summary>
    /// <param name="row">Destination (from <see cref="ReadFirst"/> or of the same level count).</param>
    /// <returns>False at the end of the file.</returns>
    /// <exception cref="ReplayInputException">The row is malformed; it has been consumed.</exception>
    public bool TryRead(LobsterBookRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (!_reader.TryReadLine(out var line))
        {
            return false;
        }

        var columns = line.IsEmpty ? 0 : FieldCursor.CountFields(line);
        if (columns != Levels * 4)
        {
            Throw($"expected {Levels * 4} columns ({Levels} levels x ask price, ask size, bid price, bid size), found {columns}{(columns < Levels * 4 ? " (truncated line?)" : string.Empty)}", InputErrorKind.Malformed);
        }

        Parse(line, row);
        return true;
    }

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();

    private static string ColumnName(int index) =>
        $"{(index % 4) switch { 0 => "ask price", 1 => "ask size", 2 => "bid price", _ => "bid size" }} {(index / 4) + 1}";

    private void Parse(ReadOnlySpan<byte> line, LobsterBookRow row)
    {
        row.Line = _reader.LineNumber;
        var f = new FieldCursor(line);
        int asks = 0, bids = 0;
        for (var level = 0; level < row.Levels; level++)
        {
            var askPrice = Number(ref f);
            var askSize = Number(ref f);
            var bidPrice = Number(ref f);
            var bidSize = Number(ref f);
            if (askSize < 0 || bidSize < 0)
            {
                Throw($"level {level + 1}: negative size", InputErrorKind.InvalidValue);
            }

            row.AskPrices[level] = askPrice;
            row.AskSizes[level] = askSize;
            row.BidPrices[level] = bidPrice;
            row.BidSizes[level] = bidSize;
            asks = Count(asks, level, askSize, askPrice, row.AskPrices, ascending: true, "ask");
            bids = Count(bids, level, bidSize, bidPrice, row.BidPrices, ascending: false, "bid");
        }

        row.AskCount = asks;
        row.BidCount = bids;
        if (asks > 0 && bids > 0 && row.BidPrices[0] >= row.AskPrices[0])
        {
            Throw($"crossed book: best bid {row.BidPrices[0]} >= best ask {row.AskPrices[0]}", InputErrorKind.CrossedBook);
        }
    }

    private int Count(int count, int level, long size, long price, long[] prices, bool ascending, string side)
    {
        if (size == 0)
        {
            return count;
        }

        if (count != level)
        {
            Throw($"{side} level {level + 1} is not empty but level {count + 1} is", InputErrorKind.InvalidValue);
        }

        if (price <= 0)
        {
            Throw($"{side} level {level + 1}: price {price} is not positive", InputErrorKind.InvalidValue);
        }

        if (level > 0 && (ascending ? price <= prices[level - 1] : price >= prices[level - 1]))
        {
            Throw($"{side} levels out of order: level {level + 1} price {price} after {prices[level - 1]}", InputErrorKind.InvalidValue);
        }

        return count + 1;
    }

    private long Number(ref FieldCursor f)
    {
        var field = f.Next();
        if (!AsciiNumber.TryParseLong(field, out var value))
        {
            Throw($"column '{ColumnName(f.Index)}': '{InputText.Snippet(field)}' is not an integer", InputErrorKind.NotANumber);
        }

        return value;
    }

    private void Throw(string detail, InputErrorKind kind) => throw new ReplayInputException(_reader.Name, _reader.LineNumber, detail, kind);
}
