using System.Runtime.CompilerServices;

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
