using System.Text;
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
internal sealed class BinanceJsonParser(DecimalUnit tick, DecimalUnit lot)
{
    private readonly DecimalUnit _tick = tick;
    private readonly DecimalUnit _lot = lot;

    public void ParseEvent(ReadOnlySpan<byte> line, BinanceDepthEvent e, string file, long lineNumber)
    {
        e.Updates.Clear();
        e.Line = lineNumber;
        long first = -1, final = -1, previous = -1, time = 0;
        var seenBids = false;
        var seenAsks = false;
        var reader = new Utf8JsonReader(line);
        try
        {
            Enter(ref reader, file, lineNumber);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("data"u8))
                {
                    // Combined-stream wrapper: the event is the "data" object.
                    Enter(ref reader, file, lineNumber);
                    continue;
                }

                if (reader.ValueTextEquals("U"u8))
                {
                    first = Long(ref reader, "U", file, lineNumber);
                }
                else if (reader.ValueTextEquals("u"u8))
                {
                    final = Long(ref reader, "u", file, lineNumber);
                }
                else if (reader.ValueTextEquals("pu"u8))
                {
                    previous = Long(ref reader, "pu", file, lineNumber);
                }
                else if (reader.ValueTextEquals("E"u8))
                {
                    time = Long(ref reader, "E", file, lineNumber) * 1_000_000;
                }
                else if (reader.ValueTextEquals("b"u8))
                {
                    Levels(ref reader, Side.Buy, e.Updates, "b", file, lineNumber);
                    seenBids = true;
                }
                else if (reader.ValueTextEquals("a"u8))
                {
                    Levels(ref reader, Side.Sell, e.Updates, "a", file, lineNumber);
                    seenAsks = true;
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException ex)
        {
            throw new ReplayInputException(file, lineNumber, $"not valid JSON: {ex.Message}", InputErrorKind.Malformed);
        }

        var missing = first < 0 ? "U" : final < 0 ? "u" : previous < 0 ? "pu" : !seenBids ? "b" : !seenAsks ? "a" : null;
        if (missing is not null)
        {
            throw new ReplayInputException(file, lineNumber, $"field '{missing}' is missing from the depthUpdate event", InputErrorKind.Malformed);
        }

        if (final < first)
        {
            throw new ReplayInputException(file, lineNumber, $"field 'u': {final} is below 'U' {first}", InputErrorKind.InvalidValue);
        }

        e.FirstUpdateId = first;
        e.FinalUpdateId = final;
        e.PreviousFinalUpdateId = previous;
        e.TimeNs = time;
    }

    public BinanceDepthSnapshot ParseSnapshot(ReadOnlySpan<byte> line, string file, long lineNumber)
    {
        var s = new BinanceDepthSnapshot { Line = lineNumber, LastUpdateId = -1 };
        var reader = new Utf8JsonReader(line);
        try
        {
            Enter(ref reader, file, lineNumber);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("lastUpdateId"u8))
                {
                    s.LastUpdateId = Long(ref reader, "lastUpdateId", file, lineNumber);
                }
                else if (reader.ValueTextEquals("E"u8))
                {
                    s.TimeNs = Long(ref reader, "E", file, lineNumber) * 1_000_000;
                }
                else if (reader.ValueTextEquals("bids"u8))
                {
                    Levels(ref reader, Side.Buy, s.Levels, "bids", file, lineNumber);
                }
                else if (reader.ValueTextEquals("asks"u8))
                {
                    Levels(ref reader, Side.Sell, s.Levels, "asks", file, lineNumber);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }
        }
        catch (JsonException ex)
        {
            throw new ReplayInputException(file, lineNumber, $"not valid JSON: {ex.Message}", InputErrorKind.Malformed);
        }

        if (s.LastUpdateId < 0)
        {
            throw new ReplayInputException(file, lineNumber, "field 'lastUpdateId' is missing from the snapshot", InputErrorKind.Malformed);
        }

        return s;
    }

    private static void Enter(ref Utf8JsonReader reader, string file, long line)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new ReplayInputException(file, line, "expected a JSON object", InputErrorKind.Malformed);
        }
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

        var index = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
        {
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
            index++;
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
            throw new ReplayInputException(file, line, $"field '{field}': '{Encoding.UTF8.GetString(bytes)}' is not a number", InputErrorKind.NotANumber);
        }

        var result = unit.TryToUnits(mantissa, exponent, out var units);
        if (result != UnitConversion.Ok || units < 0)
        {
            throw new ReplayInputException(file, line, $"field '{field}': {Encoding.UTF8.GetString(bytes)} {(result == UnitConversion.NotMultiple ? $"is not a multiple of {unit}" : $"is out of range (more than 2^63 units of {unit})")}", InputErrorKind.InvalidValue);
        }

        return units;
    }
}
