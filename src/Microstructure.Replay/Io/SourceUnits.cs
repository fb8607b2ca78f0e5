namespace Microstructure.Replay.Io;

/// <summary>How a source writes time, prices and quantities, so that injections can be written in the same units.</summary>
/// <param name="Time">The source's time format.</param>
/// <param name="Tick">Price of one tick in the source's price unit (LOBSTER: 1, prices are already integers).</param>
/// <param name="Lot">Quantity of one lot in the source's quantity unit.</param>
public sealed record SourceUnits(TimeFormat Time, DecimalUnit Tick, DecimalUnit Lot)
{
    /// <summary>Parses a time field into nanoseconds.</summary>
    /// <param name="field">The field.</param>
    /// <param name="nanoseconds">The time.</param>
    /// <returns>False when the field is not of the source's form.</returns>
    public bool TryParseTime(ReadOnlySpan<byte> field, out long nanoseconds)
    {
        switch (Time)
        {
            case TimeFormat.Seconds:
                return AsciiNumber.TryParseSecondsToNanos(field, out nanoseconds);
            case TimeFormat.Microseconds:
                if (AsciiNumber.TryParseLong(field, out var us) && us >= 0 && us < long.MaxValue / 1000)
                {
                    nanoseconds = us * 1000;
                    return true;
                }

                break;
            default:
                if (AsciiNumber.TryParseLong(field, out var ms) && ms >= 0 && ms < long.MaxValue / 1_000_000)
                {
                    nanoseconds = ms * 1_000_000;
                    return true;
                }

                break;
        }

        nanoseconds = 0;
        return false;
    }
}
