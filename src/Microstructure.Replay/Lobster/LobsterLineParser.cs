using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Microstructure.Replay.Lobster;

/// <summary>
/// The fast path for a well-formed LOBSTER message line: one scalar pass that splits and converts the six fields
/// together, where the general path counts separators, then searches for each one, then parses each field. It can
/// also take the line straight from the reader's buffer and find its end of line as it goes (no separate newline
/// search).
/// </summary>
/// <remarks>
/// <para>It accepts exactly the canonical form and nothing more lenient: seconds of 1–9 digits with an optional
/// fraction of at least one digit (digits past the ninth ignored), then five integers of an optional minus sign and
/// 1–18 digits, comma-separated, nothing after the sixth. When it returns true its values equal what the general path
/// (<see cref="Io.AsciiNumber"/> per field) produces; on anything else it returns false and the caller takes the
/// general path, which reports the problem precisely. A property test holds the two paths to that.</para>
/// <para>Why the helpers return the position instead of taking it by <c>ref</c>: a position passed by reference
/// stays in memory, and every digit then costs a load and a store on the loop's critical path.</para>
/// </remarks>
internal static class LobsterLineParser
{
    /// <summary>Parses the six raw fields of <paramref name="line"/>; false if the line is not in canonical form.</summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out long timeNs, out long type, out long id, out long size, out long price, out long direction) =>
        Fields(line, out timeNs, out type, out id, out size, out price, out direction) == line.Length;

    /// <summary>
    /// Parses the canonical line at the start of <paramref name="buffer"/> (which may hold the following lines too)
    /// through its end of line (LF or CRLF). False when the line is not canonical or its end of line is not in the
    /// buffer; the caller then reads it the ordinary way.
    /// </summary>
    /// <param name="buffer">Unread bytes, starting at a line.</param>
    /// <param name="consumed">Bytes of the line including its end of line.</param>
    /// <param name="timeNs">Time, ns after midnight.</param>
    /// <param name="type">Event type.</param>
    /// <param name="id">Order id.</param>
    /// <param name="size">Size.</param>
    /// <param name="price">Price.</param>
    /// <param name="direction">Direction.</param>
    /// <returns>Whether a whole canonical line was parsed.</returns>
    public static bool TryParseLine(ReadOnlySpan<byte> buffer, out int consumed, out long timeNs, out long type, out long id, out long size, out long price, out long direction)
    {
        if (buffer.Length >= WideWindow && Vector256.IsHardwareAccelerated
            && TryParseWide(buffer, out consumed, out timeNs, out type, out id, out size, out price, out direction))
        {
            return true;
        }

        var i = Fields(buffer, out timeNs, out type, out id, out size, out price, out direction);
        if ((uint)i < (uint)buffer.Length && buffer[i] == (byte)'\n')
        {
            consumed = i + 1;
            return true;
        }

        if (i >= 0 && (uint)(i + 1) < (uint)buffer.Length && buffer[i] == (byte)'\r' && buffer[i + 1] == (byte)'\n')
        {
            consumed = i + 2;
            return true;
        }

        consumed = 0;
        return false;
    }

    /// <summary>
    /// The wide path: one 64-byte compare marks every byte that is not a digit, the fields' ends are read off that mask
    /// (trailing-zero counts), and each digit run becomes a number eight digits at a time (SWAR: three multiplies per
    /// eight digits instead of a multiply-add per digit on one dependency chain). It takes only lines whose fields it
    /// can read without doubt — the canonical form, end of line within the first 64 bytes, every integer of at most 16
    /// digits — and returns false for anything else, which the scalar pass then reads (or refuses) exactly as before.
    /// </summary>
    /// <remarks>Needs <see cref="WideWindow"/> bytes in <paramref name="buffer"/>: digit loads may read up to 16 bytes
    /// past the 64 the mask covers.</remarks>
    private static bool TryParseWide(ReadOnlySpan<byte> buffer, out int consumed, out long timeNs, out long type, out long id, out long size, out long price, out long direction)
    {
        consumed = 0;
        timeNs = type = id = size = price = direction = 0;
        ref var b = ref MemoryMarshal.GetReference(buffer);
        var zero = Vector256.Create((byte)'0');
        var nine = Vector256.Create((byte)9);
        var low = Vector256.LoadUnsafe(ref b) - zero;
        var high = Vector256.LoadUnsafe(ref b, 32) - zero;
        var nonDigit = Vector256.GreaterThan(low, nine).ExtractMostSignificantBits()
            | ((ulong)Vector256.GreaterThan(high, nine).ExtractMostSignificantBits() << 32);

        // Seconds: 1-9 digits from the start.
        var i = BitOperations.TrailingZeroCount(nonDigit);
        if (i is 0 or > 9)
        {
            return false;
        }

        var nanoseconds = Digits(ref b, 0, i) * 1_000_000_000L;
        if (Unsafe.Add(ref b, i) == (byte)'.')
        {
            var start = i + 1;
            var end = BitOperations.TrailingZeroCount(nonDigit & (ulong.MaxValue << start));
            var count = end - start;
            if (count == 0 || end >= 64)
            {
                return false;
            }

            nanoseconds += count >= 9 ? Digits(ref b, start, 9) : Digits(ref b, start, count) * PowersOfTen[9 - count];
            i = end;
        }

        timeNs = nanoseconds;
        if (!WideInteger(ref b, nonDigit, ref i, out type) || !WideInteger(ref b, nonDigit, ref i, out id)
            || !WideInteger(ref b, nonDigit, ref i, out size) || !WideInteger(ref b, nonDigit, ref i, out price)
            || !WideInteger(ref b, nonDigit, ref i, out direction))
        {
            return false;
        }

        var last = Unsafe.Add(ref b, i);
        if (last == (byte)'\n')
        {
            consumed = i + 1;
            return true;
        }

        if (last == (byte)'\r' && Unsafe.Add(ref b, i + 1) == (byte)'\n')
        {
            consumed = i + 2;
            return true;
        }

        return false;
    }

    /// <summary>Reads ",integer" (1-16 digits) at <paramref name="i"/> inside the 64-byte mask; false if not there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool WideInteger(ref byte b, ulong nonDigit, ref int i, out long value)
    {
        value = 0;
        var p = i;
        if (p >= 62 || Unsafe.Add(ref b, p) != (byte)',')
        {
            return false;
        }

        p++;
        var negative = Unsafe.Add(ref b, p) == (byte)'-';
        if (negative)
        {
            p++;
        }

        var end = BitOperations.TrailingZeroCount(nonDigit & (ulong.MaxValue << p));
        var count = end - p;
        if (count is 0 or > 16 || end >= 64)
        {
            return false;
        }

        var v = Digits(ref b, p, count);
        value = negative ? -v : v;
        i = end;
        return true;
    }

    /// <summary>The value of the <paramref name="count"/> (1-16) ASCII digits at <paramref name="start"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Digits(ref byte b, int start, int count)
    {
        if (count <= 8)
        {
            return EightDigits(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref b, start)), count);
        }

        var head = count - 8;
        return (EightDigits(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref b, start)), head) * 100_000_000L)
            + EightDigits(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref b, start + head)), 8);
    }

    /// <summary>
    /// The first <paramref name="count"/> (1-8) bytes of <paramref name="bytes"/> (little-endian load, first digit
    /// lowest) as a decimal number: the bytes after them are shifted out, and zero bytes shifted in act as leading
    /// zeros. Subtracting '0' before the shift can only borrow upward, into the bytes that are dropped.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long EightDigits(ulong bytes, int count)
    {
        var v = (bytes - 0x3030_3030_3030_3030UL) << (8 * (8 - count));
        v = (v * 10) + (v >> 8);
        v = (((v & 0x0000_00FF_0000_00FFUL) * 0x000F_4240_0000_0064UL) + (((v >> 16) & 0x0000_00FF_0000_00FFUL) * 0x0000_2710_0000_0001UL)) >> 32;
        return (long)(uint)v;
    }

    /// <summary>Bytes the wide path needs in the buffer: the 64 it masks plus the longest digit load past them.</summary>
    private const int WideWindow = 64 + 16;

    /// <summary>Reads the six fields from the start of <paramref name="s"/>; returns the position after them, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Fields(ReadOnlySpan<byte> s, out long timeNs, out long type, out long id, out long size, out long price, out long direction)
    {
        type = id = size = price = direction = 0;
        var i = Time(s, out timeNs);
        if (i >= 0)
        {
            i = NextInteger(s, i, out type);
        }

        if (i >= 0)
        {
            i = NextInteger(s, i, out id);
        }

        if (i >= 0)
        {
            i = NextInteger(s, i, out size);
        }

        if (i >= 0)
        {
            i = NextInteger(s, i, out price);
        }

        if (i >= 0)
        {
            i = NextInteger(s, i, out direction);
        }

        return i;
    }

    /// <summary>Reads "seconds[.fraction]" at the start; returns the position after it, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Time(ReadOnlySpan<byte> s, out long nanoseconds)
    {
        nanoseconds = 0;
        long seconds = 0;
        var i = 0;
        while ((uint)i < (uint)s.Length && (uint)(s[i] - '0') <= 9)
        {
            seconds = (seconds * 10) + (s[i] - '0');
            i++;
        }

        if (i is 0 or > 9)
        {
            return -1;
        }

        long fraction = 0;
        var digits = 0;
        if ((uint)i < (uint)s.Length && s[i] == (byte)'.')
        {
            i++;
            var fractionStart = i;
            while ((uint)i < (uint)s.Length && (uint)(s[i] - '0') <= 9)
            {
                if (digits < 9)
                {
                    fraction = (fraction * 10) + (s[i] - '0');
                    digits++;
                }

                i++;
            }

            if (i == fractionStart)
            {
                return -1;
            }
        }

        nanoseconds = (seconds * 1_000_000_000L) + (fraction * PowersOfTen[9 - digits]);
        return i;
    }

    /// <summary>Reads ",integer" at <paramref name="i"/>; returns the position after it, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int NextInteger(ReadOnlySpan<byte> s, int i, out long value)
    {
        value = 0;
        if ((uint)i >= (uint)s.Length || s[i] != (byte)',')
        {
            return -1;
        }

        i++;
        var negative = (uint)i < (uint)s.Length && s[i] == (byte)'-';
        if (negative)
        {
            i++;
        }

        var start = i;
        long v = 0;
        while ((uint)i < (uint)s.Length && (uint)(s[i] - '0') <= 9)
        {
            v = (v * 10) + (s[i] - '0');
            i++;
        }

        var count = i - start;
        if (count is 0 or > 18)
        {
            return -1;
        }

        value = negative ? -v : v;
        return i;
    }

    private static ReadOnlySpan<long> PowersOfTen => [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];
}
