using Microstructure.Analysis.Tables;
using Microstructure.Risk;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// The <c>tape/liquidation_events</c> table: every liquidation event of the risk layer as it happened (trigger,
/// orders, takeovers, finish, deferral, auction steps, lending-pool liquidations), all fields in integer units.
/// </summary>
internal readonly struct LiquidationTapeRows : ITableRowMapper<TapeEvent>
{
    public static TableSchema Schema { get; } = new(
        new("time_ns", ColumnType.Int64, "simulated time, ns"),
        new("seq", ColumnType.Int64, "command sequence"),
        new("trigger_seq", ColumnType.Int64, "command that caused the breach"),
        new("event", ColumnType.String, "triggered, order, takeover, finished, deferred, auction_*, pool_liquidation, pool_bad_debt"),
        new("liquidation_id", ColumnType.Int64, "liquidation id (1, 2, ... in start order)"),
        new("parent_id", ColumnType.Int64, "on triggers: the liquidation that caused this one; 0 = none"),
        new("account", ColumnType.Int64, "liquidated account"),
        new("counterparty", ColumnType.Int64, "fund, vault, bidder or pool liquidator; 0 when none"),
        new("design", ColumnType.String, "liquidation design"),
        new("cause", ColumnType.String, "on triggers: mark_move, fill, funding, account_change, margin_multiplier, transfer, resumed, health_factor"),
        new("side", ColumnType.String, "side of the closing order / transfer (sell closes a long)"),
        new("quantity", ColumnType.Int64, "lots to close (trigger), order size, lots transferred or auctioned"),
        new("price", ColumnType.Int64, "trigger: mark before the move; order: limit (0 = market); takeover/auction: price; ticks"),
        new("mark", ColumnType.Int64, "mark at the event (trigger: the trigger mark; pool: the oracle), ticks"),
        new("bankruptcy_price", ColumnType.Int64, "bankruptcy price of the position at the event, ticks"),
        new("position_lots", ColumnType.Int64, "signed position (pool: collateral lots)"),
        new("equity", ColumnType.Int64, "equity of the position's margin ledger at the mark, cash units (pool: debt)"),
        new("maintenance_margin", ColumnType.Int64, "maintenance margin at the mark, cash units"),
        new("margin_ratio", ColumnType.Int64, "MM / equity in rate units (1e8 = 100%); pool: health factor"),
        new("amount", ColumnType.Int64, "cash units (vault takeover: margin moved; pool: debt repaid) or resume time ns (deferred)"),
        new("fund_before", ColumnType.Int64, "insurance fund before, cash units"),
        new("fund_after", ColumnType.Int64, "insurance fund after, cash units"),
        new("order_id", ColumnType.Int64, "generated order id (orders), else 0"),
        new("quantity_base", ColumnType.Double, "quantity, base"),
        new("price_quote", ColumnType.Double, "price, quote"),
        new("mark_quote", ColumnType.Double, "mark at the event, quote"),
        new("bankruptcy_price_quote", ColumnType.Double, "bankruptcy price, quote"),
        new("position_base", ColumnType.Double, "signed position, base"),
        new("equity_quote", ColumnType.Double, "equity, quote"),
        new("maintenance_margin_quote", ColumnType.Double, "maintenance margin, quote"),
        new("amount_quote", ColumnType.Double, "amount, quote (NaN on deferred rows, whose amount is a time)"),
        new("fund_before_quote", ColumnType.Double, "insurance fund before, quote"),
        new("fund_after_quote", ColumnType.Double, "insurance fund after, quote"));

    /// <summary>True for the event types this table holds.</summary>
    public static bool Holds(ExchangeEventType type) => type is ExchangeEventType.LiquidationTriggered
        or ExchangeEventType.LiquidationOrder or ExchangeEventType.Takeover or ExchangeEventType.LiquidationFinished
        or ExchangeEventType.LiquidationDeferred or ExchangeEventType.AuctionStarted or ExchangeEventType.AuctionStep
        or ExchangeEventType.AuctionTake or ExchangeEventType.AuctionReset or ExchangeEventType.AuctionFinished
        or ExchangeEventType.PoolLiquidation or ExchangeEventType.PoolBadDebt;

    public static void Write(in TapeEvent row, ref RowWriter writer)
    {
        ref readonly ExchangeEvent e = ref row.Event;
        writer.Int64(e.Engine.Timestamp.Nanoseconds);
        writer.Int64(e.Engine.CommandSequence);
        writer.Int64(e.TriggerSequence);
        writer.String(EventNames.Of(e.Type));
        writer.Int64(e.LiquidationId);
        writer.Int64(e.ParentLiquidationId);
        writer.Int64(e.Engine.AccountId);
        writer.Int64(e.CounterpartyAccountId);
        writer.String(EventNames.Of(e.Design));
        writer.String(EventNames.Of(e.Cause));
        writer.String(EventNames.SideOf(in e));
        writer.Int64(e.Engine.Quantity.Lots);
        writer.Int64(e.Engine.Price.Ticks);
        writer.Int64(e.MarkPrice.Ticks);
        writer.Int64(e.BankruptcyPrice.Ticks);
        writer.Int64(e.PositionLots);
        writer.Int64(e.Equity);
        writer.Int64(e.MaintenanceMargin);
        writer.Int64(e.MarginRatio);
        writer.Int64(e.Amount);
        writer.Int64(e.FundBefore);
        writer.Int64(e.FundAfter);
        writer.Int64(e.Type == ExchangeEventType.LiquidationOrder ? e.Engine.OrderId.Value : 0);
        TapeUnits u = row.Units;
        writer.Double(u.Lots(e.Engine.Quantity.Lots));
        writer.Double(u.Price(e.Engine.Price.Ticks));
        writer.Double(u.Price(e.MarkPrice.Ticks));
        writer.Double(u.Price(e.BankruptcyPrice.Ticks));
        writer.Double(u.Lots(e.PositionLots));
        writer.Double(u.Cash(e.Equity));
        writer.Double(u.Cash(e.MaintenanceMargin));
        writer.Double(e.Type == ExchangeEventType.LiquidationDeferred ? double.NaN : u.Cash(e.Amount));
        writer.Double(u.Cash(e.FundBefore));
        writer.Double(u.Cash(e.FundAfter));
    }
}
