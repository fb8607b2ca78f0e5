using Microstructure.Analysis.Cascades;
using Microstructure.Analysis.Tables;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// The <c>analysis/cascades</c> table as a run writes it: the columns of <see cref="CascadeSummaryRows"/> followed by
/// their real-unit twins (quote prices and money, base quantities).
/// </summary>
internal readonly struct CascadeUnitRows : ITableRowMapper<InUnits<CascadeSummary>>
{
    public static TableSchema Schema { get; } = new(
    [
        .. CascadeSummaryRows.Schema.Columns,
        new("total_notional_quote", ColumnType.Double, "total_notional, quote"),
        new("buy_notional_quote", ColumnType.Double, "buy_notional, quote"),
        new("sell_notional_quote", ColumnType.Double, "sell_notional, quote"),
        new("mid_before_quote", ColumnType.Double, "mid_before, quote"),
        new("extreme_mid_quote", ColumnType.Double, "extreme_mid, quote"),
        new("peak_to_trough_quote", ColumnType.Double, "peak_to_trough, quote"),
        new("shock_notional_quote", ColumnType.Double, "shock_notional, quote"),
        new("depth_before_base", ColumnType.Double, "depth_before, base (NaN when null)"),
        new("min_depth_base", ColumnType.Double, "min_depth, base (NaN when null)"),
    ]);

    public static void Write(in InUnits<CascadeSummary> tagged, ref RowWriter writer)
    {
        CascadeSummary row = tagged.Row;
        TapeUnits u = tagged.Units;
        CascadeSummaryRows.Write(row, ref writer);
        writer.Double(u.Cash(row.TotalNotional));
        writer.Double(u.Cash(row.BuyNotional));
        writer.Double(u.Cash(row.SellNotional));
        writer.Double(u.HalfTicks(row.MidBefore));
        writer.Double(u.HalfTicks(row.ExtremeMid));
        writer.Double(u.HalfTicks(row.PeakToTrough));
        writer.Double(u.Cash(row.ShockNotional));
        writer.Double(row.DepthBefore is { } before ? u.Lots(before) : double.NaN);
        writer.Double(row.MinDepth is { } min ? u.Lots(min) : double.NaN);
    }
}
