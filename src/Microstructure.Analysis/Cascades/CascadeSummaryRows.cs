using Microstructure.Analysis.Tables;
using Microstructure.Engine;

namespace Microstructure.Analysis.Cascades;

/// <summary>Table mapping of <see cref="CascadeSummary"/> (the <c>cascades</c> table; schema in docs/analysis.md).</summary>
internal readonly struct CascadeSummaryRows : ITableRowMapper<CascadeSummary>
{
    /// <inheritdoc />
    public static TableSchema Schema { get; } = new(
        new("tree", ColumnType.Int64, "tree index in the forest"),
        new("root_id", ColumnType.Int64, "id of the root liquidation"),
        new("start_ns", ColumnType.Int64, "time of the root liquidation, ns"),
        new("end_ns", ColumnType.Int64, "time of the last liquidation, ns"),
        new("duration_ns", ColumnType.Int64, "end_ns - start_ns"),
        new("count", ColumnType.Int64, "liquidations in the tree"),
        new("waves", ColumnType.Int64, "deepest wave (root = 1)"),
        new("total_notional", ColumnType.Int64, "liquidated notional, cash units"),
        new("buy_notional", ColumnType.Int64, "notional of buy liquidation orders, cash units"),
        new("sell_notional", ColumnType.Int64, "notional of sell liquidation orders, cash units"),
        new("direction", ColumnType.String, "buy or sell: side carrying more notional"),
        new("mid_before", ColumnType.Int64, "mid before the root, mid units"),
        new("extreme_mid", ColumnType.Int64, "trough (sell) or peak (buy) of the mid during the cascade, mid units"),
        new("peak_to_trough", ColumnType.Int64, "max drawdown (sell) or run-up (buy) during the cascade, mid units"),
        new("peak_to_trough_rel", ColumnType.Double, "peak_to_trough / mid_before"),
        new("shock_notional", ColumnType.Int64, "shock notional given by the caller, cash units"),
        new("amplification", ColumnType.Double, "total_notional / shock_notional (NaN without a shock)"),
        new("mid_recovery_ns", ColumnType.NullableInt64, "ns from end until the mid is back within tolerance; null if never"),
        new("depth_before", ColumnType.NullableInt64, "depth before the cascade, lots"),
        new("min_depth", ColumnType.NullableInt64, "lowest depth during the cascade, lots"),
        new("depth_recovery_ns", ColumnType.NullableInt64, "ns from end until depth is back within tolerance; null if never"));

    /// <inheritdoc />
    public static void Write(in CascadeSummary row, ref RowWriter writer)
    {
        writer.Int64(row.TreeIndex);
        writer.Int64(row.RootId);
        writer.Int64(row.StartNs);
        writer.Int64(row.EndNs);
        writer.Int64(row.DurationNs);
        writer.Int64(row.Count);
        writer.Int64(row.Waves);
        writer.Int64(row.TotalNotional);
        writer.Int64(row.BuyNotional);
        writer.Int64(row.SellNotional);
        writer.String(row.Direction == Side.Buy ? "buy" : "sell");
        writer.Int64(row.MidBefore);
        writer.Int64(row.ExtremeMid);
        writer.Int64(row.PeakToTrough);
        writer.Double(row.PeakToTroughRelative);
        writer.Int64(row.ShockNotional);
        writer.Double(row.Amplification);
        writer.NullableInt64(row.MidRecoveryNs);
        writer.NullableInt64(row.DepthBefore);
        writer.NullableInt64(row.MinDepth);
        writer.NullableInt64(row.DepthRecoveryNs);
    }
}
