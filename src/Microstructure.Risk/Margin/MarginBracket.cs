namespace Microstructure.Risk.Margin;

/// <summary>One maintenance-margin bracket in fixed point, with its <c>cum</c> maintenance amount.</summary>
/// <param name="NotionalCap">Upper bound of the bracket's notional, inclusive, in cash units.</param>
/// <param name="MaxLeverage">Highest leverage allowed in the bracket.</param>
/// <param name="MaintenanceRate">Maintenance margin rate in rate units (<see cref="FixedPoint.RateScale"/>).</param>
/// <param name="Cum">
/// Maintenance amount subtracted in this bracket so that MM is continuous across brackets:
/// cum₀ = 0, cumₙ = cumₙ₋₁ + ⌊capₙ₋₁ × (rateₙ − rateₙ₋₁)⌋ (cash units; floored, which makes MM larger — against the trader).
/// </param>
public readonly record struct MarginBracket(long NotionalCap, int MaxLeverage, long MaintenanceRate, long Cum);
