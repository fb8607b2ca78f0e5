namespace Microstructure.Analysis.Sweeps;

/// <summary>
/// The one table of how a sweep's catalog columns are reported: label, unit, which way is better, sign. Money columns
/// are read in quote currency (the <c>*_quote</c> twin; the integer cash column beside it is skipped as the same
/// number). A column not listed here (added to summary.json later) is reported under its own name, with no better
/// direction. docs/outputs.md §8 lists the same table.
/// </summary>
public static class SweepMetrics
{
    private const MetricDirection Lower = MetricDirection.LowerIsBetter;
    private const MetricDirection Higher = MetricDirection.HigherIsBetter;
    private const MetricDirection Neither = MetricDirection.Neither;

    /// <summary>
    /// Every known metric in report order. The key metrics — liquidated notional (what a design dumps on the market),
    /// bad debt (the loss nobody covered), fund usage (what the insurance fund paid) and amplification (liquidated
    /// notional per unit of shock) — are the questions a liquidation design answers; they get the heatmaps and the
    /// terminal table.
    /// </summary>
    public static IReadOnlyList<SweepMetric> Known { get; } =
    [
        new("liquidated_notional_quote", "liquidated notional", "quote", Lower, true, Key: true),
        new("bad_debt_quote", "bad debt", "quote", Lower, true, Key: true),
        new("fund_usage_quote", "insurance fund usage", "quote", Lower, true, Key: true),
        new("amplification", "amplification", "× shock", Lower, true, Key: true),
        new("liquidations", "liquidations", "count", Lower, true),
        new("cascades", "cascades", "count", Lower, true),
        new("largest_cascade_size", "largest cascade", "liquidations", Lower, true),
        new("largest_cascade_amplification", "largest cascade's amplification", "× shock", Lower, true),
        new("max_drawdown", "max drawdown", "fraction", Lower, true),
        new("largest_cascade_move", "largest cascade's move", "fraction", Lower, true),
        new("pool_bad_debt_quote", "pool bad debt", "quote", Lower, true),
        new("unrealized_bad_debt_quote", "unrealized bad debt", "quote", Lower, true),
        new("fund_net_change_quote", "fund net change", "quote", Higher, false),
        new("fund_unrealized_pnl_quote", "fund unrealized PnL", "quote", Higher, false),
        new("fund_marked_net_change_quote", "fund marked net change", "quote", Higher, false),
        new("vault_unrealized_pnl_quote", "vault unrealized PnL", "quote", Higher, false),
        new("positions_in_liquidation", "positions still in liquidation", "count", Lower, true),
        new("lots_in_liquidation", "lots still in liquidation", "lots", Lower, true),
        new("adl_count", "ADL matches", "count", Lower, true),
        new("adl_lots", "ADL lots", "lots", Lower, true),
        new("mid_recovery_ns", "mid recovery", "s", Lower, true, 1e-9),
        new("depth_recovery_ns", "depth recovery", "s", Lower, true, 1e-9),
        new("market_orders", "aggressive orders", "count", Neither, true),
        new("volume_lots", "volume", "lots", Neither, true),
        new("impact_exponent", "impact exponent", "", Neither, false),
        new("impact_prefactor", "impact prefactor", "", Neither, false),
        new("kyle_lambda", "Kyle's lambda", "", Neither, false),
        new("hill_alpha", "Hill tail index of returns", "", Neither, false),
        new("return_acf_lag1", "return ACF lag 1", "", Neither, false),
        new("abs_return_acf_lag1", "|return| ACF lag 1", "", Neither, false),
        new("dynamics_liquidations", "liquidations after the shock", "count", Lower, true),
        new("dynamics_span_s", "cascade span", "s", Neither, true),
        new("dynamics_distinct_seconds", "seconds with a liquidation", "count", Neither, true),
        new("dynamics_max_share_in_one_second", "largest share in one second", "fraction", Lower, true),
        new("dynamics_hill_alpha_top10", "Hill index of liquidation sizes", "", Neither, false),
        new("dynamics_max_over_median", "largest ÷ median liquidation", "", Neither, true),
        new("dynamics_book_share", "share closed on the book", "fraction", Neither, true),
        new("dynamics_adl_share", "share closed by ADL", "fraction", Lower, true),
        new("dynamics_first_adl_s", "time to first ADL", "s", Neither, true),
        new("dynamics_median_equity_quote", "median equity at trigger", "quote", Neither, false),
        new("dynamics_parent_share", "share with a parent liquidation", "fraction", Lower, true),
        new("dynamics_depth_before_lots", "depth before", "lots", Neither, true),
        new("dynamics_depth_min_lots", "least depth", "lots", Higher, true),
        new("dynamics_depth_half_life_s", "depth half-life", "s", Lower, true),
        new("dynamics_mid_half_recovery_s", "mid half-recovery", "s", Lower, true),
        new("hedge_fund_max_drawdown_quote", "fund max drawdown", "quote", Lower, true),
        new("hedge_vault_max_drawdown_quote", "vault max drawdown", "quote", Lower, true),
        new("hedge_pnl_quote", "hedge PnL", "quote", Higher, false),
        new("hedge_costs_quote", "hedge costs", "quote", Lower, true),
        new("hedge_net_quote", "hedge PnL − costs", "quote", Higher, false),
        new("hedge_notional_quote", "hedge notional", "quote", Neither, true),
        new("margin_raises", "margin raises", "count", Neither, true),
        new("margin_first_raise_s", "first margin raise", "s", Neither, true),
        new("margin_seconds_raised", "time with margins raised", "s", Neither, true),
        new("margin_liquidations", "liquidations set off by a margin change", "count", Lower, true),
        new("margin_refused_orders", "orders refused for margin while raised", "count", Lower, true),
        new("mm_hedge_equity_change_quote", "market makers' PnL", "quote", Higher, false),
        new("mm_hedge_max_drawdown_quote", "market makers' max drawdown", "quote", Lower, true),
        new("mm_hedge_liquidations", "market-maker liquidations", "count", Lower, true),
        new("mm_hedge_pnl_quote", "market makers' hedge PnL", "quote", Higher, false),
        new("mm_hedge_costs_quote", "market makers' hedge costs", "quote", Lower, true),
        new("mm_hedge_net_quote", "market makers' hedge PnL − costs", "quote", Higher, false),
        new("mm_hedge_notional_quote", "market makers' hedge notional", "quote", Neither, true),
        new("mm_hedge_accounts", "hedged market makers", "count", Neither, true),
    ];

    private static readonly Dictionary<string, SweepMetric> ByColumn = Known.ToDictionary(m => m.Column, StringComparer.Ordinal);

    /// <summary>How <paramref name="column"/> is reported (a column not in <see cref="Known"/>: its own name, no direction).</summary>
    public static SweepMetric Describe(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return ByColumn.TryGetValue(column, out var metric) ? metric : new SweepMetric(column, column, "", Neither, false);
    }

    /// <summary>
    /// The metric columns to report, in report order (known ones in <see cref="Known"/> order, then the others as
    /// given): an integer cash column whose <c>_quote</c> twin is present is left out.
    /// </summary>
    public static IReadOnlyList<string> Select(IReadOnlyList<string> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var present = new HashSet<string>(columns, StringComparer.Ordinal);
        var kept = columns.Where(c => !present.Contains(c + "_quote")).ToList();
        var order = Known.Select((m, i) => (m.Column, i)).ToDictionary(p => p.Column, p => p.i, StringComparer.Ordinal);
        return [.. kept.Select((c, i) => (c, rank: order.TryGetValue(c, out int r) ? r : Known.Count + i)).OrderBy(p => p.rank).Select(p => p.c)];
    }
}
