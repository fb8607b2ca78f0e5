namespace Microstructure.Engine.Journal;

/// <summary>Reads back a journal written by <see cref="JournalWriter"/>, event by event.</summary>
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

    /// <summary>Decodes the next event; false at the end of the journal.</summary>
    /// <exception cref="InvalidDataException">The journal ends in the middle of a record.</exception>
    public bool TryRead(out EngineEvent e)
    {
        e = default;
        if (_offset >= _data.Length)
        {
            return false;
        }

        ReadOnlySpan<byte> data = _data;
        int start = _offset;
        if (data.Length - _offset < 4)
        {
            throw Truncated(start);
        }

        e.Type = (EngineEventType)data[_offset++];
        e.Side = (Side)data[_offset++];
        e.RejectReason = (RejectReason)data[_offset++];
        e.CancelReason = (CancelReason)data[_offset++];
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

    private long Next(ReadOnlySpan<byte> data, int recordStart) =>
        Varint.TryRead(data, ref _offset, out long value) ? value : throw Truncated(recordStart);

    private static InvalidDataException Truncated(int recordStart) =>
        new($"The journal ends inside the record that starts at byte {recordStart}: the file is truncated.");
}
