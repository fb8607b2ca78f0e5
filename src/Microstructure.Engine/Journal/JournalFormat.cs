namespace Microstructure.Engine.Journal;

/// <summary>
/// The journal's byte layout, shared by <see cref="JournalWriter"/> and <see cref="JournalReader"/>.
/// </summary>
/// <remarks>
/// A journal is a 8-byte header (<see cref="Magic"/>, then <see cref="Version"/> as a little-endian int32)
/// followed by one record per <see cref="EngineEvent"/>. A record is seven raw bytes (type, side, reject reason,
/// cancel reason, order type, time in force, flags) and then eighteen signed LEB128 varints (zig-zag encoded): the
/// command sequence and the timestamp as deltas from the previous record, then order id, account id, maker order id,
/// maker account id, price, quantity, remaining, maker remaining, bid price, bid quantity, ask price, ask quantity,
/// stop price, display quantity, level, order count. Every field is written, so the journal is lossless and two
/// journals are equal exactly when their event streams are equal. Typical records are 25–35 bytes against 144 for
/// the in-memory struct. Version 1 (before order type, time in force, flags, stop price, display quantity, level and
/// order count) is no longer read.
/// </remarks>
public static class JournalFormat
{
    /// <summary>"MSJ1": Microstructure journal.</summary>
    public static ReadOnlySpan<byte> Magic => "MSJ1"u8;

    /// <summary>Format version written after the magic bytes.</summary>
    public const int Version = 2;

    /// <summary>Header length in bytes.</summary>
    public const int HeaderLength = 8;

    /// <summary>Number of varint fields in a record.</summary>
    internal const int VarintFields = 18;

    /// <summary>Number of raw bytes at the start of a record.</summary>
    internal const int RawBytes = 7;

    /// <summary>Upper bound of one record's encoded length.</summary>
    public const int MaxRecordLength = RawBytes + (VarintFields * 10);
}
