using Microstructure.Analysis.Tables;

namespace Microstructure.Analysis.Recording;

/// <summary>The <c>tape/accounts</c> table: every known account at each snapshot time.</summary>
internal readonly struct AccountSnapshotRows : ITableRowMapper<InUnits<AccountSnapshot>>
{
    public static TableSchema Schema { get; } = new(
        new("time_ns", ColumnType.Int64, "snapshot time, ns (the state holding at that time)"),
        new("account", ColumnType.Int64, "account id"),
        new("agent", ColumnType.String, "agent kind from the run info; empty when unlabelled"),
        new("lots", ColumnType.Int64, "signed perpetual position, lots"),
        new("cash", ColumnType.Int64, "settled cash (isolated: margin + free), cash units"),
        new("collateral", ColumnType.Int64, "lending-pool collateral, lots"),
        new("debt", ColumnType.Int64, "lending-pool debt, cash units"),
        new("equity", ColumnType.Int64, "cash + (lots + collateral) x mark x k - debt, cash units"),
        new("position_notional", ColumnType.Int64, "|lots| x mark x k, cash units"),
        new("fees_paid", ColumnType.Int64, "trading fees paid so far, cash units"),
        new("mark", ColumnType.Int64, "mark price used, ticks (0 before the first mark)"),
        new("lots_base", ColumnType.Double, "signed position, base"),
        new("cash_quote", ColumnType.Double, "cash, quote"),
        new("collateral_base", ColumnType.Double, "lending-pool collateral, base"),
        new("debt_quote", ColumnType.Double, "lending-pool debt, quote"),
        new("equity_quote", ColumnType.Double, "equity, quote"),
        new("position_notional_quote", ColumnType.Double, "position notional, quote"),
        new("fees_paid_quote", ColumnType.Double, "fees paid so far, quote"),
        new("mark_quote", ColumnType.Double, "mark price used, quote"));

    public static void Write(in InUnits<AccountSnapshot> tagged, ref RowWriter writer)
    {
        ref readonly AccountSnapshot row = ref tagged.Row;
        TapeUnits u = tagged.Units;
        writer.Int64(row.TimeNs);
        writer.Int64(row.Account);
        writer.String(row.Agent);
        writer.Int64(row.Lots);
        writer.Int64(row.Cash);
        writer.Int64(row.Collateral);
        writer.Int64(row.Debt);
        writer.Int64(row.Equity);
        writer.Int64(row.PositionNotional);
        writer.Int64(row.FeesPaid);
        writer.Int64(row.Mark);
        writer.Double(u.Lots(row.Lots));
        writer.Double(u.Cash(row.Cash));
        writer.Double(u.Lots(row.Collateral));
        writer.Double(u.Cash(row.Debt));
        writer.Double(u.Cash(row.Equity));
        writer.Double(u.Cash(row.PositionNotional));
        writer.Double(u.Cash(row.FeesPaid));
        writer.Double(u.Price(row.Mark));
    }
}
