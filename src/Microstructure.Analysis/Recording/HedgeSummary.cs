namespace Microstructure.Analysis.Recording;

/// <summary>
/// What hedging did over a run (summary.json <c>hedge</c>, docs/outputs.md), in cash units: the fund's and the vault's
/// hedges together, from the <c>hedge_pnl</c> and <c>hedge_cost</c> rows of tape/fund.
/// </summary>
/// <param name="Notional">Σ |lots| × index × k over the hedge trades.</param>
/// <param name="Pnl">Σ of the hedges' variation (negative = the hedges lost).</param>
/// <param name="Costs">Σ fees and slippage paid to the hedge venue (≥ 0).</param>
/// <param name="FundMaxDrawdown">The largest fall of the insurance fund's equity (cash + position at the mark) from its running peak.</param>
/// <param name="VaultMaxDrawdown">The same for the backstop vault (0 when it never moves).</param>
public sealed record HedgeSummary(long Notional, long Pnl, long Costs, long FundMaxDrawdown, long VaultMaxDrawdown);
