namespace Microstructure.Analysis.Recording;

/// <summary>
/// The headline numbers of one run, as <see cref="RunRecorder.Complete()"/> returns them and a comparison aggregates
/// them. Money stays in integer cash units (<see cref="CashScale"/> per quote unit; <see cref="ToQuote"/> converts at
/// the edge); definitions in docs/outputs.md.
/// </summary>
public sealed record RunSummary
{
    /// <summary>Scenario name.</summary>
    public required string Scenario { get; init; }

    /// <summary>Liquidation design name.</summary>
    public required string Design { get; init; }

    /// <summary>Seed of the run.</summary>
    public required long Seed { get; init; }

    /// <summary>The run directory (absolute path).</summary>
    public required string Directory { get; init; }

    /// <summary>Cash units per quote unit.</summary>
    public required long CashScale { get; init; }

    /// <summary>Simulated start (ns).</summary>
    public required long StartNs { get; init; }

    /// <summary>Simulated end (ns): the later of the run info's end and the last event.</summary>
    public required long EndNs { get; init; }

    /// <summary>Events consumed and rows per tape table.</summary>
    public required RunCounts Counts { get; init; }

    /// <summary>Aggressive orders reconstructed from the fills.</summary>
    public required long MarketOrders { get; init; }

    /// <summary>Lots traded.</summary>
    public required long Volume { get; init; }

    /// <summary>Liquidations started (perpetual and lending pool).</summary>
    public required long Liquidations { get; init; }

    /// <summary>Cascades (causal trees of liquidations; a lone liquidation is a cascade of one).</summary>
    public required long Cascades { get; init; }

    /// <summary>Liquidations in the largest cascade (by notional); 0 without liquidations.</summary>
    public required long LargestCascadeSize { get; init; }

    /// <summary>Liquidated notional over the run, cash units (closed lots at the prices they closed at).</summary>
    public required long LiquidatedNotional { get; init; }

    /// <summary>
    /// Run amplification: liquidated notional / the total notional of the run's shocks (NaN without a shock with a
    /// notional). The shock is not a liquidation, so each account it breaches directly roots its own cascade; this
    /// ratio puts them back together.
    /// </summary>
    public required double Amplification { get; init; }

    /// <summary>Amplification of the largest cascade alone: its notional / the shock before it (NaN without one).</summary>
    public required double LargestCascadeAmplification { get; init; }

    /// <summary>Largest fall of the mid from its running peak, as a fraction of the peak.</summary>
    public required double MaxDrawdown { get; init; }

    /// <summary>Peak-to-trough move of the largest cascade, as a fraction of the mid before it (NaN without one).</summary>
    public required double LargestCascadeMove { get; init; }

    /// <summary>Perpetual losses written off as bad debt, cash units.</summary>
    public required long BadDebt { get; init; }

    /// <summary>Lending-pool debt written off, cash units.</summary>
    public required long PoolBadDebt { get; init; }

    /// <summary>Insurance fund usage: Σ over liquidations of what each cost the fund (max(0, −fund delta)), cash units.</summary>
    public required long FundUsage { get; init; }

    /// <summary>The fund's result over the run: its cash at the end minus its net deposits (fees and residues in, covers and unwind losses out), cash units.</summary>
    public required long FundNetChange { get; init; }

    /// <summary>
    /// Loss at the final mark of the positions still held by the fund, the backstop vault or an unfinished liquidation
    /// (an open auction …), beyond the margin behind them (for the fund and the vault: their balance), cash units,
    /// ≥ 0. Not written off yet: apart from <see cref="BadDebt"/>.
    /// </summary>
    public long UnrealizedBadDebt { get; init; }

    /// <summary>The fund's open position at the final mark minus what it cost it, cash units (&lt; 0: a loss); not in <see cref="FundNetChange"/>.</summary>
    public long FundUnrealizedPnl { get; init; }

    /// <summary>The fund's result with what it still holds valued at the final mark: <see cref="FundNetChange"/> + its lots × mark × k, cash units.</summary>
    public long FundMarkedNetChange { get; init; }

    /// <summary>The backstop vault's open position at the final mark minus its cost, cash units (&lt; 0: a loss).</summary>
    public long VaultUnrealizedPnl { get; init; }

    /// <summary>Accounts still mid-liquidation with a position at the end of the run (e.g. in an unsold auction).</summary>
    public int PositionsInLiquidation { get; init; }

    /// <summary>Σ |lots| of <see cref="PositionsInLiquidation"/>.</summary>
    public long LotsInLiquidation { get; init; }

    /// <summary>Auto-deleveraging matches.</summary>
    public required long AdlCount { get; init; }

    /// <summary>Lots auto-deleveraged.</summary>
    public required long AdlLots { get; init; }

    /// <summary>Time from the end of the largest cascade until the mid is back within tolerance (ns); null when it never is or there is none.</summary>
    public required long? MidRecoveryNs { get; init; }

    /// <summary>The same for depth (ns); null when it never recovers or there is no depth data.</summary>
    public required long? DepthRecoveryNs { get; init; }

    /// <summary>Fitted square-root-law exponent δ (NaN when the fit is undefined).</summary>
    public required double ImpactExponent { get; init; }

    /// <summary>Fitted prefactor Y.</summary>
    public required double ImpactPrefactor { get; init; }

    /// <summary>Kyle's λ, half ticks per lot.</summary>
    public required double KyleLambda { get; init; }

    /// <summary>Hill tail index of |r| (NaN without stylized facts).</summary>
    public required double HillAlpha { get; init; }

    /// <summary>Autocorrelation of returns at lag 1 (NaN without stylized facts).</summary>
    public required double ReturnAcfLag1 { get; init; }

    /// <summary>Autocorrelation of |r| at lag 1 (NaN without stylized facts).</summary>
    public required double AbsReturnAcfLag1 { get; init; }

    /// <summary>Cash units as quote currency, exactly (decimal division by <see cref="CashScale"/>).</summary>
    /// <summary>How the cascade unfolded in time (docs/realism.md, "Cascade dynamics"); null when nothing was liquidated after the first shock.</summary>
    public CascadeDynamics? Dynamics { get; init; }

    /// <summary>The hedge's totals and the fund's drawdown when the run's design hedges (summary.json <c>hedge</c>); else null.</summary>
    public HedgeSummary? Hedge { get; init; }

    /// <summary>The market makers' hedge and how the hedged makers fared, when any maker hedges (summary.json <c>market_maker_hedge</c>); else null.</summary>
    public MarketMakerHedgeSummary? MarketMakerHedge { get; init; }

    /// <summary>Converts cash units to quote currency.</summary>
    public decimal ToQuote(long cash) => (decimal)cash / CashScale;
}
