using Microstructure.Engine.Journal;

namespace Microstructure.Risk.Journal;

/// <summary>Reads back a journal written by <see cref="ExchangeJournalWriter"/>.</summary>
public sealed class ExchangeJournalReader
{
    private readonly byte[] _data;
    private int _offset;
    private int _recordStart;
    private long _lastSequence;
    private long _lastTimestamp;

    /// <summary>Reads a whole journal held in memory.</summary>
    /// <param name="journal">The bytes.</param>
    /// <exception cref="InvalidDataException">The bytes do not start with an exchange journal header of a known version.</exception>
    public ExchangeJournalReader(byte[] journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        if (journal.Length < ExchangeJournalFormat.HeaderLength || !journal.AsSpan(0, 4).SequenceEqual(ExchangeJournalFormat.Magic))
        {
            throw new InvalidDataException("Not a Microstructure exchange journal: the 'MSX1' header is missing.");
        }

        int version = BitConverter.ToInt32(journal, 4);
        if (version != ExchangeJournalFormat.Version)
        {
            throw new InvalidDataException($"Exchange journal format version {version} is not supported (expected {ExchangeJournalFormat.Version}).");
        }

        _data = journal;
        _offset = ExchangeJournalFormat.HeaderLength;
    }

    /// <summary>Decodes the next event; false at the end.</summary>
    /// <param name="e">The event.</param>
    /// <exception cref="InvalidDataException">The journal ends inside a record.</exception>
    public bool TryRead(out ExchangeEvent e)
    {
        e = default;
        if (_offset >= _data.Length)
        {
            return false;
        }

        _recordStart = _offset;
        if (_data.Length - _offset < ExchangeJournalFormat.RawBytes)
        {
            throw Truncated();
        }

        e.Type = (ExchangeEventType)_data[_offset++];
        e.Side = (Side)_data[_offset++];
        e.RejectReason = (RejectReason)_data[_offset++];
        e.CancelReason = (CancelReason)_data[_offset++];
        e.RiskReason = (RiskRejectReason)_data[_offset++];
        e.Cause = (LiquidationCause)_data[_offset++];
        e.FundReason = (FundMovementReason)_data[_offset++];
        e.Design = (LiquidationDesignKind)_data[_offset++];
        e.OrderType = (OrderType)_data[_offset++];
        e.TimeInForce = (TimeInForce)_data[_offset++];
        e.Flags = (OrderFlags)_data[_offset++];
        e.CommandSequence = _lastSequence + Next();
        e.Timestamp = new Timestamp(_lastTimestamp + Next());
        e.OrderId = new OrderId(Next());
        e.AccountId = Next();
        e.MakerOrderId = new OrderId(Next());
        e.MakerAccountId = Next();
        e.Price = new Price(Next());
        e.Quantity = new Quantity(Next());
        e.RemainingQuantity = new Quantity(Next());
        e.MakerRemainingQuantity = new Quantity(Next());
        e.BidPrice = new Price(Next());
        e.BidQuantity = new Quantity(Next());
        e.AskPrice = new Price(Next());
        e.AskQuantity = new Quantity(Next());
        e.StopPrice = new Price(Next());
        e.DisplayQuantity = new Quantity(Next());
        e.Level = NextInt("level");
        e.OrderCount = NextInt("order count");
        e.LiquidationId = Next();
        e.ParentLiquidationId = Next();
        e.TriggerSequence = Next();
        e.CounterpartyAccountId = Next();
        e.MarkPrice = new Price(Next());
        e.BankruptcyPrice = new Price(Next());
        e.PositionLots = Next();
        e.Amount = Next();
        e.Equity = Next();
        e.MaintenanceMargin = Next();
        e.MarginRatio = Next();
        e.FundBefore = Next();
        e.FundAfter = Next();
        e.Rate = Next();
        _lastSequence = e.CommandSequence;
        _lastTimestamp = e.Timestamp.Nanoseconds;
        return true;
    }

    /// <summary>Decodes every remaining event.</summary>
    public List<ExchangeEvent> ReadAll()
    {
        var events = new List<ExchangeEvent>();
        while (TryRead(out var e))
        {
            events.Add(e);
        }

        return events;
    }

    private int NextInt(string field)
    {
        long value = Next();
        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new InvalidDataException($"The exchange journal record that starts at byte {_recordStart} has {field} {value}, outside the range of its field: the file is corrupt.");
    }

    private long Next()
    {
        try
        {
            return Varint.TryRead(_data, ref _offset, out long value) ? value : throw Truncated();
        }
        catch (OverflowException)
        {
            throw new InvalidDataException($"The exchange journal record that starts at byte {_recordStart} holds a number longer than 64 bits: the file is corrupt.");
        }
    }

    private InvalidDataException Truncated() =>
        new($"The exchange journal ends inside the record that starts at byte {_recordStart}: the file is truncated.");
}
