using Microstructure.Analysis.Tables;
using Microstructure.Risk.Monitoring;

namespace Microstructure.Analysis.Recording;

/// <summary>The <c>tape/risk_monitor</c> table: one row per risk-monitor snapshot (docs/outputs.md §3).</summary>
internal readonly struct RiskMonitorTapeRows : ITableRowMapper<InUnits<RiskSnapshot>>
{
    public static TableSchema Schema { get; } = new(
        new("time_ns", ColumnType.Int64, "simulated time of the snapshot, ns"),
        new("seq", ColumnType.Int64, "command after which it was taken"),
        new("mark", ColumnType.Int64, "mark price, ticks"),
        new("open_interest_lots", ColumnType.Int64, "Σ long lots over every account, lots"),
        new("open_interest_notional", ColumnType.Int64, "open interest at the mark, cash units"),
        new("long_accounts", ColumnType.Int64, "trader accounts holding a long"),
        new("short_accounts", ColumnType.Int64, "trader accounts holding a short"),
        new("long_short_ratio", ColumnType.NullableInt64, "long accounts ÷ short accounts, rate units (10⁸ = 1); null without shorts"),
        new("underwater_accounts", ColumnType.Int64, "trader accounts with a position and equity ≤ 0 (not in the percentiles)"),
        new("leverage_p10", ColumnType.NullableInt64, "leverage (notional at the mark ÷ equity), 10th percentile, rate units"),
        new("leverage_p50", ColumnType.NullableInt64, "leverage median, rate units"),
        new("leverage_p90", ColumnType.NullableInt64, "leverage 90th percentile, rate units"),
        new("leverage_p99", ColumnType.NullableInt64, "leverage 99th percentile, rate units"),
        new("margin_ratio_p10", ColumnType.NullableInt64, "margin ratio (maintenance ÷ equity; 10⁸ = liquidated), 10th percentile, rate units"),
        new("margin_ratio_p50", ColumnType.NullableInt64, "margin ratio median, rate units"),
        new("margin_ratio_p90", ColumnType.NullableInt64, "margin ratio 90th percentile, rate units"),
        new("margin_ratio_p99", ColumnType.NullableInt64, "margin ratio 99th percentile, rate units"),
        new("top10_share", ColumnType.NullableInt64, "10 largest trader positions' share of Σ |lots|, rate units"),
        new("herfindahl", ColumnType.NullableInt64, "Herfindahl index of trader positions' |lots| shares, rate units (10⁸ = one account)"),
        new("fund_equity", ColumnType.Int64, "insurance fund equity at the mark, cash units"),
        new("within_1pct", ColumnType.Int64, "notional whose liquidation price is within 1% of the mark, cash units"),
        new("within_2pct", ColumnType.Int64, "… within 2%, cash units"),
        new("within_5pct", ColumnType.Int64, "… within 5%, cash units"),
        new("coverage_1pct", ColumnType.NullableInt64, "fund equity ÷ within_1pct, rate units (rounded down); null when that is 0"),
        new("coverage_2pct", ColumnType.NullableInt64, "fund equity ÷ within_2pct, rate units"),
        new("coverage_5pct", ColumnType.NullableInt64, "fund equity ÷ within_5pct, rate units"),
        new("mark_quote", ColumnType.Double, "mark price, quote"),
        new("open_interest_base", ColumnType.Double, "open interest, base"),
        new("open_interest_notional_quote", ColumnType.Double, "open interest at the mark, quote"),
        new("fund_equity_quote", ColumnType.Double, "insurance fund equity, quote"),
        new("within_1pct_quote", ColumnType.Double, "notional within 1% of liquidation, quote"),
        new("within_2pct_quote", ColumnType.Double, "… within 2%, quote"),
        new("within_5pct_quote", ColumnType.Double, "… within 5%, quote"));

    public static void Write(in InUnits<RiskSnapshot> tagged, ref RowWriter writer)
    {
        RiskSnapshot row = tagged.Row;
        TapeUnits u = tagged.Units;
        writer.Int64(row.TimeNs);
        writer.Int64(row.Sequence);
        writer.Int64(row.Mark);
        writer.Int64(row.OpenInterestLots);
        writer.Int64(row.OpenInterestNotional);
        writer.Int64(row.LongAccounts);
        writer.Int64(row.ShortAccounts);
        writer.NullableInt64(row.LongShortRatio);
        writer.Int64(row.UnderwaterAccounts);
        writer.NullableInt64(row.LeverageP10);
        writer.NullableInt64(row.LeverageP50);
        writer.NullableInt64(row.LeverageP90);
        writer.NullableInt64(row.LeverageP99);
        writer.NullableInt64(row.MarginRatioP10);
        writer.NullableInt64(row.MarginRatioP50);
        writer.NullableInt64(row.MarginRatioP90);
        writer.NullableInt64(row.MarginRatioP99);
        writer.NullableInt64(row.Top10Share);
        writer.NullableInt64(row.Herfindahl);
        writer.Int64(row.FundEquity);
        writer.Int64(row.Within1Pct);
        writer.Int64(row.Within2Pct);
        writer.Int64(row.Within5Pct);
        writer.NullableInt64(row.Coverage1Pct);
        writer.NullableInt64(row.Coverage2Pct);
        writer.NullableInt64(row.Coverage5Pct);
        writer.Double(u.Price(row.Mark));
        writer.Double(u.Lots(row.OpenInterestLots));
        writer.Double(u.Cash(row.OpenInterestNotional));
        writer.Double(u.Cash(row.FundEquity));
        writer.Double(u.Cash(row.Within1Pct));
        writer.Double(u.Cash(row.Within2Pct));
        writer.Double(u.Cash(row.Within5Pct));
    }
}

/// <summary>One non-empty bucket of a snapshot's liquidation map.</summary>
internal readonly record struct LiquidationMapCell(long TimeNs, long Sequence, long Mark, int Offset, long LowPrice, long HighPrice, long LongNotional, long ShortNotional);

/// <summary>
/// The <c>tape/liquidation_map</c> table: per risk-monitor snapshot, one row per price bucket around the mark that holds
/// a liquidation threshold (docs/outputs.md §3).
/// </summary>
internal readonly struct LiquidationMapTapeRows : ITableRowMapper<InUnits<LiquidationMapCell>>
{
    public static TableSchema Schema { get; } = new(
        new("time_ns", ColumnType.Int64, "simulated time of the snapshot, ns"),
        new("seq", ColumnType.Int64, "command after which it was taken"),
        new("mark", ColumnType.Int64, "mark price, ticks"),
        new("bucket", ColumnType.Int64, "bucket offset from the mark in bucket widths (−1 = just below the mark, 0 = just above)"),
        new("price_low", ColumnType.Int64, "bucket's lowest price (inclusive), ticks: mark × (1 + bucket × width), rounded down"),
        new("price_high", ColumnType.Int64, "bucket's highest price (exclusive), ticks"),
        new("long_notional", ColumnType.Int64, "longs liquidated in the bucket: Σ |lots| × liquidation price, cash units"),
        new("short_notional", ColumnType.Int64, "shorts liquidated in the bucket, cash units"),
        new("mark_quote", ColumnType.Double, "mark price, quote"),
        new("price_low_quote", ColumnType.Double, "bucket's lowest price, quote"),
        new("price_high_quote", ColumnType.Double, "bucket's highest price, quote"),
        new("long_notional_quote", ColumnType.Double, "longs liquidated in the bucket, quote"),
        new("short_notional_quote", ColumnType.Double, "shorts liquidated in the bucket, quote"));

    public static void Write(in InUnits<LiquidationMapCell> tagged, ref RowWriter writer)
    {
        ref readonly LiquidationMapCell row = ref tagged.Row;
        TapeUnits u = tagged.Units;
        writer.Int64(row.TimeNs);
        writer.Int64(row.Sequence);
        writer.Int64(row.Mark);
        writer.Int64(row.Offset);
        writer.Int64(row.LowPrice);
        writer.Int64(row.HighPrice);
        writer.Int64(row.LongNotional);
        writer.Int64(row.ShortNotional);
        writer.Double(u.Price(row.Mark));
        writer.Double(u.Price(row.LowPrice));
        writer.Double(u.Price(row.HighPrice));
        writer.Double(u.Cash(row.LongNotional));
        writer.Double(u.Cash(row.ShortNotional));
    }
}
