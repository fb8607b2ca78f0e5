namespace Microstructure.Engine.Journal;

/// <summary>
/// How one event type is laid out in a journal: its header and one record per event. The engine's
/// <see cref="EngineEventCodec"/> is the base every journal shares; a layer above writes its own event as the engine's
/// record followed by its own fields (the exchange's codec does), so there is one codec, extended, not two.
/// </summary>
/// <typeparam name="TEvent">The event type.</typeparam>
public interface IJournalCodec<TEvent>
    where TEvent : struct
{
    /// <summary>The 4-byte magic at the start of the file.</summary>
    static abstract ReadOnlySpan<byte> Magic { get; }

    /// <summary>The format version written after the magic (int32, little-endian).</summary>
    static abstract int Version { get; }

    /// <summary>The longest record the codec can write, in bytes.</summary>
    static abstract int MaxRecordLength { get; }

    /// <summary>What the file is called in messages ("journal", "exchange journal").</summary>
    static abstract string Name { get; }

    /// <summary>Writes one event.</summary>
    static abstract void Write(ref JournalRecordWriter writer, in TEvent e);

    /// <summary>Reads one event.</summary>
    static abstract void Read(ref JournalRecordReader reader, out TEvent e);
}
