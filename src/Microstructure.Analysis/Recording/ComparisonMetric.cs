namespace Microstructure.Analysis.Recording;

/// <summary>A metric a comparison aggregates: its key (file and column names), label, unit and how to read it from a run.</summary>
/// <param name="Key">snake_case key used in files.</param>
/// <param name="Label">Label for tables and plot axes.</param>
/// <param name="Unit">Unit of the values.</param>
/// <param name="Read">The value of one run (NaN = none).</param>
internal sealed record ComparisonMetric(string Key, string Label, string Unit, Func<RunSummary, double> Read)
{
    /// <summary>The metrics of a design comparison, in table order. Money is converted to quote currency per run.</summary>
    public static IReadOnlyList<ComparisonMetric> All { get; } =
    [
        new("cascades", "cascades", "count", s => s.Cascades),
        new("liquidations", "liquidations", "count", s => s.Liquidations),
        new("liquidated_notional", "liquidated notional", "quote", s => Money.ToQuote(s.LiquidatedNotional, s.CashScale)),
        new("amplification", "amplification", "× shock", s => s.Amplification),
        new("max_drawdown", "max drawdown", "%", s => s.MaxDrawdown * 100),
        new("bad_debt", "bad debt", "quote", s => Money.ToQuote(s.BadDebt, s.CashScale)),
        new("unrealized_bad_debt", "unrealized bad debt (held at the end)", "quote", s => Money.ToQuote(s.UnrealizedBadDebt, s.CashScale)),
        new("fund_usage", "insurance fund usage", "quote", s => Money.ToQuote(s.FundUsage, s.CashScale)),
        new("adl_count", "ADL matches", "count", s => s.AdlCount),
        new("book_share", "closed on the book (orders and unwinds)", "%", s => s.Dynamics is { } d ? d.BookShare * 100 : double.NaN),
        new("cascade_span_s", "cascade span (first to last liquidation)", "s", s => s.Dynamics is { } d ? d.SpanSeconds : double.NaN),
        new("mid_recovery_s", "mid recovery time", "s", s => s.MidRecoveryNs is { } ns ? ns / 1e9 : double.NaN),
    ];
}
