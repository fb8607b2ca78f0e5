using Microstructure.Analysis.Tables;
using Microstructure.Risk;

namespace Microstructure.Analysis.Recording;

/// <summary>The <c>tape/l1</c> table: one row per change of the best bid or ask (price or size).</summary>
internal readonly struct TopOfBookTapeRows : ITableRowMapper<TapeEvent>
{
    public static TableSchema Schema { get; } = new(
        new("time_ns", ColumnType.Int64, "simulated time, ns"),
        new("seq", ColumnType.Int64, "command sequence"),
        new("liquidation_id", ColumnType.Int64, "liquidation whose order changed the book; 0 = none"),
        new("bid", ColumnType.Int64, "best bid, ticks (0 = empty side)"),
        new("bid_qty", ColumnType.Int64, "visible lots at the best bid"),
        new("ask", ColumnType.Int64, "best ask, ticks (0 = empty side)"),
        new("ask_qty", ColumnType.Int64, "visible lots at the best ask"),
        new("mid", ColumnType.Int64, "bid + ask in half ticks (mid units); 0 when a side is empty"),
        new("spread", ColumnType.Int64, "ask - bid, ticks; 0 when a side is empty"),
        new("bid_quote", ColumnType.Double, "best bid, quote (0 = empty side)"),
        new("bid_qty_base", ColumnType.Double, "visible quantity at the best bid, base"),
        new("ask_quote", ColumnType.Double, "best ask, quote (0 = empty side)"),
        new("ask_qty_base", ColumnType.Double, "visible quantity at the best ask, base"),
        new("mid_quote", ColumnType.Double, "(bid + ask) / 2, quote; 0 when a side is empty"),
        new("spread_quote", ColumnType.Double, "ask - bid, quote; 0 when a side is empty"));

    public static void Write(in TapeEvent row, ref RowWriter writer)
    {
        ref readonly ExchangeEvent e = ref row.Event;
        long bid = e.Engine.BidPrice.Ticks, ask = e.Engine.AskPrice.Ticks;
        bool twoSided = bid > 0 && ask > 0;
        writer.Int64(e.Engine.Timestamp.Nanoseconds);
        writer.Int64(e.Engine.CommandSequence);
        writer.Int64(e.LiquidationId);
        writer.Int64(bid);
        writer.Int64(e.Engine.BidQuantity.Lots);
        writer.Int64(ask);
        writer.Int64(e.Engine.AskQuantity.Lots);
        writer.Int64(twoSided ? bid + ask : 0);
        writer.Int64(twoSided ? ask - bid : 0);
        TapeUnits u = row.Units;
        writer.Double(u.Price(bid));
        writer.Double(u.Lots(e.Engine.BidQuantity.Lots));
        writer.Double(u.Price(ask));
        writer.Double(u.Lots(e.Engine.AskQuantity.Lots));
        writer.Double(u.HalfTicks(twoSided ? bid + ask : 0));
        writer.Double(u.Price(twoSided ? ask - bid : 0));
    }
}
