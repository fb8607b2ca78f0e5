namespace Microstructure.Risk.Margin;

/// <summary>One row of a maintenance-margin bracket table as a user writes it (quote currency and plain rates).</summary>
/// <param name="NotionalCap">Upper bound of the bracket's position notional, inclusive, in quote currency (e.g. 50000).</param>
/// <param name="MaxLeverage">Highest leverage allowed while the position is in this bracket.</param>
/// <param name="MaintenanceRate">Maintenance margin rate, e.g. 0.004 for 0.40%.</param>
public sealed record MarginBracketSpec(decimal NotionalCap, int MaxLeverage, decimal MaintenanceRate);
