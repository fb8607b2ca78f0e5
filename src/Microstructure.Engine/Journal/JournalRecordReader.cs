using System.Runtime.CompilerServices;

namespace Microstructure.Engine.Journal;

/// <summary>
/// Reads one journal record field by field, the mirror of <see cref="JournalRecordWriter"/>. Every failure is an
/// <see cref="InvalidDataException"/> naming the byte offset where the broken record starts.
/// </summary>
public ref struct JournalRecordReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly ref JournalDeltas _deltas;
    private readonly string _journal;
    private readonly int _recordStart;
    private int _offset;

    internal JournalRecordReader(ReadOnlySpan<byte> data, int offset, ref JournalDeltas deltas, string journal)
    {
        _data = data;
        _offset = offset;
        _recordStart = offset;
        _deltas = ref deltas;
        _journal = journal;
    }

    /// <summary>Where the next byte is read from.</summary>
    public readonly int Offset => _offset;

    /// <summary>
    /// One raw byte read as an enum, checked against <paramref name="max"/> (every event enum is byte-sized and dense
    /// from 0 unless the codec checks further).
    /// </summary>
    /// <param name="max">The largest value the enum defines.</param>
    /// <param name="field">The field's name, for the error.</param>
    public TEnum Enum<TEnum>(byte max, string field)
        where TEnum : struct, System.Enum
    {
        if (_offset >= _data.Length)
        {
            throw Truncated();
        }

        byte value = _data[_offset++];
        return value <= max
            ? Unsafe.BitCast<byte, TEnum>(value)
            : throw Corrupt($"has {field} {value}, which no event can have");
    }

    /// <summary>One zig-zag varint.</summary>
    public long Number()
    {
        try
        {
            return Varint.TryRead(_data, ref _offset, out long value) ? value : throw Truncated();
        }
        catch (OverflowException)
        {
            throw Corrupt("holds a number longer than 64 bits");
        }
    }

    /// <summary>One varint that must fit an <see cref="int"/>.</summary>
    /// <param name="field">The field's name, for the error.</param>
    public int Number32(string field)
    {
        long value = Number();
        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw Corrupt($"has {field} {value}, outside the range of its field");
    }

    /// <summary>The command sequence and timestamp written by <see cref="JournalRecordWriter.SequenceAndTime"/>.</summary>
    public (long CommandSequence, Timestamp Timestamp) SequenceAndTime()
    {
        long sequence = _deltas._commandSequence + Number();
        long time = _deltas._timestamp + Number();
        _deltas._commandSequence = sequence;
        _deltas._timestamp = time;
        return (sequence, new Timestamp(time));
    }

    private readonly InvalidDataException Truncated() =>
        new($"The {_journal} ends inside the record that starts at byte {_recordStart}: the file is truncated.");

    /// <summary>A corrupt-record error naming where the record starts; <paramref name="what"/> completes "The record at byte N …".</summary>
    public readonly InvalidDataException Corrupt(string what) =>
        new($"The record at byte {_recordStart} {what}: the file is corrupt.");
}
