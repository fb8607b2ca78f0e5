using Microstructure.Engine.Journal;

namespace Microstructure.Risk.Journal;

/// <summary>
/// The exchange's record: its type byte, then the engine's record for <see cref="ExchangeEvent.Engine"/>
/// (<see cref="EngineEventCodec"/>, the one codec both layers share), then the risk layer's 4 raw bytes (risk reason,
/// cause, fund reason, design) and 18 zig-zag varints (liquidation id, parent, trigger sequence, counterparty, mark,
/// bankruptcy price, position, amount, equity, maintenance, margin ratio, fund before, fund after, rate, taker fee,
/// maker fee, taker balance, maker balance).
/// </summary>
public readonly struct ExchangeEventCodec : IJournalCodec<ExchangeEvent>
{
    private const int RawBytes = 1 + 4;
    private const int VarintFields = 18;

    private static readonly byte MaxRiskReason = Max<RiskRejectReason>();
    private static readonly byte MaxCause = Max<LiquidationCause>();
    private static readonly byte MaxFundReason = Max<FundMovementReason>();
    private static readonly byte MaxDesign = Max<LiquidationDesignKind>();
    private static readonly byte MaxType = Max<ExchangeEventType>();

    /// <inheritdoc />
    public static ReadOnlySpan<byte> Magic => "MSX1"u8;

    /// <summary>
    /// 3: the engine's record nested in the exchange's (version 2 repeated the engine's fields in its own order), and
    /// each trade's fees and resulting balances.
    /// </summary>
    public static int Version => 3;

    /// <inheritdoc />
    public static int MaxRecordLength => RawBytes + EngineEventCodec.MaxRecordLength + (VarintFields * Varint.MaxLength);

    /// <inheritdoc />
    public static string Name => "exchange journal";

    /// <inheritdoc />
    public static void Write(ref JournalRecordWriter writer, in ExchangeEvent e)
    {
        writer.Byte((byte)e.Type);
        EngineEventCodec.Write(ref writer, in e.Engine);
        writer.Byte((byte)e.RiskReason);
        writer.Byte((byte)e.Cause);
        writer.Byte((byte)e.FundReason);
        writer.Byte((byte)e.Design);
        writer.Number(e.LiquidationId);
        writer.Number(e.ParentLiquidationId);
        writer.Number(e.TriggerSequence);
        writer.Number(e.CounterpartyAccountId);
        writer.Number(e.MarkPrice.Ticks);
        writer.Number(e.BankruptcyPrice.Ticks);
        writer.Number(e.PositionLots);
        writer.Number(e.Amount);
        writer.Number(e.Equity);
        writer.Number(e.MaintenanceMargin);
        writer.Number(e.MarginRatio);
        writer.Number(e.FundBefore);
        writer.Number(e.FundAfter);
        writer.Number(e.Rate);
        writer.Number(e.TakerFee);
        writer.Number(e.MakerFee);
        writer.Number(e.TakerBalance);
        writer.Number(e.MakerBalance);
    }

    /// <inheritdoc />
    public static void Read(ref JournalRecordReader reader, out ExchangeEvent e)
    {
        e = default;
        e.Type = reader.Enum<ExchangeEventType>(MaxType, "event type");
        if (!Enum.IsDefined(e.Type))
        {
            throw reader.Corrupt($"has event type {(byte)e.Type}, which no event can have");
        }

        EngineEventCodec.Read(ref reader, out e.Engine);
        e.RiskReason = reader.Enum<RiskRejectReason>(MaxRiskReason, "risk reason");
        e.Cause = reader.Enum<LiquidationCause>(MaxCause, "liquidation cause");
        e.FundReason = reader.Enum<FundMovementReason>(MaxFundReason, "fund reason");
        e.Design = reader.Enum<LiquidationDesignKind>(MaxDesign, "design");
        e.LiquidationId = reader.Number();
        e.ParentLiquidationId = reader.Number();
        e.TriggerSequence = reader.Number();
        e.CounterpartyAccountId = reader.Number();
        e.MarkPrice = new Price(reader.Number());
        e.BankruptcyPrice = new Price(reader.Number());
        e.PositionLots = reader.Number();
        e.Amount = reader.Number();
        e.Equity = reader.Number();
        e.MaintenanceMargin = reader.Number();
        e.MarginRatio = reader.Number();
        e.FundBefore = reader.Number();
        e.FundAfter = reader.Number();
        e.Rate = reader.Number();
        e.TakerFee = reader.Number();
        e.MakerFee = reader.Number();
        e.TakerBalance = reader.Number();
        e.MakerBalance = reader.Number();
    }

    private static byte Max<TEnum>()
        where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(v => Convert.ToByte(v, System.Globalization.CultureInfo.InvariantCulture)).Max();
}
