using System.Text;
using Microstructure.Engine;
using Microstructure.Replay.Io;

namespace Microstructure.Replay.Tardis;

/// <summary>
/// What every Tardis CSV reader shares: the header check (every file starts with exchange, symbol, timestamp,
/// local_timestamp), one instrument (every row's exchange and symbol are those of the first row read from any of
/// the replay's files), microsecond timestamps ordered by local_timestamp, and exact decimal → tick/lot conversion.
/// </summary>
internal abstract class TardisReader : IDisposable
{
    private readonly LineReader _reader;
    private long _lastLocal = long.MinValue;

    /// <summary>Opens <paramref name="path"/> (.csv or .csv.gz) and checks its header.</summary>
    /// <param name="path">The file.</param>
    /// <param name="tick">Tick size.</param>
    /// <param name="lot">Lot size.</param>
    /// <param name="header">The exact header line this data type has, or null to accept any header starting with the four common columns.</param>
    protected TardisReader(string path, DecimalUnit tick, DecimalUnit lot, string? header)
    {
        _reader = LineReader.Open(path);
        Tick = tick;
        Lot = lot;
        if (!_reader.TryReadLine(out var first))
        {
            throw new ReplayInputException(path, 1, "the file is empty (expected a header line)", InputErrorKind.Malformed);
        }

        var text = Encoding.UTF8.GetString(first);
        if (header is not null ? text != header : !text.StartsWith("exchange,symbol,timestamp,local_timestamp,", StringComparison.Ordinal))
        {
            throw new ReplayInputException(path, 1, $"unexpected header '{InputText.Snippet(first, 120)}'; expected '{header ?? "exchange,symbol,timestamp,local_timestamp,..."}'", InputErrorKind.Malformed);
        }

        HeaderColumns = FieldCursor.CountFields(first);
        HeaderText = text;
    }

    /// <summary>The file name used in messages.</summary>
    public string Name => _reader.Name;

    /// <summary>Line of the row last read.</summary>
    public long LineNumber => _reader.LineNumber;

    /// <summary>Columns in the header.</summary>
    protected int HeaderColumns { get; }

    /// <summary>The header line.</summary>
    protected string HeaderText { get; }

    /// <summary>Tick size.</summary>
    protected DecimalUnit Tick { get; }

    /// <summary>The instrument every row must name; shared by the readers of one replay (each has its own otherwise).</summary>
    public TardisInstrument Instrument { get; set; } = new();

    /// <summary>Lot size.</summary>
    protected DecimalUnit Lot { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        _reader.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Reads the next line and checks its column count; false at the end of the file.</summary>
    protected bool NextLine(out ReadOnlySpan<byte> line)
    {
        if (!_reader.TryReadLine(out line))
        {
            return false;
        }

        var count = line.IsEmpty ? 0 : FieldCursor.CountFields(line);
        if (count != HeaderColumns)
        {
            Throw($"expected {HeaderColumns} columns as in the header, found {count}{(count < HeaderColumns ? " (truncated line?)" : string.Empty)}", InputErrorKind.Malformed);
        }

        return true;
    }

    /// <summary>
    /// Checks the exchange and symbol columns (the instrument of the first row read) and reads the timestamp and
    /// local_timestamp columns (µs) as nanoseconds; local times must not go backwards.
    /// </summary>
    protected (long Exchange, long Local) Times(ref FieldCursor f)
    {
        var exchangeField = f.Next();
        var symbol = f.Next();
        if (Instrument.Symbol is null)
        {
            Instrument.Exchange = exchangeField.ToArray();
            Instrument.Symbol = symbol.ToArray();
            Instrument.Where = $"{Name}:{LineNumber}";
        }
        else
        {
            Same(exchangeField, Instrument.Exchange!, "exchange");
            Same(symbol, Instrument.Symbol, "symbol");
        }
        var exchange = Micros(f.Next(), "timestamp", allowEmpty: true);
        var local = Micros(f.Next(), "local_timestamp", allowEmpty: false);
        if (local < _lastLocal)
        {
            Throw($"local_timestamp {local / 1000} is earlier than the previous row's {_lastLocal / 1000}", InputErrorKind.OutOfOrderTime);
        }

        _lastLocal = local;
        return (exchange == 0 ? local : exchange, local);
    }

    /// <summary>Parses microseconds since the epoch into nanoseconds (0 for an empty optional field).</summary>
    protected long Micros(ReadOnlySpan<byte> field, string column, bool allowEmpty)
    {
        if (field.IsEmpty && allowEmpty)
        {
            return 0;
        }

        if (!AsciiNumber.TryParseLong(field, out var us) || us < 0 || us > long.MaxValue / 1000)
        {
            ThrowNumber(column, field, "microseconds since the epoch");
        }

        return us * 1000;
    }

    /// <summary>Parses a price into ticks (must be a positive tick multiple).</summary>
    protected long Price(ReadOnlySpan<byte> field, string column) => Units(field, column, Tick, positive: true);

    /// <summary>Parses an amount into lots (must be a non-negative lot multiple, at most <see cref="ReplayLimits.MaxLots"/>).</summary>
    protected long Amount(ReadOnlySpan<byte> field, string column)
    {
        var lots = Units(field, column, Lot, positive: false);
        if (lots > ReplayLimits.MaxLots)
        {
            Throw($"column '{column}': {Encoding.UTF8.GetString(field)} is {lots:N0} lots of {Lot}; an amount may be at most {ReplayLimits.MaxLots:N0} lots (2^50): check the value or pass a larger --lot-size", InputErrorKind.InvalidValue);
        }

        return lots;
    }

    /// <summary>Parses a decimal into whole units of <paramref name="unit"/>.</summary>
    protected long Units(ReadOnlySpan<byte> field, string column, DecimalUnit unit, bool positive)
    {
        if (!AsciiNumber.TryParseDecimal(field, out var mantissa, out var exponent))
        {
            ThrowNumber(column, field, "a decimal number");
        }

        var result = unit.TryToUnits(mantissa, exponent, out var units);
        if (result != UnitConversion.Ok)
        {
            Throw($"column '{column}': {InputText.Snippet(field)} {(result == UnitConversion.NotMultiple ? $"is not a multiple of {unit}" : $"is out of range (more than 2^63 units of {unit})")}", InputErrorKind.InvalidValue);
        }

        if (units < 0 || (positive && units == 0))
        {
            Throw($"column '{column}': {InputText.Snippet(field)} must be {(positive ? "positive" : "zero or more")}", InputErrorKind.InvalidValue);
        }

        return units;
    }

    /// <summary>Parses bid/ask or buy/sell.</summary>
    protected Side ParseSide(ReadOnlySpan<byte> field, string column)
    {
        if (field.SequenceEqual("bid"u8) || field.SequenceEqual("buy"u8))
        {
            return Side.Buy;
        }

        if (field.SequenceEqual("ask"u8) || field.SequenceEqual("sell"u8))
        {
            return Side.Sell;
        }

        Throw($"column '{column}': '{InputText.Snippet(field)}' is not bid/ask or buy/sell", InputErrorKind.InvalidValue);
        return default;
    }

    /// <summary>Throws a not-a-number error for a field.</summary>
    protected void ThrowNumber(string column, ReadOnlySpan<byte> field, string expected) =>
        Throw($"column '{column}': '{InputText.Snippet(field)}' is not {expected}", InputErrorKind.NotANumber);

    private void Same(ReadOnlySpan<byte> field, byte[] expected, string column)
    {
        if (!field.SequenceEqual(expected))
        {
            Throw($"column '{column}': '{InputText.Snippet(field)}' is not '{InputText.Snippet(expected)}' of the first row ({Instrument.Where}); a replay is one instrument", InputErrorKind.Inconsistent);
        }
    }

    /// <summary>Throws an input error at the current line.</summary>
    protected void Throw(string detail, InputErrorKind kind) => throw new ReplayInputException(_reader.Name, _reader.LineNumber, detail, kind);
}
