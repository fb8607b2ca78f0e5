namespace Microstructure.Risk.Journal;

/// <summary>
/// The exchange journal's byte layout, shared by <see cref="ExchangeJournalWriter"/> and <see cref="ExchangeJournalReader"/>.
/// </summary>
/// <remarks>
/// An 8-byte header (<see cref="Magic"/>, then <see cref="Version"/> as a little-endian int32), then one record per
/// <see cref="ExchangeEvent"/>: eleven raw bytes (type, side, reject reason, cancel reason, risk reason, cause, fund
/// reason, design, order type, time in force, flags) and 32 zig-zag LEB128 varints — command sequence and timestamp as
/// deltas from the previous record, then every other field in declaration order. Every field is written, so two journals are equal exactly when their
/// event streams are equal.
/// </remarks>
public static class ExchangeJournalFormat
{
    /// <summary>"MSX1": Microstructure exchange journal.</summary>
    public static ReadOnlySpan<byte> Magic => "MSX1"u8;

    /// <summary>Format version written after the magic bytes.</summary>
    public const int Version = 2;

    /// <summary>Header length in bytes.</summary>
    public const int HeaderLength = 8;

    /// <summary>Raw bytes at the start of a record.</summary>
    internal const int RawBytes = 11;

    /// <summary>Varints per record.</summary>
    internal const int VarintFields = 32;

    /// <summary>Upper bound of one record's encoded length.</summary>
    public const int MaxRecordLength = RawBytes + (VarintFields * 10);
}
