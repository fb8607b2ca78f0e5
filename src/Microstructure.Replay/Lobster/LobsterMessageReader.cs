using Microstructure.Engine;
using Microstructure.Replay.Io;
using Microstructure.Replay.Processing;

namespace Microstructure.Replay.Lobster;

/// <summary>
/// Streams a LOBSTER message file (time, type, order id, size, price, direction) straight from bytes. A bad line
/// throws <see cref="ReplayInputException"/> after it was consumed, so a lenient caller can go on with the next.
/// </summary>
internal sealed class LobsterMessageReader(LineReader reader) : IDisposable
{
    private const string Columns = "time,type,order id,size,price,direction";

    private readonly LineReader _reader = reader;
    private long _lastTime = long.MinValue;

    /// <summary>The file name used in messages.</summary>
    public string Name => _reader.Name;

    /// <summary>Line number of the message last read.</summary>
    public long LineNumber => _reader.LineNumber;

    /// <summary>Bytes read so far.</summary>
    public long BytesRead => _reader.BytesRead;

    /// <summary>Opens a message file (.csv or .csv.gz).</summary>
    /// <param name="path">The file.</param>
    /// <returns>The reader.</returns>
    public static LobsterMessageReader Open(string path) => new(LineReader.Open(path));

    /// <summary>Reads the next message.</summary>
    /// <param name="message">The message.</param>
    /// <returns>False at the end of the file.</returns>
    /// <exception cref="ReplayInputException">The line is malformed; it has been consumed.</exception>
    public bool TryRead(out LobsterMessage message)
    {
        // Most lines are canonical and already buffered: parse them in place, end of line included.
        if (LobsterLineParser.TryParseLine(_reader.Pending, out var consumed, out var time, out var type, out var id, out var size, out var price, out var direction))
        {
            _reader.ConsumeLine(consumed);
        }
        else
        {
            if (!_reader.TryReadLine(out var line))
            {
                message = default;
                return false;
            }

            if (!LobsterLineParser.TryParse(line, out time, out type, out id, out size, out price, out direction))
            {
                ParseGeneral(line, out time, out type, out id, out size, out price, out direction);
            }
        }

        // The common message (new order, cancel, delete or visible execution of a venue id, positive size and
        // price, direction +-1) in one test; anything else gets the full check and its precise message.
        if ((ulong)(type - 1) > 3 || (ulong)(id - 1) >= ReplayOrderIds.FirstInjected - 1 || size <= 0 || price <= 0 || (direction != 1 && direction != -1))
        {
            Validate(type, id, size, price, direction);
        }

        if (time < _lastTime)
        {
            Throw($"time {FormatTime(time)} is earlier than the previous message's {FormatTime(_lastTime)}", InputErrorKind.OutOfOrderTime);
        }

        _lastTime = time;
        message = new LobsterMessage(time, (LobsterEventType)type, id, size, price, direction == 1 ? Side.Buy : Side.Sell);
        return true;
    }

    /// <summary>
    /// The general path, for lines the fast parser does not take: it accepts the same canonical form field by field,
    /// and throws naming the column and the problem otherwise.
    /// </summary>
    private void ParseGeneral(ReadOnlySpan<byte> line, out long time, out long type, out long id, out long size, out long price, out long direction)
    {
        if (FieldCursor.CountFields(line) != 6 || line.IsEmpty)
        {
            ThrowColumns(line);
        }

        var f = new FieldCursor(line);
        var timeField = f.Next();
        var typeField = f.Next();
        var idField = f.Next();
        var sizeField = f.Next();
        var priceField = f.Next();
        var directionField = f.Next();
        if (!AsciiNumber.TryParseSecondsToNanos(timeField, out time))
        {
            ThrowNumber("time", timeField, "a time in seconds after midnight");
        }

        if (!AsciiNumber.TryParseLong(typeField, out type))
        {
            ThrowNumber("type", typeField, "an integer");
        }

        if (!AsciiNumber.TryParseLong(idField, out id))
        {
            ThrowNumber("order id", idField, "an integer");
        }

        if (!AsciiNumber.TryParseLong(sizeField, out size))
        {
            ThrowNumber("size", sizeField, "an integer");
        }

        if (!AsciiNumber.TryParseLong(priceField, out price))
        {
            ThrowNumber("price", priceField, "an integer (dollars x 10000)");
        }

        if (!AsciiNumber.TryParseLong(directionField, out direction))
        {
            ThrowNumber("direction", directionField, "1 or -1");
        }
    }

    /// <inheritdoc />
    public void Dispose() => _reader.Dispose();

    private static string FormatTime(long ns) => $"{ns / 1_000_000_000}.{ns % 1_000_000_000:D9}";

    private void Validate(long type, long id, long size, long price, long direction)
    {
        if (type is < 1 or > 7)
        {
            Throw($"column 'type': {type} is not a LOBSTER event type (1-7)", InputErrorKind.InvalidValue);
        }

        if (direction is not (1 or -1))
        {
            Throw($"column 'direction': {direction} is not 1 (buy) or -1 (sell)", InputErrorKind.InvalidValue);
        }

        if (type == 7)
        {
            if (price is < -1 or > 1)
            {
                Throw($"column 'price': a halt message (type 7) has price -1, 0 or 1, not {price}", InputErrorKind.InvalidValue);
            }

            return;
        }

        if (size <= 0)
        {
            Throw($"column 'size': {size} is not a positive number of shares", InputErrorKind.InvalidValue);
        }

        if (price <= 0)
        {
            Throw($"column 'price': {price} is not a positive price", InputErrorKind.InvalidValue);
        }

        if (type <= 4 && !ReplayOrderIds.IsVenue(id))
        {
            Throw($"column 'order id': {id} is outside 1..2^62", InputErrorKind.InvalidValue);
        }
    }

    private void ThrowColumns(ReadOnlySpan<byte> line)
    {
        var found = line.IsEmpty ? 0 : FieldCursor.CountFields(line);
        Throw(found == 0
            ? $"empty line; expected 6 columns ({Columns})"
            : $"expected 6 columns ({Columns}), found {found}{(found < 6 ? " (truncated line?)" : string.Empty)}", InputErrorKind.Malformed);
    }

    private void ThrowNumber(string column, ReadOnlySpan<byte> field, string expected) =>
        Throw($"column '{column}': '{InputText.Snippet(field)}' is not {expected}", InputErrorKind.NotANumber);

    private void Throw(string detail, InputErrorKind kind) => throw new ReplayInputException(_reader.Name, _reader.LineNumber, detail, kind);
}
