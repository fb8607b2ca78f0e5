namespace Microstructure.Engine.Journal;

/// <summary>
/// The engine's record: 7 raw bytes (type, side, reject reason, cancel reason, order type, time in force, flags), then
/// 18 zig-zag varints — command sequence and timestamp as deltas, order id, account id, maker order id, maker account
/// id, price, quantity, remaining, maker remaining, bid price, bid quantity, ask price, ask quantity, stop price,
/// display quantity, level, order count. Every field is written, so two journals are equal exactly when their event
/// streams are. The exchange's record starts with this one.
/// </summary>
public readonly struct EngineEventCodec : IJournalCodec<EngineEvent>
{
    private const int RawBytes = 7;
    private const int VarintFields = 18;

    /// <inheritdoc />
    public static ReadOnlySpan<byte> Magic => "MSJ1"u8;

    /// <inheritdoc />
    public static int Version => 2;

    /// <summary>The longest engine record: every varint at its 10-byte maximum.</summary>
    public static int MaxRecordLength => RawBytes + (VarintFields * Varint.MaxLength);

    /// <inheritdoc />
    public static string Name => "journal";

    /// <inheritdoc />
    public static void Write(ref JournalRecordWriter writer, in EngineEvent e)
    {
        writer.Byte((byte)e.Type);
        writer.Byte((byte)e.Side);
        writer.Byte((byte)e.RejectReason);
        writer.Byte((byte)e.CancelReason);
        writer.Byte((byte)e.OrderType);
        writer.Byte((byte)e.TimeInForce);
        writer.Byte((byte)e.Flags);
        writer.SequenceAndTime(e.CommandSequence, e.Timestamp);
        writer.Number(e.OrderId.Value);
        writer.Number(e.AccountId);
        writer.Number(e.MakerOrderId.Value);
        writer.Number(e.MakerAccountId);
        writer.Number(e.Price.Ticks);
        writer.Number(e.Quantity.Lots);
        writer.Number(e.RemainingQuantity.Lots);
        writer.Number(e.MakerRemainingQuantity.Lots);
        writer.Number(e.BidPrice.Ticks);
        writer.Number(e.BidQuantity.Lots);
        writer.Number(e.AskPrice.Ticks);
        writer.Number(e.AskQuantity.Lots);
        writer.Number(e.StopPrice.Ticks);
        writer.Number(e.DisplayQuantity.Lots);
        writer.Number(e.Level);
        writer.Number(e.OrderCount);
    }

    /// <inheritdoc />
    public static void Read(ref JournalRecordReader reader, out EngineEvent e)
    {
        e = default;
        e.Type = reader.Enum<EngineEventType>((byte)EngineEventType.L2Level, "event type");
        e.Side = reader.Enum<Side>((byte)Side.Sell, "side");
        e.RejectReason = reader.Enum<RejectReason>((byte)RejectReason.NotOwner, "reject reason");
        e.CancelReason = reader.Enum<CancelReason>((byte)CancelReason.BookFull, "cancel reason");
        e.OrderType = reader.Enum<OrderType>((byte)OrderType.StopLimit, "order type");
        e.TimeInForce = reader.Enum<TimeInForce>((byte)TimeInForce.Fok, "time in force");
        e.Flags = reader.Enum<OrderFlags>((byte)(OrderFlags.PostOnly | OrderFlags.ReduceOnly), "flags");
        (e.CommandSequence, e.Timestamp) = reader.SequenceAndTime();
        e.OrderId = new OrderId(reader.Number());
        e.AccountId = reader.Number();
        e.MakerOrderId = new OrderId(reader.Number());
        e.MakerAccountId = reader.Number();
        e.Price = new Price(reader.Number());
        e.Quantity = new Quantity(reader.Number());
        e.RemainingQuantity = new Quantity(reader.Number());
        e.MakerRemainingQuantity = new Quantity(reader.Number());
        e.BidPrice = new Price(reader.Number());
        e.BidQuantity = new Quantity(reader.Number());
        e.AskPrice = new Price(reader.Number());
        e.AskQuantity = new Quantity(reader.Number());
        e.StopPrice = new Price(reader.Number());
        e.DisplayQuantity = new Quantity(reader.Number());
        e.Level = reader.Number32("level");
        e.OrderCount = reader.Number32("order count");
    }
}
