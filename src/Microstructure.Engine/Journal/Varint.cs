namespace Microstructure.Engine.Journal;

/// <summary>Zig-zag LEB128 varints: small magnitudes of either sign take one byte.</summary>
/// <remarks>Public so that other layers' journals (e.g. the risk layer's) share one encoding.</remarks>
internal static class Varint
{
    /// <summary>The longest varint: 64 bits in 7-bit groups.</summary>
    public const int MaxLength = 10;

    /// <summary>Writes <paramref name="value"/> at <paramref name="offset"/> and advances it.</summary>
    /// <param name="buffer">Destination; needs up to 10 bytes from <paramref name="offset"/>.</param>
    /// <param name="offset">Write position, advanced past the value.</param>
    /// <param name="value">The value.</param>
    public static void Write(Span<byte> buffer, ref int offset, long value)
    {
        ulong zigzag = (ulong)((value << 1) ^ (value >> 63));
        while (zigzag >= 0x80)
        {
            buffer[offset++] = (byte)(zigzag | 0x80);
            zigzag >>= 7;
        }

        buffer[offset++] = (byte)zigzag;
    }

    /// <summary>Reads a value at <paramref name="offset"/> and advances it; false if the buffer ends first.</summary>
    /// <param name="buffer">Source.</param>
    /// <param name="offset">Read position, advanced past the value.</param>
    /// <param name="value">The value read.</param>
    /// <returns>False when the buffer ends inside the value.</returns>
    /// <exception cref="OverflowException">The encoding runs past 64 bits (a corrupt varint).</exception>
    public static bool TryRead(ReadOnlySpan<byte> buffer, ref int offset, out long value)
    {
        ulong result = 0;
        int shift = 0;
        while (offset < buffer.Length)
        {
            byte b = buffer[offset++];
            if (shift == 63 && b > 1)
            {
                // The tenth byte may carry only the 64th bit: anything more overflows.
                throw new OverflowException("Varint longer than 64 bits.");
            }

            result |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                value = (long)(result >> 1) ^ -(long)(result & 1);
                return true;
            }

            shift += 7;
        }

        value = 0;
        return false;
    }
}
