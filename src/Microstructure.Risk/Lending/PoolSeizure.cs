namespace Microstructure.Risk.Lending;

/// <summary>What one protocol liquidation does, computed by <see cref="LendingPool.TryPlanSeizure"/> before it gets an id.</summary>
/// <param name="Oracle">The oracle price it is valued at (ticks).</param>
/// <param name="HealthFactor">The borrower's health factor before (rate units).</param>
/// <param name="CloseFactor">The share of the debt the liquidator may repay (rate units).</param>
/// <param name="Repay">Debt the liquidator repays (cash units).</param>
/// <param name="Lots">Collateral lots seized.</param>
internal readonly record struct PoolSeizure(long Oracle, long HealthFactor, long CloseFactor, long Repay, long Lots);
