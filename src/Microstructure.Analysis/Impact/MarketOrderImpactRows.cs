using Microstructure.Analysis.Tables;
using Microstructure.Engine;

namespace Microstructure.Analysis.Impact;

/// <summary>Table mapping of <see cref="MarketOrderImpact"/> with both impacts (the <c>impact_orders</c> table).</summary>
internal readonly struct MarketOrderImpactRows : ITableRowMapper<MarketOrderImpact>
{
    /// <inheritdoc />
    public static TableSchema Schema { get; } = new(
        new("time_ns", ColumnType.Int64, "when the order hit the book, ns"),
        new("side", ColumnType.String, "buy or sell (aggressor)"),
        new("quantity", ColumnType.Int64, "filled quantity, lots"),
        new("mid_before", ColumnType.Int64, "mid just before, mid units"),
        new("mid_after", ColumnType.Int64, "mid just after the fills, mid units (<= 0 unknown)"),
        new("mid_later", ColumnType.Int64, "mid after the permanent-impact horizon, mid units (<= 0 unknown)"),
        new("immediate_impact", ColumnType.Double, "sign * ln(mid_after / mid_before); NaN if unknown"),
        new("permanent_impact", ColumnType.Double, "sign * ln(mid_later / mid_before); NaN if unknown"));

    /// <inheritdoc />
    public static void Write(in MarketOrderImpact row, ref RowWriter writer)
    {
        writer.Int64(row.TimeNs);
        writer.String(row.Side == Side.Buy ? "buy" : "sell");
        writer.Int64(row.Quantity);
        writer.Int64(row.MidBefore);
        writer.Int64(row.MidAfter);
        writer.Int64(row.MidLater);
        writer.Double(ImpactMeasures.Immediate(row));
        writer.Double(ImpactMeasures.Permanent(row));
    }
}
