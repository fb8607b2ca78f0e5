using System.Text.Json;
using Microstructure.Engine;
using Microstructure.Replay.Io;
using Microstructure.Replay.L2;

namespace Microstructure.Replay.Binance;

/// <summary>
/// Parses one JSON line (a diff event, raw or wrapped as <c>{"stream":...,"data":{...}}</c>, or a REST snapshot)
/// with <see cref="Utf8JsonReader"/> straight from the line's bytes; prices and quantities (JSON strings) go to
/// ticks and lots exactly.
/// </summary>
/// <remarks>
/// A line is exactly one JSON object: anything after it (a second object, a comment, garbage) is refused, as are a
/// key given twice in one object, a level that is not a [price, quantity] pair, an event whose symbol ("s") differs
/// from the first event's, and a carriage return inside the line (lines end in LF or CR LF; a file with CR-only line
/// ends would otherwise read as one line). Every refusal names the file, the line and the field.
/// </remarks>
internal sealed class BinanceJsonParser(DecimalUnit tick, DecimalUnit lot)
{
    private readonly DecimalUnit _tick = tick;
    private readonly DecimalUnit _lot = lot;

    private const int KeyFirst = 0;
    private const int KeyFinal = 1;
    private const int KeyPrevious = 2;
    private const int KeyTime = 3;
    private const int KeySymbol = 4;
    private const int KeyBids = 5;
    private const int KeyAsks = 6;
    private const int KeyEventType = 7;
    private const int KeyTransactionTime = 8;
    private const int KeyData = 9;
    private const int KeyStream = 10;

    // The keys other than the known ones of the objects being read (nested: a wrapper's, then its "data"'s), to refuse one given twice.
    private byte[] _names = new byte[256];
    private int[] _nameEnds = new int[32];
    private int _nameCount;

    // The symbol ("s") of the first event that gives one, and its line.
    private byte[]? _symbol;
    private long _symbolLine;

    public void ParseEvent(ReadOnlySpan<byte> line, BinanceDepthEvent e, string file, long lineNumber)
    {
        e.Updates.Clear();
        e.Line = lineNumber;
        RequireOneLine(line, file, lineNumber);
        var fields = new EventFields { First = -1, Final = -1, Previous = -1 };
        var reader = new Utf8JsonReader(line);
        try
        {
            Enter(ref reader, file, lineNumber);
            ReadEvent(ref reader, ref fields, e.Updates, top: true, file, lineNumber);
        }
        catch (JsonException ex)
        {
            throw new ReplayInputException(file, lineNumber, $"not valid JSON: {ex.Message}", InputErrorKind.Malformed);
        }

        RequireEnd(line, reader.BytesConsumed, file, lineNumber);
        var missing = fields.First < 0 ? "U" : fields.Final < 0 ? "u" : fields.Previous < 0 ? "pu" : !fields.SeenBids ? "b" : !fields.SeenAsks ? "a" : null;
        if (missing is not null)
        {
            throw new ReplayInputException(file, lineNumber, $"field '{missing}' is missing from the depthUpdate event", InputErrorKind.Malformed);
        }

        if (fields.Final < fields.First)
        {
            throw new ReplayInputException(file, lineNumber, $"field 'u': {fields.Final} is below 'U' {fields.First}", InputErrorKind.InvalidValue);
        }

        e.FirstUpdateId = fields.First;
        e.FinalUpdateId = fields.Final;
        e.PreviousFinalUpdateId = fields.Previous;
        e.TimeNs = fields.Time;
    }

    public BinanceDepthSnapshot ParseSnapshot(ReadOnlySpan<byte> line, string file, long lineNumber)
    {
        var s = new BinanceDepthSnapshot { Line = lineNumber, LastUpdateId = -1 };
        RequireOneLine(line, file, lineNumber);
        var reader = new Utf8JsonReader(line);
        _nameCount = 0;
        try
        {
            Enter(ref reader, file, lineNumber);
            var seen = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                ReadOnlySpan<byte> name = reader.ValueIsEscaped ? Unescaped(ref reader) : reader.ValueSpan;
                var key = SnapshotKey(name);
                Once(ref seen, key, name, 0, file, lineNumber);
                switch (key)
                {
                    case 0:
                        s.LastUpdateId = Long(ref reader, "lastUpdateId", file, lineNumber);
                        break;
                    case 1:
                        s.TimeNs = Millis(ref reader, "E", file, lineNumber);
                        break;
                    case 2:
                        Levels(ref reader, Side.Buy, s.Levels, "bids", file, lineNumber);
                        break;
                    case 3:
                        Levels(ref reader, Side.Sell, s.Levels, "asks", file, lineNumber);
                        break;
                    default:
                        reader.Read();
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            throw new ReplayInputException(file, lineNumber, $"not valid JSON: {ex.Message}", InputErrorKind.Malformed);
        }

        RequireEnd(line, reader.BytesConsumed, file, lineNumber);
        if (s.LastUpdateId < 0)
        {
            throw new ReplayInputException(file, lineNumber, "field 'lastUpdateId' is missing from the snapshot", InputErrorKind.Malformed);
        }

        return s;
    }

    /// <summary>
    /// Reads the keys of an event object (the reader is on its '{'). A line whose first key is "stream" or "data" is a
    /// combined-stream wrapper: the event is its "data" object, read the same way, and its other keys are skipped.
    /// </summary>
    private void ReadEvent(ref Utf8JsonReader reader, ref EventFields fields, List<LevelUpdate> updates, bool top, string file, long line)
    {
        var firstName = top ? 0 : _nameCount;
        if (top)
        {
            _nameCount = 0;
        }

        var seen = 0;
        var wrapper = false;
        var firstKey = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            // Inside an object the reader returns only keys (anything else is invalid JSON, which it reports itself).
            ReadOnlySpan<byte> name = reader.ValueIsEscaped ? Unescaped(ref reader) : reader.ValueSpan;
            var key = EventKey(name);
            Once(ref seen, key, name, firstName, file, line);
            if (firstKey && top)
            {
                wrapper = key is KeyData or KeyStream;
            }

            firstKey = false;
            if (wrapper)
            {
                if (key == KeyData)
                {
                    Enter(ref reader, file, line);
                    ReadEvent(ref reader, ref fields, updates, top: false, file, line);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }

                continue;
            }

            switch (key)
            {
                case KeyFirst:
                    fields.First = Long(ref reader, "U", file, line);
                    break;
                case KeyFinal:
                    fields.Final = Long(ref reader, "u", file, line);
                    break;
                case KeyPrevious:
                    fields.Previous = Long(ref reader, "pu", file, line);
                    break;
                case KeyTime:
                    fields.Time = Millis(ref reader, "E", file, line);
                    break;
                case KeySymbol:
                    Symbol(ref reader, file, line);
                    break;
                case KeyBids:
                    Levels(ref reader, Side.Buy, updates, "b", file, line);
                    fields.SeenBids = true;
                    break;
                case KeyAsks:
                    Levels(ref reader, Side.Sell, updates, "a", file, line);
                    fields.SeenAsks = true;
                    break;
                default:
                    reader.Read();
                    reader.Skip();
                    break;
            }
        }

        _nameCount = firstName;
    }

    /// <summary>The keys of a depthUpdate event (and its wrapper) this parser knows, by their raw bytes; -1 for any other.</summary>
    private static int EventKey(ReadOnlySpan<byte> name) => name.Length switch
    {
        1 => name[0] switch
        {
            (byte)'U' => KeyFirst,
            (byte)'u' => KeyFinal,
            (byte)'E' => KeyTime,
            (byte)'s' => KeySymbol,
            (byte)'b' => KeyBids,
            (byte)'a' => KeyAsks,
            (byte)'e' => KeyEventType,
            (byte)'T' => KeyTransactionTime,
            _ => -1,
        },
        2 when name[0] == (byte)'p' && name[1] == (byte)'u' => KeyPrevious,
        4 when name.SequenceEqual("data"u8) => KeyData,
        6 when name.SequenceEqual("stream"u8) => KeyStream,
        _ => -1,
    };

    /// <summary>The keys of a REST snapshot this parser knows (lastUpdateId, E, bids, asks, T); -1 for any other.</summary>
    private static int SnapshotKey(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("lastUpdateId"u8) ? 0
        : name.SequenceEqual("E"u8) ? 1
        : name.SequenceEqual("bids"u8) ? 2
        : name.SequenceEqual("asks"u8) ? 3
        : name.SequenceEqual("T"u8) ? 4
        : -1;

    /// <summary>
    /// Refuses a key given twice in the current object: a known key (<paramref name="key"/> ≥ 0) by its bit in
    /// <paramref name="seen"/>, any other by its name among the other keys of the object (those from <paramref name="firstName"/> on).
    /// </summary>
    private void Once(ref int seen, int key, ReadOnlySpan<byte> name, int firstName, string file, long line)
    {
        if (key >= 0)
        {
            var bit = 1 << key;
            if ((seen & bit) != 0)
            {
                throw Twice(name, file, line);
            }

            seen |= bit;
            return;
        }

        var start = firstName == 0 ? 0 : _nameEnds[firstName - 1];
        for (var i = firstName; i < _nameCount; i++)
        {
            var end = _nameEnds[i];
            if (name.SequenceEqual(_names.AsSpan(start, end - start)))
            {
                throw Twice(name, file, line);
            }

            start = end;
        }

        var from = _nameCount == 0 ? 0 : _nameEnds[_nameCount - 1];
        if (from + name.Length > _names.Length)
        {
            Array.Resize(ref _names, Math.Max(_names.Length * 2, from + name.Length));
        }

        if (_nameCount == _nameEnds.Length)
        {
            Array.Resize(ref _nameEnds, _nameEnds.Length * 2);
        }

        name.CopyTo(_names.AsSpan(from));
        _nameEnds[_nameCount++] = from + name.Length;
    }

    private static ReplayInputException Twice(ReadOnlySpan<byte> name, string file, long line) =>
        new(file, line, $"field '{InputText.Snippet(name)}' is given twice", InputErrorKind.Malformed);

    /// <summary>Field "s": every event names the symbol of the first event that names one (a replay is one instrument).</summary>
    private void Symbol(ref Utf8JsonReader reader, string file, long line)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new ReplayInputException(file, line, "field 's': expected the symbol as a string", InputErrorKind.Malformed);
        }

        ReadOnlySpan<byte> symbol = reader.ValueIsEscaped ? Unescaped(ref reader) : reader.ValueSpan;
        if (_symbol is null)
        {
            _symbol = symbol.ToArray();
            _symbolLine = line;
        }
        else if (!symbol.SequenceEqual(_symbol))
        {
            throw new ReplayInputException(file, line,
                $"field 's': '{InputText.Snippet(symbol)}' is not '{InputText.Snippet(_symbol)}' of line {_symbolLine}; a replay is one instrument", InputErrorKind.Inconsistent);
        }
    }

    private static byte[] Unescaped(ref Utf8JsonReader reader)
    {
        var buffer = new byte[reader.ValueSpan.Length];
        var length = reader.CopyString(buffer);
        return buffer[..length];
    }

    private static void RequireOneLine(ReadOnlySpan<byte> line, string file, long lineNumber)
    {
        if (line.IndexOf((byte)'\r') is var cr and >= 0)
        {
            throw new ReplayInputException(file, lineNumber,
                $"a carriage return (CR) at column {cr + 1} inside the line: lines must end in LF or CR LF (a file with CR-only line ends reads as one line; convert them to LF)",
                InputErrorKind.Malformed);
        }
    }

    private static void RequireEnd(ReadOnlySpan<byte> line, long consumed, string file, long lineNumber)
    {
        var rest = line[(int)consumed..];
        var content = rest.IndexOfAnyExcept((byte)' ', (byte)'\t');
        if (content >= 0)
        {
            throw new ReplayInputException(file, lineNumber,
                $"unexpected '{InputText.Snippet(rest[content..])}' after the JSON object at column {consumed + content + 1}: a line holds exactly one JSON object",
                InputErrorKind.Malformed);
        }
    }

    private static void Enter(ref Utf8JsonReader reader, string file, long line)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ReplayInputException(file, line, "expected a JSON object", InputErrorKind.Malformed);
        }
    }

    /// <summary>A time in milliseconds as nanoseconds; past what 64-bit nanoseconds hold (year 2262) is an error, not a wrapped time.</summary>
    private static long Millis(ref Utf8JsonReader reader, string field, string file, long line)
    {
        long ms = Long(ref reader, field, file, line);
        if (ms > long.MaxValue / 1_000_000)
        {
            throw new ReplayInputException(file, line, $"field '{field}': {ms} ms is past the latest time nanoseconds can hold (year 2262)", InputErrorKind.InvalidValue);
        }

        return ms * 1_000_000;
    }

    private static long Long(ref Utf8JsonReader reader, string field, string file, long line)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var value) || value < 0)
        {
            throw new ReplayInputException(file, line, $"field '{field}': expected a non-negative integer", InputErrorKind.NotANumber);
        }

        return value;
    }

    private void Levels(ref Utf8JsonReader reader, Side side, List<LevelUpdate> into, string field, string file, long line)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new ReplayInputException(file, line, $"field '{field}': expected an array of [price, quantity]", InputErrorKind.Malformed);
        }

        for (var index = 0; reader.Read() && reader.TokenType != JsonTokenType.EndArray; index++)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new ReplayInputException(file, line, $"field '{field}[{index}]': expected [price, quantity]", InputErrorKind.Malformed);
            }

            reader.Read();
            var price = Units(ref reader, _tick, $"{field}[{index}][0]", file, line);
            reader.Read();
            var quantity = Units(ref reader, _lot, $"{field}[{index}][1]", file, line);
            if (quantity > ReplayLimits.MaxLots)
            {
                throw new ReplayInputException(file, line, $"field '{field}[{index}][1]': {quantity:N0} lots of {_lot}; a level may hold at most {ReplayLimits.MaxLots:N0} lots (2^50): check the value or pass a larger --lot-size", InputErrorKind.InvalidValue);
            }

            if (price <= 0)
            {
                throw new ReplayInputException(file, line, $"field '{field}[{index}][0]': price must be positive", InputErrorKind.InvalidValue);
            }

            if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray)
            {
                throw new ReplayInputException(file, line, $"field '{field}[{index}]': expected [price, quantity]", InputErrorKind.Malformed);
            }

            into.Add(new LevelUpdate(side, price, quantity));
        }
    }

    private static long Units(ref Utf8JsonReader reader, DecimalUnit unit, string field, string file, long line)
    {
        if (reader.TokenType != JsonTokenType.String && reader.TokenType != JsonTokenType.Number)
        {
            throw new ReplayInputException(file, line, $"field '{field}': expected a decimal string", InputErrorKind.NotANumber);
        }

        ReadOnlySpan<byte> bytes = reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan;
        if (!AsciiNumber.TryParseDecimal(bytes, out var mantissa, out var exponent))
        {
            throw new ReplayInputException(file, line, $"field '{field}': '{InputText.Snippet(bytes)}' is not a number", InputErrorKind.NotANumber);
        }

        var result = unit.TryToUnits(mantissa, exponent, out var units);
        if (result != UnitConversion.Ok || units < 0)
        {
            throw new ReplayInputException(file, line, $"field '{field}': {InputText.Snippet(bytes)} {(result == UnitConversion.NotMultiple ? $"is not a multiple of {unit}" : $"is out of range (more than 2^63 units of {unit})")}", InputErrorKind.InvalidValue);
        }

        return units;
    }

    /// <summary>The header fields of a depthUpdate event as they are read.</summary>
    private struct EventFields
    {
        public long First;
        public long Final;
        public long Previous;
        public long Time;
        public bool SeenBids;
        public bool SeenAsks;
    }
}
