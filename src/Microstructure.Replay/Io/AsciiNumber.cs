using System.Runtime.CompilerServices;

namespace Microstructure.Replay.Io;

/// <summary>
/// Number parsing straight from ASCII bytes: no strings, no culture, no floating point. Every parser returns false
/// on anything that is not exactly the documented form, so callers can report the field precisely.
/// </summary>
internal static class AsciiNumber
{
    private const int MaxDigits = 18;

    /// <summary>Parses an optionally signed decimal integer.</summary>
    /// <param name="s">The field.</param>
    /// <param name="value">The value.</param>
    /// <returns>False when empty, not a number, or out of range.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseLong(ReadOnlySpan<byte> s, out long value)
    {
        value = 0;
        var i = 0;
        var negative = false;
        if (s.Length > 0 && s[0] == (byte)'-')
        {
            negative = true;
            i = 1;
        }

        if (i == s.Length || s.Length - i > MaxDigits)
        {
            return false;
        }

        long v = 0;
        for (; i < s.Length; i++)
        {
            var d = (uint)(s[i] - '0');
            if (d > 9)
            {
                return false;
            }

            v = (v * 10) + d;
        }

        value = negative ? -v : v;
        return true;
    }

    /// <summary>
    /// Parses seconds with an optional fraction of up to nine digits ("34200.004241176") into nanoseconds. Digits
    /// beyond the ninth are ignored (LOBSTER writes at most nine).
    /// </summary>
    /// <param name="s">The field.</param>
    /// <param name="nanoseconds">The value in nanoseconds.</param>
    /// <returns>False when the field is not of that form.</returns>
    public static bool TryParseSecondsToNanos(ReadOnlySpan<byte> s, out long nanoseconds)
    {
        nanoseconds = 0;
        var dot = s.IndexOf((byte)'.');
        var whole = dot < 0 ? s : s[..dot];
        if (whole.Length == 0 || whole.Length > 9 || !TryParseLong(whole, out var seconds) || seconds < 0 || whole[0] == (byte)'-')
        {
            return false;
        }

        long fraction = 0;
        var digits = 0;
        if (dot >= 0)
        {
            var frac = s[(dot + 1)..];
            if (frac.Length == 0)
            {
                return false;
            }

            for (var i = 0; i < frac.Length; i++)
            {
                var d = (uint)(frac[i] - '0');
                if (d > 9)
                {
                    return false;
                }

                if (digits < 9)
                {
                    fraction = (fraction * 10) + d;
                    digits++;
                }
            }
        }

        for (; digits < 9; digits++)
        {
            fraction *= 10;
        }

        nanoseconds = (seconds * 1_000_000_000L) + fraction;
        return true;
    }

    /// <summary>
    /// Parses a decimal number ("-43210.50", "1.5e-05") exactly as <paramref name="mantissa"/> × 10^<paramref name="exponent"/>.
    /// Leading and trailing zeros carry no precision ("0.001000000000000000000000000" is 1 × 10⁻³): only the digits
    /// from the first to the last non-zero one count towards the limit of 18.
    /// </summary>
    /// <param name="s">The field.</param>
    /// <param name="mantissa">Signed digits.</param>
    /// <param name="exponent">Power of ten.</param>
    /// <returns>False when the field is not a decimal number or has more than 18 significant digits.</returns>
    public static bool TryParseDecimal(ReadOnlySpan<byte> s, out long mantissa, out int exponent)
    {
        mantissa = 0;
        exponent = 0;
        var i = 0;
        var negative = false;
        if (s.Length > 0 && (s[0] == (byte)'-' || s[0] == (byte)'+'))
        {
            negative = s[0] == (byte)'-';
            i = 1;
        }

        long m = 0;
        var digits = 0;
        var zeros = 0; // zeros after the last non-zero digit, not yet in m
        var seenDigit = false;
        var seenDot = false;
        long e = 0;
        for (; i < s.Length; i++)
        {
            var c = s[i];
            var d = (uint)(c - '0');
            if (d <= 9)
            {
                seenDigit = true;
                if (seenDot)
                {
                    e--;
                }

                if (d == 0)
                {
                    // Leading zeros carry no precision; later ones count only if a non-zero digit follows.
                    if (m != 0)
                    {
                        zeros++;
                    }

                    continue;
                }

                digits += zeros + 1;
                if (digits > MaxDigits)
                {
                    return false;
                }

                for (; zeros > 0; zeros--)
                {
                    m *= 10;
                }

                m = (m * 10) + d;
            }
            else if (c == (byte)'.' && !seenDot)
            {
                seenDot = true;
            }
            else if ((c == (byte)'e' || c == (byte)'E') && seenDigit)
            {
                if (!TryParseLong(s[(i + 1)..].TrimStart((byte)'+'), out var exp) || exp is < -30 or > 30)
                {
                    return false;
                }

                e += exp;
                i = s.Length;
                break;
            }
            else
            {
                return false;
            }
        }

        if (!seenDigit)
        {
            return false;
        }

        // The pending zeros scale the value up (integer part) or were already counted in e (fraction).
        e += zeros;
        if (m != 0 && e is < int.MinValue / 2 or > int.MaxValue / 2)
        {
            return false;
        }

        mantissa = negative ? -m : m;
        exponent = m == 0 ? 0 : (int)e;
        return true;
    }
}
