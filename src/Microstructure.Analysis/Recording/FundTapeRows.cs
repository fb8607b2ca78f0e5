using Microstructure.Analysis.Tables;
using Microstructure.Risk;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// The <c>tape/fund</c> table: every insurance-fund movement the risk layer reports, plus every bad-debt write-off
/// (kind <c>bad_debt</c>: a loss nobody covered; the fund does not move), plus the hedge venue's payments to and from
/// the fund or the vault (kinds <c>hedge_pnl</c>, <c>hedge_cost</c>; <c>account</c> is the hedger, <c>amount</c> its change).
/// </summary>
internal readonly struct FundTapeRows : ITableRowMapper<TapeEvent>
{
    public static TableSchema Schema { get; } = new(
        new("time_ns", ColumnType.Int64, "simulated time, ns"),
        new("seq", ColumnType.Int64, "command sequence"),
        new("trigger_seq", ColumnType.Int64, "command that caused it"),
        new("kind", ColumnType.String, "clearance_fee, residual, deficit_cover, funding_remainder, auction_penalty, transfer, bad_debt, hedge_pnl, hedge_cost"),
        new("liquidation_id", ColumnType.Int64, "liquidation it belongs to; 0 = none"),
        new("account", ColumnType.Int64, "the other account (payer or receiver)"),
        new("amount", ColumnType.Int64, "fund change, cash units (negative = the fund paid); bad_debt: the amount written off"),
        new("fund_before", ColumnType.Int64, "fund balance before, cash units"),
        new("fund_after", ColumnType.Int64, "fund balance after, cash units"),
        new("mark", ColumnType.Int64, "mark at the event, ticks"),
        new("amount_quote", ColumnType.Double, "amount, quote"),
        new("fund_before_quote", ColumnType.Double, "fund balance before, quote"),
        new("fund_after_quote", ColumnType.Double, "fund balance after, quote"),
        new("mark_quote", ColumnType.Double, "mark at the event, quote"));

    public static void Write(in TapeEvent row, ref RowWriter writer)
    {
        ref readonly ExchangeEvent e = ref row.Event;
        writer.Int64(e.Engine.Timestamp.Nanoseconds);
        writer.Int64(e.Engine.CommandSequence);
        writer.Int64(e.TriggerSequence);
        writer.String(e.Type == ExchangeEventType.BadDebt ? "bad_debt" : EventNames.Of(e.FundReason));
        writer.Int64(e.LiquidationId);
        writer.Int64(e.Engine.AccountId);
        writer.Int64(e.Amount);
        writer.Int64(e.FundBefore);
        writer.Int64(e.FundAfter);
        writer.Int64(e.MarkPrice.Ticks);
        TapeUnits u = row.Units;
        writer.Double(u.Cash(e.Amount));
        writer.Double(u.Cash(e.FundBefore));
        writer.Double(u.Cash(e.FundAfter));
        writer.Double(u.Price(e.MarkPrice.Ticks));
    }
}
