namespace Microstructure.Engine.Journal;

/// <summary>
/// Writes one journal record into the writer's buffer: raw bytes for enums, zig-zag LEB128 varints for numbers, and
/// the command sequence and timestamp as deltas from the previous record. A codec (<see cref="IJournalCodec{TEvent}"/>)
/// calls it field by field; the caller has made room for <see cref="IJournalCodec{TEvent}.MaxRecordLength"/> bytes.
/// </summary>
public ref struct JournalRecordWriter
{
    private readonly Span<byte> _buffer;
    private readonly ref JournalDeltas _deltas;
    private int _offset;

    internal JournalRecordWriter(Span<byte> buffer, int offset, ref JournalDeltas deltas)
    {
        _buffer = buffer;
        _offset = offset;
        _deltas = ref deltas;
    }

    /// <summary>Where the next byte goes.</summary>
    public readonly int Offset => _offset;

    /// <summary>One raw byte (an enum value).</summary>
    public void Byte(byte value) => _buffer[_offset++] = value;

    /// <summary>One signed number as a zig-zag varint (1 byte for −64 … 63, at most 10).</summary>
    public void Number(long value) => Varint.Write(_buffer, ref _offset, value);

    /// <summary>The command sequence and timestamp, each as the delta from the previous record's.</summary>
    public void SequenceAndTime(long commandSequence, Timestamp timestamp)
    {
        Number(commandSequence - _deltas._commandSequence);
        Number(timestamp.Nanoseconds - _deltas._timestamp);
        _deltas._commandSequence = commandSequence;
        _deltas._timestamp = timestamp.Nanoseconds;
    }
}
