using System.Text.Json;
using Microstructure.Replay.Population;

namespace Microstructure.Replay.Output;

/// <summary>
/// Writes summary.json: a fixed field order and snake_case names (docs/replay.md), with no timings, so the same run
/// writes the same bytes.
/// </summary>
public static class SummaryWriter
{
    /// <summary>Writes the summary of a finished run.</summary>
    /// <param name="path">summary.json.</param>
    /// <param name="report">The report.</param>
    public static void Write(string path, ReplayReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("status", "ok");
        WriteBody(w, report);
        w.WriteEndObject();
    }

    /// <summary>Writes the summary of a run that stopped on bad input (the tape keeps what was written before).</summary>
    /// <param name="path">summary.json.</param>
    /// <param name="format">The replayed format.</param>
    /// <param name="error">The one-line error.</param>
    public static void WriteFailure(string path, string format, string error)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("status", "failed");
        w.WriteString("format", format);
        w.WriteString("error", error);
        w.WriteEndObject();
    }

    private static void WriteBody(Utf8JsonWriter w, ReplayReport r)
    {
        w.WriteString("format", r.Format);
        w.WriteStartArray("inputs");
        foreach (var input in r.Inputs)
        {
            w.WriteStringValue(input);
        }

        w.WriteEndArray();
        w.WriteStartObject("instrument");
        w.WriteString("symbol", r.Symbol);
        w.WriteNumber("tick_size", r.TickSize);
        w.WriteNumber("lot_size", r.LotSize);
        w.WriteString("time_origin", r.TimeOrigin);
        w.WriteEndObject();

        w.WriteStartObject("messages");
        w.WriteNumber("read", r.MessagesRead);
        w.WriteNumber("applied", r.MessagesApplied);
        w.WriteNumber("skipped", r.Skipped.Total);
        w.WriteStartObject("skipped_by_kind");
        foreach (var (kind, count) in r.Skipped.ByKind)
        {
            w.WriteNumber(kind, count);
        }

        w.WriteEndObject();
        w.WriteStartArray("first_skipped");
        foreach (var message in r.Skipped.First)
        {
            w.WriteStringValue(message);
        }

        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteStartObject("validation");
        w.WriteBoolean("enabled", r.Validated);
        w.WriteNumber("checked", r.TransitionsChecked);
        w.WriteNumber("mismatched", r.TransitionsMismatched);
        w.WriteNumber("skipped", r.TransitionsSkipped);
        w.WriteString("first_mismatch", r.FirstMismatch);
        w.WriteEndObject();

        w.WriteStartObject("market");
        w.WriteNumber("historical_trades", r.HistoricalTrades);
        w.WriteNumber("historical_trade_lots", r.HistoricalTradeLots);
        w.WriteNumber("hidden_trades", r.HiddenTrades);
        w.WriteNumber("hidden_trade_lots", r.HiddenTradeLots);
        w.WriteNumber("liquidations", r.Liquidations);
        w.WriteNumber("ticker_updates", r.TickerUpdates);
        w.WriteNumber("halts", r.Halts);
        w.WriteNumber("snapshot_resets", r.SnapshotResets);
        w.WriteNumber("l1_changes", r.L1Changes);
        w.WriteNumber("historical_cross_trades", r.HistoricalCrossTrades);
        w.WriteEndObject();

        w.WriteStartObject("feed");
        w.WriteNumber("stale_events_dropped", r.StaleEventsDropped);
        w.WriteNumber("gaps", r.Gaps);
        w.WriteNumber("resyncs", r.Resyncs);
        w.WriteNumber("events_dropped_unsynced", r.EventsDroppedUnsynced);
        w.WriteNumber("window_adjustments", r.WindowAdjustments);
        w.WriteNumber("window_lots_added", r.WindowLotsAdded);
        w.WriteNumber("window_lots_removed", r.WindowLotsRemoved);
        w.WriteEndObject();

        WriteInjection(w, r);
        if (r.Population is { } population)
        {
            WritePopulation(w, population);
        }

        w.WriteNumber("tape_rows", r.TapeRows);
        w.WriteStartArray("notes");
        foreach (var note in r.Notes)
        {
            w.WriteStringValue(note);
        }

        w.WriteEndArray();
    }

    private static void WriteInjection(Utf8JsonWriter w, ReplayReport r)
    {
        w.WriteStartObject("injection");
        w.WriteNumber("orders", r.InjectedOrders);
        w.WriteNumber("fills", r.SimulatedFills);
        w.WriteNumber("filled_lots", r.SimulatedFilledLots);
        Number(w, "average_fill_price_ticks", r.SimulatedAveragePrice);
        if (r.Impact is { } i)
        {
            w.WriteStartObject("impact_ticks");
            w.WriteNumber("bid_before", i.BidBefore);
            w.WriteNumber("ask_before", i.AskBefore);
            w.WriteNumber("bid_after", i.BidAfter);
            w.WriteNumber("ask_after", i.AskAfter);
            w.WriteNumber("final_bid", i.FinalBid);
            w.WriteNumber("final_ask", i.FinalAsk);
            w.WriteNumber("final_historical_bid", i.FinalHistoricalBid);
            w.WriteNumber("final_historical_ask", i.FinalHistoricalAsk);
            w.WriteNumber("final_bid_depth", i.FinalBidDepth);
            w.WriteNumber("final_historical_bid_depth", i.FinalHistoricalBidDepth);
            w.WriteNumber("final_ask_depth", i.FinalAskDepth);
            w.WriteNumber("final_historical_ask_depth", i.FinalHistoricalAskDepth);
            Number(w, "immediate_mid_move", i.ImmediateMidMove);
            Number(w, "persistent_mid_move", i.PersistentMidMove);
            w.WriteEndObject();
        }

        var c = r.Reconciliation;
        w.WriteStartObject("reconciliation");
        w.WriteNumber("depleted_lots", c.DepletedLots);
        w.WriteNumber("dropped_executions", c.DroppedExecutions);
        w.WriteNumber("dropped_execution_lots", c.DroppedExecutionLots);
        w.WriteNumber("dropped_cancels", c.DroppedCancels);
        w.WriteNumber("dropped_cancel_lots", c.DroppedCancelLots);
        w.WriteNumber("absorbed_level_updates", c.AbsorbedLevelUpdates);
        w.WriteNumber("absorbed_level_lots", c.AbsorbedLevelLots);
        w.WriteNumber("unmatched_events", c.UnmatchedEvents);
        w.WriteNumber("unmatched_lots", c.UnmatchedLots);
        w.WriteNumber("deferred_by_halt", c.DeferredByHalt);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WritePopulation(Utf8JsonWriter w, PopulationReport p)
    {
        w.WriteStartObject("population");
        w.WriteString("design", p.Design);
        w.WriteString("mark", p.Mark);
        w.WriteString("margin_mode", p.MarginMode);
        w.WriteNumber("accounts", p.Accounts);
        w.WriteNumber("opened", p.Opened);
        if (p.OpenedAtNs is { } at)
        {
            w.WriteNumber("opened_at_ns", at);
        }
        else
        {
            w.WriteNull("opened_at_ns");
        }

        w.WriteNumber("opened_long_lots", p.OpenedLongLots);
        w.WriteNumber("opened_short_lots", p.OpenedShortLots);
        w.WriteStartObject("refused");
        foreach (var (reason, count) in p.Refused)
        {
            w.WriteNumber(reason, count);
        }

        w.WriteEndObject();
        w.WriteNumber("liquidations", p.Liquidations);
        w.WriteNumber("liquidated_lots", p.LiquidatedLots);
        w.WriteNumber("liquidated_notional", p.LiquidatedNotional);
        w.WriteNumber("max_wave", p.MaxWave);
        w.WriteNumber("liquidation_orders", p.LiquidationOrders);
        w.WriteNumber("risk_order_fills", p.RiskOrderFills);
        w.WriteNumber("risk_order_filled_lots", p.RiskOrderFilledLots);
        w.WriteNumber("risk_order_lots_from_history", p.RiskOrderLotsFromHistory);
        w.WriteNumber("takeovers", p.Takeovers);
        w.WriteNumber("auto_deleverages", p.AutoDeleverages);
        w.WriteStartObject("money");
        w.WriteNumber("cash_scale", 100_000_000);
        w.WriteNumber("insurance_fund", p.InsuranceFund);
        w.WriteNumber("fees", p.Fees);
        w.WriteNumber("bad_debt", p.BadDebt);
        w.WriteNumber("net_deposits", p.NetDeposits);
        w.WriteNumber("ledger_total", p.LedgerTotal);
        w.WriteNumber("net_lots", p.NetLots);
        w.WriteBoolean("conserved", p.MoneyConserved);
        w.WriteNumber("collateral_top_ups", p.CollateralTopUps);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, decimal? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, decimal.Round(v, 4));
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
