namespace Microstructure.Engine.Journal;

/// <summary>
/// The journal's byte layout, shared by <see cref="JournalWriter"/> and <see cref="JournalReader"/>.
/// </summary>
/// <remarks>
/// A journal is a 8-byte header (<see cref="Magic"/>, then <see cref="Version"/> as a little-endian int32)
/// followed by one record per <see cref="EngineEvent"/>. A record is four raw bytes (type, side, reject reason,
/// cancel reason) and then fourteen signed LEB128 varints (zig-zag encoded): the command sequence and the
/// timestamp as deltas from the previous record, then order id, account id, maker order id, maker account id,
/// price, quantity, remaining, maker remaining, bid price, bid quantity, ask price, ask quantity. Every field is
/// written, so the journal is lossless and two journals are equal exactly when their event streams are equal.
/// Typical records are 20–30 bytes against 120 for the in-memory struct.
/// </remarks>
public static class JournalFormat
{
    /// <summary>"MSJ1": Microstructure journal.</summary>
    public static ReadOnlySpan<byte> Magic => "MSJ1"u8;

    /// <summary>Format version written after the magic bytes.</summary>
    public const int Version = 1;

    /// <summary>Header length in bytes.</summary>
    public const int HeaderLength = 8;

    /// <summary>Number of varint fields in a record.</summary>
    internal const int VarintFields = 14;

    /// <summary>Upper bound of one record's encoded length.</summary>
    public const int MaxRecordLength = 4 + (VarintFields * 10);
}
