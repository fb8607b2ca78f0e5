using Microstructure.Analysis.Tables;
using Microstructure.Engine;

namespace Microstructure.Replay.Output;

/// <summary>
/// The tape as a table (<c>tape.parquet</c>): the columns of tape.csv with the same names and values — integers as
/// INT64, <c>event</c>, <c>side</c> (null when the row has no side) and <c>detail</c> (null when empty) as UTF-8
/// strings. <c>detail</c> is the text tape.csv writes (commas replaced by ';', at most 80 characters).
/// </summary>
public readonly struct TapeRowMapper : ITableRowMapper<TapeRow>
{
    /// <inheritdoc />
    public static TableSchema Schema { get; } = new(
        new("seq", ColumnType.Int64, "the replay's command sequence when the row was written"),
        new("time_ns", ColumnType.Int64, "source time, ns (LOBSTER: since midnight; Tardis/Binance: since the Unix epoch)"),
        new("event", ColumnType.String, "row kind (docs/replay.md lists them)"),
        new("side", ColumnType.String, "buy or sell (aggressor for trades and fills); null when none"),
        new("price", ColumnType.Int64, "price, ticks"),
        new("quantity", ColumnType.Int64, "quantity, lots"),
        new("order_id", ColumnType.Int64, "order id (taker for fills; liquidation id for liquidation rows)"),
        new("counterparty_id", ColumnType.Int64, "maker order id for fills; parent liquidation or other account for liquidation rows"),
        new("bid_price", ColumnType.Int64, "best bid after the event, ticks (0 = empty)"),
        new("bid_size", ColumnType.Int64, "size at the best bid, lots"),
        new("ask_price", ColumnType.Int64, "best ask after the event, ticks (0 = empty)"),
        new("ask_size", ColumnType.Int64, "size at the best ask, lots"),
        new("detail", ColumnType.String, "free text: kind of trade, reconciliation rule, label, account; null when none"));

    /// <inheritdoc />
    public static void Write(in TapeRow row, ref RowWriter writer)
    {
        writer.Int64(row.Sequence);
        writer.Int64(row.TimeNs);
        writer.String(TapeWriter.EventName(row.Event));
        writer.String(row.Side switch { Side.Buy => "buy", Side.Sell => "sell", _ => null });
        writer.Int64(row.Price);
        writer.Int64(row.Quantity);
        writer.Int64(row.OrderId);
        writer.Int64(row.CounterpartyId);
        writer.Int64(row.BidPrice);
        writer.Int64(row.BidSize);
        writer.Int64(row.AskPrice);
        writer.Int64(row.AskSize);
        writer.String(row.Detail);
    }
}
