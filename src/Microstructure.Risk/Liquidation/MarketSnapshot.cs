namespace Microstructure.Risk.Liquidation;

/// <summary>The clock and the prices a design decides by, read through <see cref="ILiquidationDesk.Market"/>. A copy.</summary>
/// <param name="Now">The clock (ns).</param>
/// <param name="Mark">The mark price (ticks).</param>
/// <param name="CashPerTickLot">Cash units per tick per lot (k): a lot at P ticks is worth P × k.</param>
/// <param name="IsHalted">Trading is paused by the circuit breaker: orders sent now fill nothing.</param>
/// <param name="HaltedUntil">When the pause ends (ns); meaningful while <paramref name="IsHalted"/>.</param>
/// <param name="InsuranceFund">The insurance fund's equity: cash plus any held position at the mark (cash units).</param>
internal readonly record struct MarketSnapshot(long Now, long Mark, long CashPerTickLot, bool IsHalted, long HaltedUntil, long InsuranceFund);
