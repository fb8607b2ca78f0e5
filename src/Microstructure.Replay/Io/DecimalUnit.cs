using System.Globalization;

namespace Microstructure.Replay.Io;

/// <summary>
/// A tick or lot size as an exact decimal (<see cref="Mantissa"/> × 10^<see cref="Exponent"/>), used to turn
/// decimal prices and amounts from crypto feeds into integer ticks and lots without floating point.
/// </summary>
public readonly record struct DecimalUnit
{
    /// <summary>The most decimals, and the most significant digits, a unit may have (10^18 is the largest long power of ten).</summary>
    internal const int MaxDigits = 18;

    private static readonly long[] Powers = BuildPowers();

    private DecimalUnit(long mantissa, int exponent)
    {
        Mantissa = mantissa;
        Exponent = exponent;
    }

    /// <summary>Significant digits of the unit (no trailing zeros).</summary>
    public long Mantissa { get; }

    /// <summary>Power of ten of the unit.</summary>
    public int Exponent { get; }

    /// <summary>The unit as a decimal.</summary>
    public decimal Value => Exponent >= 0 ? Mantissa * (decimal)Powers[Exponent] : Mantissa / (decimal)Powers[-Exponent];

    /// <summary>Creates a unit from a positive decimal such as 0.1 or 0.001.</summary>
    /// <param name="unit">The tick or lot size: positive, at most 18 decimals and 18 significant
    /// digits, and at most 10^18.</param>
    /// <returns>The exact unit.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The unit is not positive or not representable (too many digits, too large).</exception>
    public static DecimalUnit From(decimal unit)
    {
        if (unit <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "A tick or lot size must be positive.");
        }

        if (unit > Powers[MaxDigits])
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, $"A tick or lot size must be at most 10^{MaxDigits}.");
        }

        // A decimal is a 96-bit integer over 10^scale: strip that integer's trailing zeros, then it must fit a long.
        var digits = decimal.Truncate(unit * DecimalPower(unit.Scale));
        var exponent = -unit.Scale;
        while (digits % 10 == 0)
        {
            digits /= 10;
            exponent++;
        }

        if (exponent < -MaxDigits || digits > long.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, $"A tick or lot size has at most {MaxDigits} decimals and {MaxDigits} significant digits.");
        }

        return new DecimalUnit((long)digits, exponent);
    }

    /// <summary>Converts <paramref name="mantissa"/> × 10^<paramref name="exponent"/> to a whole number of units.</summary>
    /// <param name="mantissa">Digits of the value.</param>
    /// <param name="exponent">Power of ten of the value.</param>
    /// <param name="units">The number of units when exact.</param>
    /// <returns>Whether the conversion was exact and in range.</returns>
    internal UnitConversion TryToUnits(long mantissa, int exponent, out long units)
    {
        units = 0;
        if (mantissa == 0)
        {
            return UnitConversion.Ok;
        }

        var shift = exponent - Exponent;
        if (shift >= 0)
        {
            if (shift > 18)
            {
                return UnitConversion.OutOfRange;
            }

            var scaled = mantissa * Powers[shift];
            if (scaled / Powers[shift] != mantissa)
            {
                return UnitConversion.OutOfRange;
            }

            if (scaled % Mantissa != 0)
            {
                return UnitConversion.NotMultiple;
            }

            units = scaled / Mantissa;
            return UnitConversion.Ok;
        }

        if (-shift > 18)
        {
            return UnitConversion.NotMultiple;
        }

        var divisor = Mantissa * Powers[-shift];
        if (divisor / Powers[-shift] != Mantissa)
        {
            return UnitConversion.NotMultiple;
        }

        if (mantissa % divisor != 0)
        {
            return UnitConversion.NotMultiple;
        }

        units = mantissa / divisor;
        return UnitConversion.Ok;
    }

    /// <summary>Formats a whole number of units back as a decimal string ("43210.5").</summary>
    /// <param name="units">Ticks or lots.</param>
    /// <returns>The decimal value, invariant culture.</returns>
    public string Format(long units) => (units * Value).ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    private static decimal DecimalPower(int exponent)
    {
        var p = 1m;
        for (var i = 0; i < exponent; i++)
        {
            p *= 10;
        }

        return p;
    }

    private static long[] BuildPowers()
    {
        var p = new long[19];
        p[0] = 1;
        for (var i = 1; i < p.Length; i++)
        {
            p[i] = p[i - 1] * 10;
        }

        return p;
    }
}
