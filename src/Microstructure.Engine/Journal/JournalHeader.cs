namespace Microstructure.Engine.Journal;

/// <summary>Every journal starts with 8 bytes: its codec's 4-byte magic, then the format version (int32, little-endian).</summary>
public static class JournalHeader
{
    /// <summary>Header length in bytes; the first record starts here.</summary>
    public const int Length = 8;
}
