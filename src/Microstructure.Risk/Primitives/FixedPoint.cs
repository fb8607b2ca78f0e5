using System.Runtime.CompilerServices;

namespace Microstructure.Risk;

/// <summary>
/// The one fixed-point scale of the risk layer and the rounding helpers every division goes through.
/// </summary>
/// <remarks>
/// <para><b>Cash</b> is a <see cref="long"/> count of <see cref="CashScale"/>-ths of one unit of quote currency
/// (1 cash unit = 10⁻⁸ USDT for a USDT-margined contract). <b>Rates</b> (margin rates, fees, funding, LTV, bonuses,
/// multipliers) are <see cref="long"/> counts of <see cref="RateScale"/>-ths of 1.0 (1% = 1,000,000).</para>
/// <para>Every division names its rounding: <c>Floor</c> rounds toward −∞, <c>Ceil</c> toward +∞. Callers pick the
/// direction that goes against the trader (docs/risk.md lists each one); whatever that leaves over goes to the
/// insurance fund, so money is conserved exactly.</para>
/// </remarks>
public static class FixedPoint
{
    /// <summary>Cash units per one unit of quote currency (10⁸).</summary>
    public const long CashScale = 100_000_000;

    /// <summary>Rate units per 1.0 (10⁸): 0.5% is 500,000.</summary>
    public const long RateScale = 100_000_000;

    /// <summary>⌊a / b⌋ for b &gt; 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long FloorDiv(long a, long b)
    {
        long q = a / b;
        return (a % b != 0 && a < 0) ? q - 1 : q;
    }

    /// <summary>⌈a / b⌉ for b &gt; 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long CeilDiv(long a, long b)
    {
        long q = a / b;
        return (a % b != 0 && a > 0) ? q + 1 : q;
    }

    /// <summary>⌊a·b / d⌋ for d &gt; 0, exact for any long a and b (128-bit intermediate when needed).</summary>
    /// <exception cref="OverflowException">The result does not fit in a long.</exception>
    public static long MulDivFloor(long a, long b, long d)
    {
        long hi = Math.BigMul(a, b, out long lo);
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))
        {
            return FloorDiv(lo, d);
        }

        return MulDivWide(a, b, d, ceiling: false);
    }

    /// <summary>⌈a·b / d⌉ for d &gt; 0, exact for any long a and b (128-bit intermediate when needed).</summary>
    /// <exception cref="OverflowException">The result does not fit in a long.</exception>
    public static long MulDivCeil(long a, long b, long d)
    {
        long hi = Math.BigMul(a, b, out long lo);
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))
        {
            return CeilDiv(lo, d);
        }

        return MulDivWide(a, b, d, ceiling: true);
    }

    /// <summary>⌊value·rate / <see cref="RateScale"/>⌋.</summary>
    public static long RateFloor(long value, long rate)
    {
        if ((ulong)rate <= RateScale)
        {
            // value = q·S + r with 0 ≤ r < S: value·rate/S = q·rate + r·rate/S, and every product fits in a long.
            long q = FloorDiv(value, RateScale);
            long r = value - (q * RateScale);
            return (q * rate) + (r * rate / RateScale);
        }

        return MulDivFloor(value, rate, RateScale);
    }

    /// <summary>⌈value·rate / <see cref="RateScale"/>⌉.</summary>
    public static long RateCeil(long value, long rate)
    {
        if ((ulong)rate <= RateScale)
        {
            long q = FloorDiv(value, RateScale);
            long r = value - (q * RateScale);
            return (q * rate) + CeilDiv(r * rate, RateScale);
        }

        return MulDivCeil(value, rate, RateScale);
    }

    /// <summary>⌊n / d⌋ of a 128-bit numerator, d &gt; 0.</summary>
    internal static Int128 FloorDiv(Int128 n, Int128 d)
    {
        Int128 q = n / d;
        return (n % d != 0 && n < 0) ? q - 1 : q;
    }

    /// <summary>⌈n / d⌉ of a 128-bit numerator, d &gt; 0.</summary>
    internal static Int128 CeilDiv(Int128 n, Int128 d)
    {
        Int128 q = n / d;
        return (n % d != 0 && n > 0) ? q + 1 : q;
    }

    /// <summary>Saturates a 128-bit value into a long.</summary>
    internal static long Saturate(Int128 value) =>
        value > long.MaxValue ? long.MaxValue : value < long.MinValue ? long.MinValue : (long)value;

    /// <summary>Converts a quote-currency amount to cash units, rounding half away from zero to 10⁻⁸.</summary>
    /// <exception cref="OverflowException">The amount does not fit.</exception>
    public static long ToCash(decimal quote) => checked((long)decimal.Round(quote * CashScale, MidpointRounding.AwayFromZero));

    /// <summary>Converts a rate (1.0 = 100%) to rate units, rounding half away from zero to 10⁻⁸.</summary>
    /// <exception cref="OverflowException">The rate does not fit.</exception>
    public static long ToRate(decimal rate) => checked((long)decimal.Round(rate * RateScale, MidpointRounding.AwayFromZero));

    /// <summary>Cash units as a quote-currency decimal (exact).</summary>
    public static decimal ToQuote(long cash) => (decimal)cash / CashScale;

    private static long MulDivWide(long a, long b, long d, bool ceiling)
    {
        Int128 n = (Int128)a * b;
        Int128 q = ceiling ? CeilDiv(n, d) : FloorDiv(n, d);
        return checked((long)q);
    }
}
