using Microstructure.Analysis.Reports;
using Microstructure.Replay.Output;

namespace Microstructure.Runner.Replay;

/// <summary>
/// Builds a replay's summary.json in the shape of a recorded run's (docs/outputs.md): <c>run</c>, <c>units</c>,
/// <c>tape</c> and <c>files</c> as <c>micro simulate</c> writes them, through the same ordered JSON writer (fixed key
/// order, LF, no absolute paths, money in cash units with a <c>_quote</c> twin), plus a <c>replay</c> section for what
/// only a replay has: its status, messages, validation, the feed, injection and reconciliation, the population.
/// </summary>
internal static class ReplaySummaryJson
{
    private const long CashScale = FixedPoint.CashScale;

    /// <summary>
    /// The summary of a replay; <paramref name="cancelled"/> (the replay stopped before the end of its input, or its
    /// recorded run's analysis was cut short) makes <c>replay.status</c> "cancelled" followed by
    /// <c>stopped_at_ns</c> (null when the replay itself had reached its end).
    /// </summary>
    public static JsonSummary Build(ReplayRequest request, ReplayReport report, long tapeRows, IReadOnlyList<string> files, bool cancelled = false)
    {
        var json = new JsonSummary();
        json.AddObject("run")
            .Add("scenario", request.Name)
            .Add("design", report.Population?.Design)
            .Add("seed", report.Population?.Seed)
            .Add("symbol", report.Symbol)
            .Add("source", report.Format)
            .Add("inputs", report.Inputs);
        JsonSummary units = json.AddObject("units")
            .Add("tick_size", (double)report.TickSize)
            .Add("lot_size", (double)report.LotSize)
            .Add("cash_scale", CashScale)
            .Add("price", "ticks")
            .Add("quantity", "lots")
            .Add("money", "cash units (1 quote unit = cash_scale cash units); *_quote fields are converted")
            .Add("time", "ns");
        units.Add("time_origin", report.TimeOrigin);
        json.AddObject("tape").Add("rows", tapeRows);
        json.Add("replay", Replay(report, cancelled));
        json.Add("files", files);
        return json;
    }

    /// <summary>The summary of a replay stopped by bad input or an output failure; the tape keeps what was written.</summary>
    public static JsonSummary Failure(ReplayRequest request, string error, IReadOnlyList<string> files)
    {
        var json = new JsonSummary();
        json.AddObject("run")
            .Add("scenario", request.Name)
            .Add("source", request.Format);
        json.AddObject("replay")
            .Add("status", "failed")
            .Add("error", error);
        json.Add("files", files);
        return json;
    }

    private static JsonSummary Replay(ReplayReport r, bool cancelled)
    {
        var replay = cancelled
            ? new JsonSummary().Add("status", "cancelled").Add("stopped_at_ns", r.StoppedAtNs)
            : new JsonSummary().Add("status", "ok");
        replay.AddObject("messages")
            .Add("read", r.MessagesRead)
            .Add("applied", r.MessagesApplied)
            .Add("skipped", r.Skipped.Total)
            .Add("skipped_by_kind", Counts(r.Skipped.ByKind))
            .Add("first_skipped", r.Skipped.First);
        replay.AddObject("validation")
            .Add("enabled", r.Validated)
            .Add("checked", r.TransitionsChecked)
            .Add("mismatched", r.TransitionsMismatched)
            .Add("skipped", r.TransitionsSkipped)
            .Add("first_mismatch", r.FirstMismatch);
        replay.AddObject("market")
            .Add("historical_trades", r.HistoricalTrades)
            .Add("historical_trade_lots", r.HistoricalTradeLots)
            .Add("hidden_trades", r.HiddenTrades)
            .Add("hidden_trade_lots", r.HiddenTradeLots)
            .Add("liquidations", r.Liquidations)
            .Add("ticker_updates", r.TickerUpdates)
            .Add("halts", r.Halts)
            .Add("snapshot_resets", r.SnapshotResets)
            .Add("l1_changes", r.L1Changes)
            .Add("historical_cross_trades", r.HistoricalCrossTrades);
        replay.AddObject("feed")
            .Add("stale_events_dropped", r.StaleEventsDropped)
            .Add("gaps", r.Gaps)
            .Add("resyncs", r.Resyncs)
            .Add("events_dropped_unsynced", r.EventsDroppedUnsynced)
            .Add("window_adjustments", r.WindowAdjustments)
            .Add("window_lots_added", r.WindowLotsAdded)
            .Add("window_lots_removed", r.WindowLotsRemoved);
        replay.Add("injection", Injection(r));
        if (r.Population is { } population)
        {
            replay.Add("population", Population(population));
        }
        else
        {
            replay.Add("population", (string?)null);
        }

        replay.Add("notes", r.Notes);
        return replay;
    }

    private static JsonSummary Injection(ReplayReport r)
    {
        var injection = new JsonSummary()
            .Add("orders", r.InjectedOrders)
            .Add("refused", r.InjectedOrdersRefused)
            .Add("fills", r.SimulatedFills)
            .Add("filled_lots", r.SimulatedFilledLots)
            .Add("average_fill_price_ticks", Ticks(r.SimulatedAveragePrice));
        if (r.Impact is { } i)
        {
            injection.AddObject("impact_ticks")
                .Add("bid_before", i.BidBefore)
                .Add("ask_before", i.AskBefore)
                .Add("bid_after", i.BidAfter)
                .Add("ask_after", i.AskAfter)
                .Add("final_bid", i.FinalBid)
                .Add("final_ask", i.FinalAsk)
                .Add("final_historical_bid", i.FinalHistoricalBid)
                .Add("final_historical_ask", i.FinalHistoricalAsk)
                .Add("final_bid_depth", i.FinalBidDepth)
                .Add("final_historical_bid_depth", i.FinalHistoricalBidDepth)
                .Add("final_ask_depth", i.FinalAskDepth)
                .Add("final_historical_ask_depth", i.FinalHistoricalAskDepth)
                .Add("immediate_mid_move", Ticks(i.ImmediateMidMove))
                .Add("persistent_mid_move", Ticks(i.PersistentMidMove));
        }
        else
        {
            injection.Add("impact_ticks", (string?)null);
        }

        var c = r.Reconciliation;
        injection.AddObject("reconciliation")
            .Add("depleted_lots", c.DepletedLots)
            .Add("dropped_executions", c.DroppedExecutions)
            .Add("dropped_execution_lots", c.DroppedExecutionLots)
            .Add("dropped_cancels", c.DroppedCancels)
            .Add("dropped_cancel_lots", c.DroppedCancelLots)
            .Add("absorbed_level_updates", c.AbsorbedLevelUpdates)
            .Add("absorbed_level_lots", c.AbsorbedLevelLots)
            .Add("unmatched_events", c.UnmatchedEvents)
            .Add("unmatched_lots", c.UnmatchedLots)
            .Add("deferred_by_halt", c.DeferredByHalt);
        return injection;
    }

    private static JsonSummary Population(PopulationReport p)
    {
        var population = new JsonSummary()
            .Add("design", p.Design)
            .Add("mark", p.Mark)
            .Add("margin_mode", p.MarginMode)
            .Add("accounts", (long)p.Accounts)
            .Add("opened", (long)p.Opened)
            .Add("opened_at_ns", p.OpenedAtNs)
            .Add("opened_long_lots", p.OpenedLongLots)
            .Add("opened_short_lots", p.OpenedShortLots)
            .Add("refused", Counts(p.Refused))
            .Add("liquidations", p.Liquidations)
            .Add("liquidated_lots", p.LiquidatedLots);
        Cash(population, "liquidated_notional", p.LiquidatedNotional);
        population
            .Add("max_wave", (long)p.MaxWave)
            .Add("liquidation_orders", p.LiquidationOrders)
            .Add("risk_order_fills", p.RiskOrderFills)
            .Add("risk_order_filled_lots", p.RiskOrderFilledLots)
            .Add("risk_order_lots_from_history", p.RiskOrderLotsFromHistory)
            .Add("takeovers", p.Takeovers)
            .Add("auto_deleverages", p.AutoDeleverages);
        JsonSummary money = population.AddObject("money");
        Cash(money, "insurance_fund", p.InsuranceFund);
        Cash(money, "fees", p.Fees);
        Cash(money, "bad_debt", p.BadDebt);
        Cash(money, "net_deposits", p.NetDeposits);
        Cash(money, "ledger_total", p.LedgerTotal);
        money
            .Add("net_lots", p.NetLots)
            .Add("conserved", p.MoneyConserved)
            .Add("collateral_top_ups", p.CollateralTopUps);
        return population;
    }

    private static JsonSummary Counts(IEnumerable<KeyValuePair<string, long>> counts)
    {
        var json = new JsonSummary();
        foreach (var (key, count) in counts)
        {
            json.Add(key, count);
        }

        return json;
    }

    /// <summary>Ticks (possibly a half tick or an average) rounded to 4 decimals; null is written as null (NaN).</summary>
    private static double Ticks(decimal? value) => value is { } v ? (double)decimal.Round(v, 4) : double.NaN;

    private static void Cash(JsonSummary json, string key, long cash) =>
        json.Add(key, cash).Add(key + "_quote", (double)((decimal)cash / CashScale));
}
