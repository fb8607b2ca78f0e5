namespace Microstructure.Analysis.Sweeps;

/// <summary>Which way a metric is better, for the ranking, the share of better points and the findings.</summary>
public enum MetricDirection
{
    /// <summary>No better direction (a market property or a design choice, e.g. volume, the share closed on the book).</summary>
    Neither,

    /// <summary>Less is better (bad debt, liquidated notional, drawdown, recovery times).</summary>
    LowerIsBetter,

    /// <summary>More is better (the fund's net change, the depth left at the trough).</summary>
    HigherIsBetter,
}

/// <summary>
/// A metric column of a sweep catalog as the statistics report it: its catalog column, a label, a unit, the factor from
/// the catalog's value to the reported one (ns → s), which way is better, and whether it cannot be negative (plots then
/// start their y axis at 0).
/// </summary>
/// <param name="Column">The catalog column (runs.csv header).</param>
/// <param name="Label">Label for tables, plots and sentences.</param>
/// <param name="Unit">Unit after <see cref="Scale"/>.</param>
/// <param name="Direction">Which way is better.</param>
/// <param name="NonNegative">The value is never below 0.</param>
/// <param name="Scale">Reported value = catalog value × Scale.</param>
/// <param name="Key">One of the few key metrics (heatmaps of a 2-D sweep, the terminal table).</param>
public sealed record SweepMetric(string Column, string Label, string Unit, MetricDirection Direction, bool NonNegative, double Scale = 1, bool Key = false)
{
    /// <summary>"label (unit)", or the label alone without a unit.</summary>
    public string Title => Unit.Length == 0 ? Label : $"{Label} ({Unit})";
}
