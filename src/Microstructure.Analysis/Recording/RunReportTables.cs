using Microstructure.Analysis.Cascades;
using Microstructure.Analysis.Reports;

namespace Microstructure.Analysis.Recording;

/// <summary>The cascade and liquidation tables of report.md (the largest ones; the full tables are in analysis/).</summary>
internal static class RunReportTables
{
    public static void Cascades(IReportDocument md, RecordedRun run, RunAnalysisResult analysis)
    {
        RecordedRunInfo info = run.Info;
        int shown = Math.Min(run.Options.ReportTableRows, analysis.Cascades.Length);
        md.Paragraph(
            $"A cascade is a causal tree of liquidations: a child was triggered by its parent's fills moving the mark past its " +
            $"threshold. {Count(analysis.Cascades.Length, "cascade")}; the {shown} largest by liquidated notional " +
            $"(all of them: {FileDescriptions.Link(run.Options, "analysis/cascades")}):");
        IEnumerable<CascadeSummary> largest = analysis.Cascades
            .OrderByDescending(c => c.TotalNotional).ThenBy(c => c.TreeIndex).Take(shown);
        md.Table(
            ["root", "start", "liquidations", "waves", "notional", "peak-to-trough", "amplification", "mid recovery", "depth recovery"],
            largest.Select(c => (IReadOnlyList<string>)
            [
                "#" + c.RootId,
                Money.Seconds(c.StartNs - info.StartNs),
                MarkdownReport.Format(c.Count),
                MarkdownReport.Format(c.Waves),
                Money.Format(c.TotalNotional, info.CashScale, info.QuoteCurrency),
                Percent(c.PeakToTroughRelative),
                MarkdownReport.Format(c.Amplification) + (double.IsFinite(c.Amplification) ? "×" : ""),
                Money.Seconds(c.MidRecoveryNs),
                Money.Seconds(c.DepthRecoveryNs),
            ]),
            [TextAlignment.Left, TextAlignment.Right, TextAlignment.Right, TextAlignment.Right, TextAlignment.Right,
             TextAlignment.Right, TextAlignment.Right, TextAlignment.Right, TextAlignment.Right]);
    }

    public static void Liquidations(IReportDocument md, RecordedRun run)
    {
        RecordedRunInfo info = run.Info;
        int shown = Math.Min(run.Options.ReportTableRows, run.Liquidations.Count);
        md.Paragraph(
            $"The {shown} largest of {Count(run.Liquidations.Count, "liquidation")} by notional (all of them, with every field: " +
            $"{FileDescriptions.Link(run.Options, "analysis/liquidations")}). Slippage is against the trigger mark (positive = " +
            "worse for the liquidated trader); the bankruptcy gap is what the book paid beyond the bankruptcy price " +
            "(negative = a deficit the fund or ADL had to cover).");
        IEnumerable<LiquidationMetrics> largest = run.Liquidations
            .OrderByDescending(m => m.ClosedNotional).ThenBy(m => m.Id).Take(shown);
        md.Table(
            ["id", "parent", "wave", "account", "trigger mark", "margin ratio", "notional", "levels swept", "depth consumed",
             "slippage", "bankruptcy gap", "fund", "ADL lots"],
            largest.Select(m => (IReadOnlyList<string>)
            [
                "#" + m.Id,
                m.ParentId > 0 ? "#" + m.ParentId : "—",
                MarkdownReport.Format(m.Wave),
                m.Agent.Length > 0 ? $"{m.Account} ({m.Agent})" : m.Account.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Money.Price(m.TriggerMark, info.TickSize),
                MarginRatio(m),
                Money.Format(m.ClosedNotional, info.CashScale, info.QuoteCurrency),
                MarkdownReport.Format(m.Levels),
                MarkdownReport.Format(m.BookLots) + " lots",
                double.IsFinite(m.SlippageBp) ? MarkdownReport.Format(m.SlippageBp) + " bp" : "n/a",
                m.BankruptcyGap is { } gap ? Money.Format(gap, info.CashScale, info.QuoteCurrency) : "n/a",
                Money.Format(m.FundDelta, info.CashScale, info.QuoteCurrency),
                MarkdownReport.Format(m.AdlLots),
            ]),
            [TextAlignment.Right, TextAlignment.Right, TextAlignment.Right, TextAlignment.Left, TextAlignment.Right,
             TextAlignment.Right, TextAlignment.Right, TextAlignment.Right, TextAlignment.Right, TextAlignment.Right,
             TextAlignment.Right, TextAlignment.Right, TextAlignment.Right]);
    }

    /// <summary>MM / equity as a percentage; "∞" when equity was ≤ 0 (already bankrupt at the trigger); pools: the health factor.</summary>
    public static string MarginRatio(LiquidationMetrics m) =>
        m.IsPool ? "HF " + MarkdownReport.Format(m.MarginRatio / 1e8)
        : m.MarginRatio == long.MaxValue ? "∞ (equity ≤ 0)"
        : Percent(m.MarginRatio / 1e8);

    /// <summary>"1 cascade", "3 cascades".</summary>
    public static string Count(long n, string noun) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{n:N0} {noun}{(n == 1 ? "" : "s")}");

    public static string Percent(double fraction) =>
        double.IsFinite(fraction) ? MarkdownReport.Format(fraction * 100) + "%" : "n/a";
}
