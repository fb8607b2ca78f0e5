using Microstructure.Analysis.Tables;

namespace Microstructure.Analysis.Recording;

/// <summary>The <c>analysis/liquidations</c> table: one row per liquidation, in id (causal) order.</summary>
internal readonly struct LiquidationMetricsRows : ITableRowMapper<InUnits<LiquidationMetrics>>
{
    public static TableSchema Schema { get; } = new(
        new("liquidation_id", ColumnType.Int64, "id (1, 2, ... in start order)"),
        new("parent_id", ColumnType.Int64, "the liquidation whose fills moved the mark past this threshold (or filled it as maker); 0 = none"),
        new("cascade", ColumnType.Int64, "cascade (tree) index, as in analysis/cascades"),
        new("wave", ColumnType.Int64, "depth in the cascade tree (root = 1)"),
        new("kind", ColumnType.String, "perp or pool (lending-pool liquidation)"),
        new("account", ColumnType.Int64, "liquidated account"),
        new("agent", ColumnType.String, "agent kind of the account"),
        new("design", ColumnType.String, "liquidation design"),
        new("cause", ColumnType.String, "what caused the breach"),
        new("trigger_seq", ColumnType.Int64, "command that caused the breach"),
        new("time_ns", ColumnType.Int64, "trigger time, ns"),
        new("end_ns", ColumnType.Int64, "time of its last event, ns"),
        new("side", ColumnType.String, "closing side: sell closes a long"),
        new("position_lots", ColumnType.Int64, "signed position at the trigger (pool: collateral lots)"),
        new("lots_to_close", ColumnType.Int64, "lots to close at the trigger (pool: lots seized)"),
        new("trigger_mark", ColumnType.Int64, "mark at the trigger, ticks (pool: oracle)"),
        new("mark_before", ColumnType.Int64, "mark before the move that breached it, ticks"),
        new("margin_ratio", ColumnType.Int64, "MM / equity at the trigger, rate units (1e8 = 100%); pool: health factor"),
        new("equity", ColumnType.Int64, "equity at the trigger, cash units"),
        new("maintenance_margin", ColumnType.Int64, "maintenance margin at the trigger, cash units"),
        new("bankruptcy_price", ColumnType.Int64, "bankruptcy price at the trigger, ticks"),
        new("orders", ColumnType.Int64, "liquidation orders sent to the book"),
        new("depth_consumed", ColumnType.Int64, "lots its orders took from the book (book fills)"),
        new("book_notional", ColumnType.Int64, "value of those fills, cash units"),
        new("levels_swept", ColumnType.Int64, "price levels its fills hit: 1 + price changes between consecutive fills"),
        new("vwap", ColumnType.Double, "book fill VWAP, ticks (NaN without fills)"),
        new("depth_before", ColumnType.NullableInt64, "depth within the band at the last L2 snapshot before, lots"),
        new("depth_consumed_share", ColumnType.Double, "depth_consumed / depth_before"),
        new("mid_before", ColumnType.Int64, "mid at the trigger, half ticks (0 = unknown)"),
        new("mid_after", ColumnType.Int64, "mid after its last book event, half ticks"),
        new("slippage", ColumnType.NullableInt64, "sign x (lots x trigger mark x k - book notional), cash units; > 0 = worse than the mark"),
        new("slippage_bp", ColumnType.Double, "slippage / (lots x trigger mark x k), basis points"),
        new("bankruptcy_gap", ColumnType.NullableInt64, "sign x (book notional - lots x bankruptcy price x k), cash units; < 0 = deficit"),
        new("bankruptcy_gap_ticks", ColumnType.Double, "sign x (vwap - bankruptcy price), ticks"),
        new("takeover_lots", ColumnType.Int64, "lots taken over off the book (fund, vault)"),
        new("takeover_notional", ColumnType.Int64, "their value at the takeover price, cash units"),
        new("adl_count", ColumnType.Int64, "ADL matches"),
        new("adl_lots", ColumnType.Int64, "lots auto-deleveraged"),
        new("adl_notional", ColumnType.Int64, "their value at the ADL price, cash units"),
        new("auction_lots", ColumnType.Int64, "lots sold in the Dutch auction"),
        new("auction_notional", ColumnType.Int64, "their value at the auction price, cash units"),
        new("closed_lots", ColumnType.Int64, "lots that left the liquidated position"),
        new("notional", ColumnType.Int64, "liquidated notional: closed lots at the prices they closed at, cash units (pool: seized lots x oracle x k)"),
        new("fund_before", ColumnType.Int64, "insurance fund at the trigger, cash units"),
        new("fund_delta", ColumnType.Int64, "change of the fund's cash caused by this liquidation's events, cash units"),
        new("bad_debt", ColumnType.Int64, "bad debt written off in this liquidation, cash units"),
        new("steps", ColumnType.Int64, "finished steps (LiquidationFinished events)"),
        new("deferrals", ColumnType.Int64, "times it waited (cool-down, cap, halt, auction room)"),
        new("lots_left", ColumnType.Int64, "position left after its last step, lots"),
        new("position_base", ColumnType.Double, "position_lots, base"),
        new("lots_to_close_base", ColumnType.Double, "lots_to_close, base"),
        new("trigger_mark_quote", ColumnType.Double, "trigger_mark, quote"),
        new("mark_before_quote", ColumnType.Double, "mark_before, quote"),
        new("equity_quote", ColumnType.Double, "equity, quote"),
        new("maintenance_margin_quote", ColumnType.Double, "maintenance_margin, quote"),
        new("bankruptcy_price_quote", ColumnType.Double, "bankruptcy_price, quote"),
        new("depth_consumed_base", ColumnType.Double, "depth_consumed, base"),
        new("book_notional_quote", ColumnType.Double, "book_notional, quote"),
        new("vwap_quote", ColumnType.Double, "vwap, quote (NaN without fills)"),
        new("mid_before_quote", ColumnType.Double, "mid_before, quote"),
        new("mid_after_quote", ColumnType.Double, "mid_after, quote"),
        new("slippage_quote", ColumnType.Double, "slippage, quote (NaN when null)"),
        new("bankruptcy_gap_quote", ColumnType.Double, "bankruptcy_gap, quote (NaN when null)"),
        new("takeover_notional_quote", ColumnType.Double, "takeover_notional, quote"),
        new("adl_notional_quote", ColumnType.Double, "adl_notional, quote"),
        new("auction_notional_quote", ColumnType.Double, "auction_notional, quote"),
        new("closed_base", ColumnType.Double, "closed_lots, base"),
        new("notional_quote", ColumnType.Double, "liquidated notional, quote"),
        new("fund_before_quote", ColumnType.Double, "fund_before, quote"),
        new("fund_delta_quote", ColumnType.Double, "fund_delta, quote"),
        new("bad_debt_quote", ColumnType.Double, "bad_debt, quote"));

    public static void Write(in InUnits<LiquidationMetrics> tagged, ref RowWriter writer)
    {
        LiquidationMetrics row = tagged.Row;
        TapeUnits u = tagged.Units;
        writer.Int64(row.Id);
        writer.Int64(row.ParentId);
        writer.Int64(row.Cascade);
        writer.Int64(row.Wave);
        writer.String(row.IsPool ? "pool" : "perp");
        writer.Int64(row.Account);
        writer.String(row.Agent);
        writer.String(row.Design);
        writer.String(row.Cause);
        writer.Int64(row.TriggerSequence);
        writer.Int64(row.TimeNs);
        writer.Int64(row.EndNs);
        writer.String(EventNames.Of(row.Side));
        writer.Int64(row.PositionLots);
        writer.Int64(row.LotsToClose);
        writer.Int64(row.TriggerMark);
        writer.Int64(row.MarkBefore);
        writer.Int64(row.MarginRatio);
        writer.Int64(row.Equity);
        writer.Int64(row.MaintenanceMargin);
        writer.Int64(row.BankruptcyPrice);
        writer.Int64(row.Orders);
        writer.Int64(row.BookLots);
        writer.Int64(row.BookNotional);
        writer.Int64(row.Levels);
        writer.Double(row.Vwap);
        writer.NullableInt64(row.DepthBefore);
        writer.Double(row.DepthConsumedShare);
        writer.Int64(row.MidBefore);
        writer.Int64(row.MidAfter);
        writer.NullableInt64(row.Slippage);
        writer.Double(row.SlippageBp);
        writer.NullableInt64(row.BankruptcyGap);
        writer.Double(row.BankruptcyGapTicks);
        writer.Int64(row.TakeoverLots);
        writer.Int64(row.TakeoverNotional);
        writer.Int64(row.AdlCount);
        writer.Int64(row.AdlLots);
        writer.Int64(row.AdlNotional);
        writer.Int64(row.AuctionLots);
        writer.Int64(row.AuctionNotional);
        writer.Int64(row.ClosedLots);
        writer.Int64(row.ClosedNotional);
        writer.Int64(row.FundBefore);
        writer.Int64(row.FundDelta);
        writer.Int64(row.BadDebt);
        writer.Int64(row.Steps);
        writer.Int64(row.Deferrals);
        writer.Int64(row.LotsLeft);
        writer.Double(u.Lots(row.PositionLots));
        writer.Double(u.Lots(row.LotsToClose));
        writer.Double(u.Price(row.TriggerMark));
        writer.Double(u.Price(row.MarkBefore));
        writer.Double(u.Cash(row.Equity));
        writer.Double(u.Cash(row.MaintenanceMargin));
        writer.Double(u.Price(row.BankruptcyPrice));
        writer.Double(u.Lots(row.BookLots));
        writer.Double(u.Cash(row.BookNotional));
        writer.Double(u.PriceOf(row.Vwap));
        writer.Double(u.HalfTicks(row.MidBefore));
        writer.Double(u.HalfTicks(row.MidAfter));
        writer.Double(row.Slippage is { } slippage ? u.Cash(slippage) : double.NaN);
        writer.Double(row.BankruptcyGap is { } gap ? u.Cash(gap) : double.NaN);
        writer.Double(u.Cash(row.TakeoverNotional));
        writer.Double(u.Cash(row.AdlNotional));
        writer.Double(u.Cash(row.AuctionNotional));
        writer.Double(u.Lots(row.ClosedLots));
        writer.Double(u.Cash(row.ClosedNotional));
        writer.Double(u.Cash(row.FundBefore));
        writer.Double(u.Cash(row.FundDelta));
        writer.Double(u.Cash(row.BadDebt));
    }
}
