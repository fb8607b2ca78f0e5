namespace Microstructure.Analysis.Recording;

/// <summary>
/// What the market makers' hedges did over a run and how the hedged makers fared (summary.json
/// <c>market_maker_hedge</c>, docs/outputs.md), in cash units, the hedged accounts (<see cref="RecordedRunInfo.HedgedAccounts"/>)
/// taken together. Hedge figures come from the <c>hedge_pnl</c> and <c>hedge_cost</c> rows of tape/fund naming those
/// accounts; the makers' equity is cash + position at the mark, hedge included (its variation is settled into their cash).
/// </summary>
/// <param name="Accounts">How many accounts hedge (a ratio-0 hedge counts: it reports the figures and never trades).</param>
/// <param name="Notional">Σ |lots| × index × k over their hedge trades.</param>
/// <param name="Pnl">Σ of their hedges' variation (negative = the hedges lost).</param>
/// <param name="Costs">Σ fees and slippage they paid to the hedge venue (≥ 0).</param>
/// <param name="EquityChange">Their equity at the end minus what was deposited into them (their PnL, hedge included).</param>
/// <param name="MaxDrawdown">The largest fall of their summed equity from its running peak.</param>
/// <param name="Liquidations">How many times one of them was liquidated.</param>
public sealed record MarketMakerHedgeSummary(long Accounts, long Notional, long Pnl, long Costs, long EquityChange, long MaxDrawdown, long Liquidations);
