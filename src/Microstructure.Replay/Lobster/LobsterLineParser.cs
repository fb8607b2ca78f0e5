using System.Runtime.CompilerServices;

namespace Microstructure.Replay.Lobster;

/// <summary>
/// The fast path for a well-formed LOBSTER message line: one scalar pass that splits and converts the six fields
/// together, where the general path counts separators, then searches for each one, then parses each field.
/// </summary>
/// <remarks>
/// It accepts exactly the canonical form and nothing more lenient: seconds of 1–9 digits with an optional fraction
/// of at least one digit (digits past the ninth ignored), then five integers of an optional minus sign and 1–18
/// digits, comma-separated, nothing after the sixth. When it returns true its values equal what the general path
/// (<see cref="Io.AsciiNumber"/> per field) produces; on anything else it returns false and the caller takes the
/// general path, which reports the problem precisely. A property test holds the two paths to that.
/// </remarks>
internal static class LobsterLineParser
{
    /// <summary>Parses the six raw fields of <paramref name="line"/>; false if the line is not in canonical form.</summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out long timeNs, out long type, out long id, out long size, out long price, out long direction)
    {
        type = id = size = price = direction = 0;
        var i = 0;
        if (!TryTime(line, ref i, out timeNs)
            || !TryNextInteger(line, ref i, out type)
            || !TryNextInteger(line, ref i, out id)
            || !TryNextInteger(line, ref i, out size)
            || !TryNextInteger(line, ref i, out price)
            || !TryNextInteger(line, ref i, out direction))
        {
            return false;
        }

        return i == line.Length;
    }

    private static bool TryTime(ReadOnlySpan<byte> line, ref int i, out long nanoseconds)
    {
        nanoseconds = 0;
        long seconds = 0;
        var start = i;
        while (i < line.Length && (uint)(line[i] - '0') <= 9)
        {
            seconds = (seconds * 10) + (line[i] - '0');
            i++;
        }

        var wholeDigits = i - start;
        if (wholeDigits is 0 or > 9)
        {
            return false;
        }

        long fraction = 0;
        var digits = 0;
        if (i < line.Length && line[i] == (byte)'.')
        {
            i++;
            var fractionStart = i;
            while (i < line.Length && (uint)(line[i] - '0') <= 9)
            {
                if (digits < 9)
                {
                    fraction = (fraction * 10) + (line[i] - '0');
                    digits++;
                }

                i++;
            }

            if (i == fractionStart)
            {
                return false;
            }
        }

        fraction *= PowersOfTen[9 - digits];
        nanoseconds = (seconds * 1_000_000_000L) + fraction;
        return true;
    }

    /// <summary>Reads ",integer" at <paramref name="i"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryNextInteger(ReadOnlySpan<byte> line, ref int i, out long value)
    {
        value = 0;
        if (i >= line.Length || line[i] != (byte)',')
        {
            return false;
        }

        i++;
        var negative = i < line.Length && line[i] == (byte)'-';
        if (negative)
        {
            i++;
        }

        var start = i;
        long v = 0;
        while (i < line.Length && (uint)(line[i] - '0') <= 9)
        {
            v = (v * 10) + (line[i] - '0');
            i++;
        }

        var count = i - start;
        if (count is 0 or > 18)
        {
            return false;
        }

        value = negative ? -v : v;
        return true;
    }

    private static ReadOnlySpan<long> PowersOfTen => [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000];
}
