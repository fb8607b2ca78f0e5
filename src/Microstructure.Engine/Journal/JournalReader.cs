using System.Runtime.CompilerServices;

namespace Microstructure.Engine.Journal;

/// <summary>Reads back a journal written by <see cref="JournalWriter"/>, event by event.</summary>
/// <remarks>Every malformed record is reported as <see cref="InvalidDataException"/> naming the byte offset of the
/// record (and the file, when read with <see cref="ReadFile"/>) and what is wrong with it.</remarks>
public sealed class JournalReader
{
    private readonly byte[] _data;
    private int _offset;
    private long _lastCommandSequence;
    private long _lastTimestamp;

    /// <summary>Reads a whole journal held in memory.</summary>
    /// <exception cref="InvalidDataException">The bytes do not start with a journal header of a known version.</exception>
    public JournalReader(byte[] journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        if (journal.Length < JournalFormat.HeaderLength || !journal.AsSpan(0, 4).SequenceEqual(JournalFormat.Magic))
        {
            throw new InvalidDataException("Not a Microstructure journal: the 'MSJ1' header is missing.");
        }

        int version = BitConverter.ToInt32(journal, 4);
        if (version != JournalFormat.Version)
        {
            throw new InvalidDataException($"Journal format version {version} is not supported (expected {JournalFormat.Version}).");
        }

        _data = journal;
        _offset = JournalFormat.HeaderLength;
    }

    /// <summary>Reads every event of the journal file at <paramref name="path"/>.</summary>
    /// <param name="path">The journal file.</param>
    /// <returns>The events, in order.</returns>
    /// <exception cref="InvalidDataException">The file is not a journal or is damaged; the message starts with the path.</exception>
    public static List<EngineEvent> ReadFile(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        try
        {
            return new JournalReader(bytes).ReadAll();
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }

    /// <summary>Decodes the next event; false at the end of the journal.</summary>
    /// <exception cref="InvalidDataException">The journal ends in the middle of a record, or a record is malformed.</exception>
    public bool TryRead(out EngineEvent e)
    {
        e = default;
        if (_offset >= _data.Length)
        {
            return false;
        }

        ReadOnlySpan<byte> data = _data;
        int start = _offset;
        if (data.Length - _offset < JournalFormat.RawBytes)
        {
            throw Truncated(start);
        }

        e.Type = Checked<EngineEventType>(data[_offset++], (byte)EngineEventType.L2Level, "event type", start);
        e.Side = Checked<Side>(data[_offset++], (byte)Side.Sell, "side", start);
        e.RejectReason = Checked<RejectReason>(data[_offset++], (byte)RejectReason.NotOwner, "reject reason", start);
        e.CancelReason = Checked<CancelReason>(data[_offset++], (byte)CancelReason.BookFull, "cancel reason", start);
        e.OrderType = Checked<OrderType>(data[_offset++], (byte)OrderType.StopLimit, "order type", start);
        e.TimeInForce = Checked<TimeInForce>(data[_offset++], (byte)TimeInForce.Fok, "time in force", start);
        e.Flags = Checked<OrderFlags>(data[_offset++], (byte)(OrderFlags.PostOnly | OrderFlags.ReduceOnly), "flags", start);
        e.CommandSequence = _lastCommandSequence + Next(data, start);
        e.Timestamp = new Timestamp(_lastTimestamp + Next(data, start));
        e.OrderId = new OrderId(Next(data, start));
        e.AccountId = Next(data, start);
        e.MakerOrderId = new OrderId(Next(data, start));
        e.MakerAccountId = Next(data, start);
        e.Price = new Price(Next(data, start));
        e.Quantity = new Quantity(Next(data, start));
        e.RemainingQuantity = new Quantity(Next(data, start));
        e.MakerRemainingQuantity = new Quantity(Next(data, start));
        e.BidPrice = new Price(Next(data, start));
        e.BidQuantity = new Quantity(Next(data, start));
        e.AskPrice = new Price(Next(data, start));
        e.AskQuantity = new Quantity(Next(data, start));
        e.StopPrice = new Price(Next(data, start));
        e.DisplayQuantity = new Quantity(Next(data, start));
        e.Level = NextInt(data, start, "level");
        e.OrderCount = NextInt(data, start, "order count");
        _lastCommandSequence = e.CommandSequence;
        _lastTimestamp = e.Timestamp.Nanoseconds;
        return true;
    }

    /// <summary>Decodes every remaining event.</summary>
    public List<EngineEvent> ReadAll()
    {
        var events = new List<EngineEvent>();
        while (TryRead(out EngineEvent e))
        {
            events.Add(e);
        }

        return events;
    }

    private static TEnum Checked<TEnum>(byte value, byte max, string field, int recordStart)
        where TEnum : struct, Enum =>
        value <= max
            ? Unsafe.BitCast<byte, TEnum>(value) // every event enum is byte-sized
            : throw new InvalidDataException($"The record at byte {recordStart} has {field} {value}, which no event can have: the file is corrupt.");

    private long Next(ReadOnlySpan<byte> data, int recordStart)
    {
        try
        {
            return Varint.TryRead(data, ref _offset, out long value) ? value : throw Truncated(recordStart);
        }
        catch (OverflowException)
        {
            throw new InvalidDataException($"The record at byte {recordStart} holds a number longer than 64 bits: the file is corrupt.");
        }
    }

    private int NextInt(ReadOnlySpan<byte> data, int recordStart, string field)
    {
        long value = Next(data, recordStart);
        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new InvalidDataException($"The record at byte {recordStart} has {field} {value}, outside the range of its field: the file is corrupt.");
    }

    private static InvalidDataException Truncated(int recordStart) =>
        new($"The journal ends inside the record that starts at byte {recordStart}: the file is truncated.");
}
