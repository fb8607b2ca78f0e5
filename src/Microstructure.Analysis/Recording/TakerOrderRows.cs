using Microstructure.Analysis.Impact;
using Microstructure.Analysis.Tables;

namespace Microstructure.Analysis.Recording;

/// <summary>The <c>analysis/impact_orders</c> table: every aggressive order with its immediate and permanent impact.</summary>
internal readonly struct TakerOrderRows : ITableRowMapper<InUnits<TakerOrder>>
{
    public static TableSchema Schema { get; } = new(
        new("time_ns", ColumnType.Int64, "time of its first fill, ns"),
        new("seq", ColumnType.Int64, "command sequence"),
        new("order_id", ColumnType.Int64, "taker order id (negative = a liquidation order)"),
        new("account", ColumnType.Int64, "taker account"),
        new("liquidation_id", ColumnType.Int64, "liquidation it belongs to; 0 = none"),
        new("side", ColumnType.String, "buy or sell"),
        new("quantity", ColumnType.Int64, "filled lots (Q)"),
        new("notional", ColumnType.Int64, "value of its fills, cash units"),
        new("trades", ColumnType.Int64, "fills"),
        new("levels", ColumnType.Int64, "price levels hit: 1 + price changes between consecutive fills"),
        new("mid_before", ColumnType.Int64, "mid before its first fill, half ticks (0 = unknown)"),
        new("mid_after", ColumnType.Int64, "mid after its fills, half ticks (0 = unknown)"),
        new("mid_later", ColumnType.Int64, "two-sided mid at time_ns + the permanent-impact horizon, half ticks (0 = after the run)"),
        new("size_over_volume", ColumnType.Double, "Q / V, V = traded volume per impact window (NaN when undefined)"),
        new("immediate_impact", ColumnType.Double, "sign x ln(mid_after / mid_before); NaN if unknown"),
        new("permanent_impact", ColumnType.Double, "sign x ln(mid_later / mid_before); NaN if unknown"),
        new("quantity_base", ColumnType.Double, "filled quantity, base"),
        new("notional_quote", ColumnType.Double, "value of its fills, quote"),
        new("mid_before_quote", ColumnType.Double, "mid_before, quote"),
        new("mid_after_quote", ColumnType.Double, "mid_after, quote"),
        new("mid_later_quote", ColumnType.Double, "mid_later, quote"));

    public static void Write(in InUnits<TakerOrder> tagged, ref RowWriter writer)
    {
        ref readonly TakerOrder row = ref tagged.Row;
        TapeUnits u = tagged.Units;
        MarketOrderImpact impact = row.Impact;
        writer.Int64(row.TimeNs);
        writer.Int64(row.Sequence);
        writer.Int64(row.OrderId);
        writer.Int64(row.Account);
        writer.Int64(row.LiquidationId);
        writer.String(EventNames.Of(row.Side));
        writer.Int64(row.Quantity);
        writer.Int64(row.Notional);
        writer.Int64(row.Trades);
        writer.Int64(row.Levels);
        writer.Int64(row.MidBefore);
        writer.Int64(row.MidAfter);
        writer.Int64(row.MidLater);
        writer.Double(row.SizeOverVolume);
        writer.Double(ImpactMeasures.Immediate(impact));
        writer.Double(ImpactMeasures.Permanent(impact));
        writer.Double(u.Lots(row.Quantity));
        writer.Double(u.Cash(row.Notional));
        writer.Double(u.HalfTicks(row.MidBefore));
        writer.Double(u.HalfTicks(row.MidAfter));
        writer.Double(u.HalfTicks(row.MidLater));
    }
}
