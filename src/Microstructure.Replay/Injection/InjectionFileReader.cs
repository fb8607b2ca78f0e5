using System.Text;
using Microstructure.Engine;
using Microstructure.Replay.Io;

namespace Microstructure.Replay.Injection;

/// <summary>
/// Reads an injection file: CSV with the header <c>time,kind,side,quantity,price,label</c>; time, price and
/// quantity in the units of the replayed source (see docs/replay.md). Small files, so strings are fine here.
/// </summary>
public static class InjectionFileReader
{
    /// <summary>The required header.</summary>
    public const string Header = "time,kind,side,quantity,price,label";

    /// <summary>Reads every injected order, sorted by time (file order among equal times).</summary>
    /// <param name="path">The injection file.</param>
    /// <param name="units">The replayed source's units.</param>
    /// <returns>The orders.</returns>
    /// <exception cref="ReplayInputException">The file is missing or a line is wrong.</exception>
    public static IReadOnlyList<InjectedOrder> Read(string path, SourceUnits units)
    {
        ArgumentNullException.ThrowIfNull(units);
        using var reader = LineReader.Open(path);
        if (!reader.TryReadLine(out var header) || !header.SequenceEqual(Encoding.ASCII.GetBytes(Header)))
        {
            throw new ReplayInputException(path, 1, $"expected the header '{Header}'");
        }

        var orders = new List<InjectedOrder>();
        while (reader.TryReadLine(out var line))
        {
            if (line.IsEmpty)
            {
                continue;
            }

            orders.Add(Parse(line, path, reader.LineNumber, units));
        }

        return [.. orders.OrderBy(o => o.TimeNs)];
    }

    private static InjectedOrder Parse(ReadOnlySpan<byte> line, string path, long lineNumber, SourceUnits units)
    {
        var count = FieldCursor.CountFields(line);
        if (count is < 5 or > 6)
        {
            throw new ReplayInputException(path, lineNumber, $"expected 5 or 6 columns ({Header}), found {count}");
        }

        var f = new FieldCursor(line);
        var time = f.Next();
        if (!units.TryParseTime(time, out var timeNs))
        {
            throw new ReplayInputException(path, lineNumber, $"column 'time': '{InputText.Snippet(time)}' is not a time in the source's format ({units.Time})", InputErrorKind.NotANumber);
        }

        var kindField = f.Next();
        var kindText = Encoding.UTF8.GetString(kindField);
        InjectedOrderKind kind = kindText switch
        {
            "market" => InjectedOrderKind.Market,
            "limit" => InjectedOrderKind.Limit,
            "ioc" => InjectedOrderKind.Ioc,
            "liquidation" => InjectedOrderKind.Liquidation,
            _ => throw new ReplayInputException(path, lineNumber, $"column 'kind': '{InputText.Snippet(kindField)}' is not one of market, limit, ioc, liquidation", InputErrorKind.InvalidValue),
        };
        var sideField = f.Next();
        Side side = sideField.SequenceEqual("buy"u8) ? Side.Buy
            : sideField.SequenceEqual("sell"u8) ? Side.Sell
            : throw new ReplayInputException(path, lineNumber, $"column 'side': '{InputText.Snippet(sideField)}' is not buy or sell", InputErrorKind.InvalidValue);
        var quantity = ToUnits(f.Next(), units.Lot, path, lineNumber, "quantity");
        if (quantity <= 0)
        {
            throw new ReplayInputException(path, lineNumber, "column 'quantity': must be positive", InputErrorKind.InvalidValue);
        }

        var priceField = f.Next();
        long price = 0;
        if (kind is InjectedOrderKind.Limit or InjectedOrderKind.Ioc)
        {
            price = ToUnits(priceField, units.Tick, path, lineNumber, "price");
            if (price <= 0)
            {
                throw new ReplayInputException(path, lineNumber, $"column 'price': a {kindText} order needs a positive price", InputErrorKind.InvalidValue);
            }
        }
        else if (!priceField.IsEmpty && !priceField.SequenceEqual("0"u8))
        {
            throw new ReplayInputException(path, lineNumber, $"column 'price': a {kindText} order takes no price (leave it empty)", InputErrorKind.InvalidValue);
        }

        var label = count == 6 ? Encoding.UTF8.GetString(f.Next()) : string.Empty;
        return new InjectedOrder(timeNs, kind, side, quantity, price, label, lineNumber) { File = path };
    }

    private static long ToUnits(ReadOnlySpan<byte> field, DecimalUnit unit, string path, long lineNumber, string column)
    {
        if (!AsciiNumber.TryParseDecimal(field, out var mantissa, out var exponent))
        {
            throw new ReplayInputException(path, lineNumber, $"column '{column}': '{InputText.Snippet(field)}' is not a number", InputErrorKind.NotANumber);
        }

        return unit.TryToUnits(mantissa, exponent, out var units) switch
        {
            UnitConversion.Ok => units,
            UnitConversion.NotMultiple => throw new ReplayInputException(path, lineNumber, $"column '{column}': {InputText.Snippet(field)} is not a multiple of {unit}", InputErrorKind.InvalidValue),
            _ => throw new ReplayInputException(path, lineNumber, $"column '{column}': {InputText.Snippet(field)} is out of range", InputErrorKind.InvalidValue),
        };
    }
}
