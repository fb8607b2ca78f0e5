using Microstructure.Engine;
using Microstructure.Replay.Io;
using Microstructure.Replay.Processing;

namespace Microstructure.Replay.Tardis;

/// <summary>
/// Reads Tardis derivative_ticker CSV: exchange,symbol,timestamp,local_timestamp,funding_timestamp,funding_rate,
/// predicted_funding_rate,open_interest,last_price,index_price,mark_price. Empty fields read as zero (not given).
/// A funding rate is a fraction per funding interval (0.0001 = 0.01%); one outside ±<see cref="MaxFundingRate"/> is
/// refused — it is not a rate, and kept as 10⁻⁸ units it would not fit.
/// </summary>
internal sealed class TardisTickerReader(string path, DecimalUnit tick, DecimalUnit lot)
    : TardisReader(path, tick, lot, Header)
{
    /// <summary>The header of the data type.</summary>
    public const string Header = "exchange,symbol,timestamp,local_timestamp,funding_timestamp,funding_rate,predicted_funding_rate,open_interest,last_price,index_price,mark_price";

    /// <summary>The largest funding rate accepted, as a fraction (1 = 100% per funding interval; real rates are below 0.05).</summary>
    public const decimal MaxFundingRate = 1m;

    private const long MaxRateE8 = 100_000_000;

    private static readonly DecimalUnit RateUnit = DecimalUnit.From(0.00000001m);

    /// <summary>Reads the next row.</summary>
    /// <param name="update">The ticker as market data (local time).</param>
    /// <returns>False at the end of the file.</returns>
    public bool TryRead(out MarketDataUpdate update)
    {
        update = default;
        if (!NextLine(out var line))
        {
            return false;
        }

        var f = new FieldCursor(line);
        var (_, local) = Times(ref f);
        f.Next();
        var rateField = f.Next();
        var rate = rateField.IsEmpty ? 0 : SignedUnits(rateField, "funding_rate");
        f.Next();
        var oi = Optional(f.Next(), "open_interest", Lot);
        var last = Optional(f.Next(), "last_price", Tick);
        var index = Optional(f.Next(), "index_price", Tick);
        var mark = Optional(f.Next(), "mark_price", Tick);
        update = new MarketDataUpdate
        {
            Kind = MarketDataKind.Ticker, Timestamp = new Timestamp(local), Price = new Price(last), Quantity = new Quantity(oi),
            MarkPrice = new Price(mark), IndexPrice = new Price(index), FundingRateE8 = rate,
        };
        return true;
    }

    private long Optional(ReadOnlySpan<byte> field, string column, DecimalUnit unit) => field.IsEmpty ? 0 : Units(field, column, unit, positive: false);

    private long SignedUnits(ReadOnlySpan<byte> field, string column)
    {
        if (!AsciiNumber.TryParseDecimal(field, out var mantissa, out var exponent))
        {
            ThrowNumber(column, field, "a decimal number");
        }

        // Funding rates finer than 1e-8 are truncated toward zero: they are informational here, not money.
        while (exponent < -8)
        {
            mantissa /= 10;
            exponent++;
        }

        if (RateUnit.TryToUnits(mantissa, exponent, out var rate) != UnitConversion.Ok || rate is > MaxRateE8 or < -MaxRateE8)
        {
            Throw($"column '{column}': {InputText.Snippet(field)} is outside -{MaxFundingRate}..{MaxFundingRate} (a funding rate is a fraction per funding interval, e.g. 0.0001)", InputErrorKind.InvalidValue);
        }

        return rate;
    }
}
