using Microstructure.Analysis.Reports;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// Builds summary.json: fixed keys in a fixed order (documented in docs/outputs.md), money as exact integer cash units
/// with a <c>_quote</c> twin for reading, no absolute paths (so the same events give the same bytes in any directory).
/// </summary>
internal static class RunSummaryJson
{
    public static JsonSummary Build(RecordedRun run, RunAnalysisResult analysis, RunSummary summary, IReadOnlyList<string> files)
    {
        RecordedRunInfo info = run.Info;
        long scale = info.CashScale;
        var json = new JsonSummary();
        json.AddObject("run")
            .Add("scenario", info.ScenarioName)
            .Add("design", info.DesignName)
            .Add("seed", info.Seed)
            .Add("symbol", info.Symbol)
            .Add("start_ns", info.StartNs)
            .Add("end_ns", run.EndNs)
            .Add("duration_s", (run.EndNs - info.StartNs) / 1e9)
            .Add("events", run.Counts.Events)
            .Add("commands", run.Counts.Commands)
            .Add("shocks", info.Shocks.Select(s => new JsonSummary().Add("time_ns", s.TimeNs).Add("notional", s.Notional).Add("label", s.Label)).ToArray());
        Units(json, info, run.CashPerTickLot);

        JsonSummary headline = json.AddObject("headline")
            .Add("liquidations", summary.Liquidations)
            .Add("cascades", summary.Cascades)
            .Add("largest_cascade_size", summary.LargestCascadeSize);
        Cash(headline, "liquidated_notional", summary.LiquidatedNotional, scale);
        headline
            .Add("amplification", summary.Amplification)
            .Add("largest_cascade_amplification", summary.LargestCascadeAmplification)
            .Add("max_drawdown", summary.MaxDrawdown)
            .Add("largest_cascade_move", summary.LargestCascadeMove);
        Cash(headline, "bad_debt", summary.BadDebt, scale);
        Cash(headline, "pool_bad_debt", summary.PoolBadDebt, scale);
        Cash(headline, "fund_usage", summary.FundUsage, scale);
        Cash(headline, "fund_net_change", summary.FundNetChange, scale);
        Cash(headline, "unrealized_bad_debt", summary.UnrealizedBadDebt, scale);
        Cash(headline, "fund_unrealized_pnl", summary.FundUnrealizedPnl, scale);
        Cash(headline, "fund_marked_net_change", summary.FundMarkedNetChange, scale);
        Cash(headline, "vault_unrealized_pnl", summary.VaultUnrealizedPnl, scale);
        headline
            .Add("positions_in_liquidation", summary.PositionsInLiquidation)
            .Add("lots_in_liquidation", summary.LotsInLiquidation);
        headline
            .Add("adl_count", summary.AdlCount)
            .Add("adl_lots", summary.AdlLots)
            .Add("mid_recovery_ns", summary.MidRecoveryNs)
            .Add("depth_recovery_ns", summary.DepthRecoveryNs)
            .Add("market_orders", summary.MarketOrders)
            .Add("volume_lots", summary.Volume)
            .Add("impact_exponent", summary.ImpactExponent)
            .Add("impact_prefactor", summary.ImpactPrefactor)
            .Add("kyle_lambda", summary.KyleLambda)
            .Add("hill_alpha", summary.HillAlpha)
            .Add("return_acf_lag1", summary.ReturnAcfLag1)
            .Add("abs_return_acf_lag1", summary.AbsReturnAcfLag1);

        if (summary.Dynamics is { } d)
        {
            JsonSummary dynamics = json.AddObject("cascade_dynamics")
                .Add("liquidations", d.Liquidations)
                .Add("span_s", d.SpanSeconds)
                .Add("distinct_seconds", d.DistinctSeconds)
                .Add("max_share_in_one_second", d.MaxShareInOneSecond)
                .Add("hill_alpha_top10", d.HillAlphaTop10)
                .Add("max_over_median", d.MaxOverMedian)
                .Add("book_share", d.BookShare)
                .Add("adl_share", d.AdlShare)
                .Add("first_adl_s", d.FirstAdlSeconds ?? double.NaN);
            Cash(dynamics, "median_equity", d.MedianEquity, scale);
            dynamics
                .Add("parent_share", d.ParentShare)
                .Add("depth_before_lots", d.DepthBefore)
                .Add("depth_min_lots", d.DepthMin)
                .Add("depth_half_life_s", d.DepthHalfLifeSeconds ?? double.NaN)
                .Add("mid_half_recovery_s", d.MidHalfRecoverySeconds ?? double.NaN);
        }

        if (summary.Hedge is { } h)
        {
            // Only when the design hedges, so that the summaries of runs without a hedge keep their bytes.
            JsonSummary hedge = json.AddObject("hedge");
            Cash(hedge, "notional", h.Notional, scale);
            Cash(hedge, "pnl", h.Pnl, scale);
            Cash(hedge, "costs", h.Costs, scale);
            Cash(hedge, "net", h.Pnl - h.Costs, scale);
            Cash(hedge, "fund_max_drawdown", h.FundMaxDrawdown, scale);
            Cash(hedge, "vault_max_drawdown", h.VaultMaxDrawdown, scale);
        }

        if (run.MarginChanges is { } mc)
        {
            // Only when a mitigation changes margins, so that other runs' summaries keep their bytes.
            json.AddObject("margin_changes")
                .Add("changes", mc.Changes)
                .Add("raises", mc.Raises)
                .Add("first_raise_s", mc.FirstRaiseSeconds)
                .Add("seconds_raised", mc.SecondsRaised)
                .Add("liquidations", mc.Liquidations)
                .Add("refused_orders", mc.RefusedOrders);
        }

        if (summary.MarketMakerHedge is { } m)
        {
            // Only when some market maker hedges (a ratio-0 hedge included), so other summaries keep their bytes.
            JsonSummary makers = json.AddObject("market_maker_hedge").Add("accounts", m.Accounts);
            Cash(makers, "notional", m.Notional, scale);
            Cash(makers, "pnl", m.Pnl, scale);
            Cash(makers, "costs", m.Costs, scale);
            Cash(makers, "net", m.Pnl - m.Costs, scale);
            Cash(makers, "equity_change", m.EquityChange, scale);
            Cash(makers, "max_drawdown", m.MaxDrawdown, scale);
            makers.Add("liquidations", m.Liquidations);
        }

        Tape(json, run.Counts);
        json.Add("cascades", AnalysisSummary.OfCascades(analysis.Cascades));
        json.AddObject("impact")
            .Add("orders", (long)run.Orders.Count)
            .Add("window_ns", run.Options.ImpactWindowNs)
            .Add("permanent_horizon_ns", run.Options.PermanentImpactHorizonNs)
            .Add("volume_per_window", analysis.VolumePerWindow)
            .Add("sigma_per_window", analysis.SigmaPerWindow)
            .Add("bins", (long)analysis.ImpactBins.Length)
            .Add("square_root_law", AnalysisSummary.Of(analysis.ImpactFit))
            .Add("kyle_lambda", AnalysisSummary.Of(analysis.KyleLambda));
        json.Add("return_interval_ns", run.Options.ReturnIntervalNs);
        if (analysis.StylizedFacts is { } facts)
        {
            json.Add("stylized_facts", AnalysisSummary.Of(facts));
        }
        else
        {
            json.Add("stylized_facts", (string?)null);
        }

        json.AddObject("options")
            .Add("account_snapshot_interval_ns", run.Options.AccountSnapshotIntervalNs)
            .Add("depth_band_fraction", run.Options.DepthBandFraction)
            .Add("mid_recovery_tolerance", run.Options.Cascades.MidRecoveryTolerance)
            .Add("depth_recovery_tolerance", run.Options.Cascades.DepthRecoveryTolerance)
            .Add("recovery_hold_ns", run.Options.Cascades.RecoveryHoldNs);
        json.Add("files", files);
        return json;
    }

    /// <summary>
    /// The summary.json of a cancelled run (docs/outputs.md §6): <c>status</c> "cancelled" and <c>cancelled_during</c>
    /// ("run": the run stopped before its end, the tapes hold what it did until then; "analysis": the tapes are whole,
    /// the analysis stopped), then <c>run</c> with <c>end_ns</c> the time reached and <c>planned_end_ns</c>,
    /// <c>units</c>, <c>tape</c> and <c>files</c> in the shape of a completed run's. No analysis keys: nothing was
    /// analysed (or the analysis was cut short).
    /// </summary>
    public static JsonSummary Cancelled(RecordedRunInfo info, long cashPerTickLot, long reachedNs, RunCounts counts, string during, IReadOnlyList<string> files)
    {
        var json = new JsonSummary()
            .Add("status", "cancelled")
            .Add("cancelled_during", during);
        json.AddObject("run")
            .Add("scenario", info.ScenarioName)
            .Add("design", info.DesignName)
            .Add("seed", info.Seed)
            .Add("symbol", info.Symbol)
            .Add("start_ns", info.StartNs)
            .Add("end_ns", reachedNs)
            .Add("planned_end_ns", info.EndIsLastEvent ? null : info.EndNs)
            .Add("duration_s", (reachedNs - info.StartNs) / 1e9)
            .Add("events", counts.Events)
            .Add("commands", counts.Commands)
            .Add("shocks", info.Shocks.Select(s => new JsonSummary().Add("time_ns", s.TimeNs).Add("notional", s.Notional).Add("label", s.Label)).ToArray());
        Units(json, info, cashPerTickLot);
        Tape(json, counts);
        json.Add("files", files);
        return json;
    }

    private static void Units(JsonSummary json, RecordedRunInfo info, long cashPerTickLot) =>
        json.AddObject("units")
            .Add("tick_size", (double)info.TickSize)
            .Add("lot_size", (double)info.LotSize)
            .Add("cash_scale", info.CashScale)
            .Add("cash_per_tick_lot", cashPerTickLot)
            .Add("quote_currency", info.QuoteCurrency)
            .Add("price", "ticks")
            .Add("quantity", "lots")
            .Add("money", "cash units (1 quote unit = cash_scale cash units); *_quote fields are converted")
            .Add("mid", "half ticks (bid + ask)")
            .Add("time", "ns");

    private static void Tape(JsonSummary json, RunCounts counts) =>
        json.AddObject("tape")
            .Add("trades", counts.Trades)
            .Add("l1", counts.TopOfBook)
            .Add("depth", counts.DepthSnapshots)
            .Add("liquidation_events", counts.LiquidationEvents)
            .Add("adl", counts.AdlMatches)
            .Add("fund", counts.FundMovements)
            .Add("accounts", counts.AccountSnapshots);

    private static void Cash(JsonSummary json, string key, long cash, long scale) =>
        json.Add(key, cash).Add(key + "_quote", Money.ToQuote(cash, scale));
}
