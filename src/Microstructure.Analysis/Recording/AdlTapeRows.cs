using Microstructure.Analysis.Tables;
using Microstructure.Risk;

namespace Microstructure.Analysis.Recording;

/// <summary>The <c>tape/adl</c> table: one row per auto-deleveraging match (a bankrupt position closed against a counterparty).</summary>
internal readonly struct AdlTapeRows : ITableRowMapper<TapeEvent>
{
    public static TableSchema Schema { get; } = new(
        new("time_ns", ColumnType.Int64, "simulated time, ns"),
        new("seq", ColumnType.Int64, "command sequence"),
        new("trigger_seq", ColumnType.Int64, "command that caused the breach"),
        new("liquidation_id", ColumnType.Int64, "liquidation that needed the ADL"),
        new("account", ColumnType.Int64, "bankrupt account (or the insurance fund unwinding it)"),
        new("counterparty", ColumnType.Int64, "deleveraged account"),
        new("side", ColumnType.String, "side of the bankrupt position's close (sell closes a long)"),
        new("quantity", ColumnType.Int64, "lots closed"),
        new("price", ColumnType.Int64, "close price (the bankruptcy price), ticks"),
        new("notional", ColumnType.Int64, "price x quantity x k, cash units"),
        new("rank_score", ColumnType.Int64, "the counterparty's ADL rank score, rate units"),
        new("mark", ColumnType.Int64, "mark at the event, ticks"),
        new("from_collateral", ColumnType.Boolean, "true when lending-pool collateral was sold (last resort for a short)"),
        new("quantity_base", ColumnType.Double, "quantity closed, base"),
        new("price_quote", ColumnType.Double, "close price, quote"),
        new("notional_quote", ColumnType.Double, "notional, quote"),
        new("mark_quote", ColumnType.Double, "mark at the event, quote"));

    public static void Write(in TapeEvent row, ref RowWriter writer)
    {
        ref readonly ExchangeEvent e = ref row.Event;
        writer.Int64(e.Engine.Timestamp.Nanoseconds);
        writer.Int64(e.Engine.CommandSequence);
        writer.Int64(e.TriggerSequence);
        writer.Int64(e.LiquidationId);
        writer.Int64(e.Engine.AccountId);
        writer.Int64(e.CounterpartyAccountId);
        writer.String(EventNames.Of(e.Engine.Side));
        writer.Int64(e.Engine.Quantity.Lots);
        writer.Int64(e.Engine.Price.Ticks);
        long notional = e.Engine.Quantity.Lots * e.Engine.Price.Ticks * row.CashPerTickLot;
        writer.Int64(notional);
        writer.Int64(e.Rate);
        writer.Int64(e.MarkPrice.Ticks);
        writer.Boolean(e.PositionLots == -1);
        TapeUnits u = row.Units;
        writer.Double(u.Lots(e.Engine.Quantity.Lots));
        writer.Double(u.Price(e.Engine.Price.Ticks));
        writer.Double(u.Cash(notional));
        writer.Double(u.Price(e.MarkPrice.Ticks));
    }
}
