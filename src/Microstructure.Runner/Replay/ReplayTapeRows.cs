using Microstructure.Analysis.Tables;
using Microstructure.Replay.Output;

namespace Microstructure.Runner.Replay;

/// <summary>
/// The replay's tape as a table (<c>tape/replay.csv</c> and <c>tape/replay.parquet</c>), with the conventions of the
/// recorder's tape tables: time first, then the command sequence; prices in ticks, quantities in lots, sides as
/// <c>buy</c>/<c>sell</c>; integers as INT64 and text as UTF-8 strings, null when absent. docs/replay.md lists the
/// row kinds.
/// </summary>
internal readonly struct ReplayTapeRows : ITableRowMapper<TapeRow>
{
    private static readonly string[] EventNames =
    [
        "trade", "fill", "l1", "injected", "reconcile", "liquidation", "mark", "halt", "gap", "population", "liq-start", "liq-order", "liq-end",
        "takeover", "adl", "fund", "bad-debt", "risk-reject",
    ];

    public static TableSchema Schema { get; } = new(
        new("time_ns", ColumnType.Int64, "source time, ns (LOBSTER: since midnight; Tardis/Binance: since the Unix epoch)"),
        new("seq", ColumnType.Int64, "the replay's command sequence when the row was written"),
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

    /// <summary>The name a row kind has in the <c>event</c> column, e.g. <c>liq-start</c>.</summary>
    public static string EventName(TapeEvent kind) => EventNames[(int)kind];

    public static void Write(in TapeRow row, ref RowWriter writer)
    {
        writer.Int64(row.TimeNs);
        writer.Int64(row.Sequence);
        writer.String(EventName(row.Event));
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
