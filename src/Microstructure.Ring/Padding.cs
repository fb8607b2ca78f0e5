namespace Microstructure.Ring;

/// <summary>
/// Cache-line padding sizes, kept in one place. 128 bytes covers two 64-byte lines, because
/// adjacent-line prefetchers on x64 pull cache lines in pairs.
/// </summary>
internal static class Padding
{
    /// <summary>Bytes of padding on each side of a hot value.</summary>
    public const int Size = 128;
}
