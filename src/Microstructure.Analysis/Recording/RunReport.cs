using System.Globalization;
using Microstructure.Analysis.Reports;
using Microstructure.Analysis.Reports.Html;
using Microstructure.Analysis.StylizedFacts;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// Builds report.md for a newcomer: what happened in words, the key figures, the cascade and liquidation tables, the
/// price impact and stylized facts, the plots, and every file of the run directory with what it holds — and
/// report.html, the same text and tables (written once, through <see cref="IReportDocument"/>) with interactive charts.
/// </summary>
internal static class RunReport
{
    public static MarkdownReport Build(
        RecordedRun run,
        RunAnalysisResult analysis,
        RunSummary summary,
        IReadOnlyList<PlotFile> plots,
        IReadOnlyList<string> skippedPlots,
        IReadOnlyList<string> files)
    {
        var md = new MarkdownReport();
        Head(md, run, analysis, summary);
        Body(md, run, analysis, summary);
        md.Heading(2, "Plots");
        foreach (PlotFile plot in plots)
        {
            md.Paragraph($"**{plot.Title}** ([{plot.RelativePath}]({plot.RelativePath}))").Image(plot.Title, plot.RelativePath);
        }

        if (skippedPlots.Count > 0)
        {
            md.Bullets(skippedPlots);
        }

        Files(md, files);
        return md;
    }

    /// <summary>
    /// report.html: the same text and tables as report.md, with the interactive charts (<see cref="RunCharts"/>) in
    /// place of the PNGs, right after the key figures.
    /// </summary>
    public static HtmlReport BuildHtml(RecordedRun run, RunAnalysisResult analysis, RunSummary summary, IReadOnlyList<string> files)
    {
        var html = new HtmlReport($"Run report: {run.Info.ScenarioName} · {run.Info.DesignName} · seed {run.Info.Seed}");
        Head(html, run, analysis, summary);
        html.Heading(2, "Charts").Paragraph(
            "Drag to zoom, double-click to zoom out, hover a point for its details, click a legend entry to hide it. " +
            "The PNGs in plots/ show the same data.");
        RunCharts.Add(html, run, analysis);
        Body(html, run, analysis, summary);
        Files(html, files);
        return html;
    }

    private static void Head(IReportDocument doc, RecordedRun run, RunAnalysisResult analysis, RunSummary summary)
    {
        RecordedRunInfo info = run.Info;
        doc.Heading(1, $"Run report: {info.ScenarioName}")
            .Paragraph(
                $"Liquidation design **{info.DesignName}**, seed {info.Seed}{(info.Symbol.Length > 0 ? ", " + info.Symbol : "")}. " +
                $"Simulated {Money.Seconds(run.EndNs - info.StartNs)} of market time. Prices are in {info.QuoteCurrency} " +
                "unless a column says ticks; the tables in tape/ and analysis/ keep exact integers (ticks, lots, cash units) " +
                "and summary.json says how to convert them.");

        doc.Heading(2, "What happened").Paragraph(Story(run, analysis, summary));
        doc.Heading(2, "Key figures").KeyValueTable(KeyFigures(run, summary));
    }

    private static void Body(IReportDocument doc, RecordedRun run, RunAnalysisResult analysis, RunSummary summary)
    {
        doc.Heading(2, "Cascades");
        if (analysis.Cascades.Length == 0)
        {
            doc.Paragraph("No account was liquidated, so there are no cascades.");
        }
        else
        {
            RunReportTables.Cascades(doc, run, analysis);
            doc.Heading(2, "Largest liquidations");
            RunReportTables.Liquidations(doc, run);
        }

        if (summary.Dynamics is { } dynamics)
        {
            doc.Heading(2, "How the cascade unfolded").Paragraph(
                "Liquidations from the first shock on, against what real venues show (docs/realism.md, \"Cascade dynamics\").")
                .KeyValueTable(DynamicsFigures(run, dynamics));
        }

        doc.Heading(2, "Price impact").Paragraph(ImpactText(run, analysis));
        doc.Heading(2, "Stylized facts of returns").Bullets(FactsText(run, analysis.StylizedFacts));
    }

    private static void Files(IReportDocument doc, IReadOnlyList<string> files)
    {
        doc.Heading(2, "Files").Table(
            ["file", "what it holds"],
            files.Select(f => (IReadOnlyList<string>)[$"[{f}]({f})", FileDescriptions.Of(f)]));
        doc.Paragraph(
            "Every column, unit and metric is defined in docs/outputs.md of the Microstructure repository. Tables come as " +
            "CSV (RFC 4180, invariant culture) and Parquet (same columns; pandas, polars and DuckDB read it).");
    }

    private static string Story(RecordedRun run, RunAnalysisResult analysis, RunSummary summary)
    {
        RecordedRunInfo info = run.Info;
        string Cash(long c) => Money.Format(c, info.CashScale, info.QuoteCurrency);
        var text = new System.Text.StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"The exchange emitted {run.Counts.Events:N0} events for {run.Counts.Commands:N0} commands: {run.Counts.Trades:N0} trades " +
            $"from {summary.MarketOrders:N0} aggressive orders ({summary.Volume:N0} lots). ");
        foreach (RecordedShock shock in info.Shocks)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"At {Money.Seconds(shock.TimeNs - info.StartNs)} the shock \"{shock.Label}\" hit ({Cash(shock.Notional)}). ");
        }

        if (analysis.Largest is not { } largest)
        {
            text.Append("No account was liquidated. ");
        }
        else
        {
            text.Append(
                $"{RunReportTables.Count(summary.Liquidations, "liquidation")} formed {RunReportTables.Count(summary.Cascades, "cascade")} and liquidated {Cash(summary.LiquidatedNotional)} in total");
            text.Append(double.IsFinite(summary.Amplification) ? $", {MarkdownReport.Format(summary.Amplification)}× the shock notional. " : ". ");
            text.Append(CultureInfo.InvariantCulture,
                $"The largest cascade started at {Money.Seconds(largest.StartNs - info.StartNs)} with liquidation #{largest.RootId}: " +
                $"{RunReportTables.Count(largest.Count, "liquidation")} in {RunReportTables.Count(largest.Waves, "wave")} over {Money.Seconds(largest.DurationNs)}, " +
                $"{Cash(largest.TotalNotional)} liquidated, the mid moved {RunReportTables.Percent(largest.PeakToTroughRelative)} " +
                $"from {Money.Mid(largest.MidBefore, info.TickSize)}");
            text.Append(double.IsFinite(largest.Amplification)
                ? string.Create(CultureInfo.InvariantCulture, $", {MarkdownReport.Format(largest.Amplification)}× the shock before it. ")
                : " (no shock was recorded before it, so no amplification). ");
            text.Append(largest.MidRecoveryNs is { } rec
                ? $"The mid was back within {RunReportTables.Percent(run.Options.Cascades.MidRecoveryTolerance)} of its pre-cascade level {Money.Seconds(rec)} after the cascade ended. "
                : "The mid did not come back within tolerance of its pre-cascade level before the run ended. ");
        }

        text.Append(CultureInfo.InvariantCulture,
            $"Bad debt written off: {Cash(summary.BadDebt)}. The insurance fund paid {Cash(summary.FundUsage)} for liquidations " +
            $"that cost it money; its net result over the run was {Cash(summary.FundNetChange)}. " +
            $"Still unsold at the end: {summary.PositionsInLiquidation:N0} positions mid-liquidation ({summary.LotsInLiquidation:N0} lots) plus what the fund and the vault hold; " +
            $"at the final mark their unrealized bad debt (loss beyond the margin behind them, not yet written off) is {Cash(summary.UnrealizedBadDebt)}, " +
            $"the fund's unrealized P&L {Cash(summary.FundUnrealizedPnl)} (its net result marked to market: {Cash(summary.FundMarkedNetChange)}). " +
            $"Auto-deleveraging: {summary.AdlCount:N0} matches ({summary.AdlLots:N0} lots). " +
            $"The largest fall of the mid from a running peak was {RunReportTables.Percent(summary.MaxDrawdown)}.");
        return text.ToString();
    }

    private static IEnumerable<(string, string)> KeyFigures(RecordedRun run, RunSummary s)
    {
        RecordedRunInfo info = run.Info;
        string Cash(long c) => Money.Format(c, info.CashScale, info.QuoteCurrency);
        yield return ("liquidations", MarkdownReport.Format(s.Liquidations));
        yield return ("cascades", MarkdownReport.Format(s.Cascades));
        yield return ("largest cascade (liquidations)", MarkdownReport.Format(s.LargestCascadeSize));
        yield return ("liquidated notional", Cash(s.LiquidatedNotional));
        yield return ("amplification (liquidated / shock notional)", MarkdownReport.Format(s.Amplification));
        yield return ("amplification of the largest cascade", MarkdownReport.Format(s.LargestCascadeAmplification));
        yield return ("max drawdown of the mid", RunReportTables.Percent(s.MaxDrawdown));
        yield return ("peak-to-trough of the largest cascade", RunReportTables.Percent(s.LargestCascadeMove));
        yield return ("bad debt", Cash(s.BadDebt));
        yield return ("lending-pool bad debt", Cash(s.PoolBadDebt));
        yield return ("insurance fund usage", Cash(s.FundUsage));
        yield return ("insurance fund net result", Cash(s.FundNetChange));
        yield return ("unrealized bad debt (held at the end, at the final mark)", Cash(s.UnrealizedBadDebt));
        yield return ("insurance fund unrealized P&L", Cash(s.FundUnrealizedPnl));
        yield return ("insurance fund net result marked to market", Cash(s.FundMarkedNetChange));
        yield return ("backstop vault unrealized P&L", Cash(s.VaultUnrealizedPnl));
        yield return ("positions still mid-liquidation", $"{MarkdownReport.Format(s.PositionsInLiquidation)} ({MarkdownReport.Format(s.LotsInLiquidation)} lots)");
        yield return ("ADL matches", MarkdownReport.Format(s.AdlCount));
        yield return ("mid recovery after the largest cascade", Money.Seconds(s.MidRecoveryNs));
        yield return ("depth recovery after the largest cascade", Money.Seconds(s.DepthRecoveryNs));
        yield return ("impact exponent δ", MarkdownReport.Format(s.ImpactExponent));
        yield return ("Hill tail index of |r|", MarkdownReport.Format(s.HillAlpha));
    }

    private static IEnumerable<(string, string)> DynamicsFigures(RecordedRun run, CascadeDynamics d)
    {
        string Seconds(double? s) => s is { } v && double.IsFinite(v) ? $"{MarkdownReport.Format(v)} s" : "—";
        yield return ("liquidations counted", MarkdownReport.Format(d.Liquidations));
        yield return ("span (first to last liquidation)", Seconds(d.SpanSeconds));
        yield return ("distinct seconds with a liquidation", MarkdownReport.Format(d.DistinctSeconds));
        yield return ("largest share in one second", RunReportTables.Percent(d.MaxShareInOneSecond));
        yield return ("Hill α of liquidated notional (top 10%)", MarkdownReport.Format(d.HillAlphaTop10));
        yield return ("largest ÷ median liquidation", MarkdownReport.Format(d.MaxOverMedian));
        yield return ("closed on the book (orders and later unwinds)", RunReportTables.Percent(d.BookShare));
        yield return ("closed by ADL", RunReportTables.Percent(d.AdlShare));
        yield return ("first ADL after the first liquidation", Seconds(d.FirstAdlSeconds));
        yield return ("median equity at liquidation", Money.Format(d.MedianEquity, run.Info.CashScale, run.Info.QuoteCurrency));
        yield return ("liquidations with a parent (after the shock's first second)", RunReportTables.Percent(d.ParentShare));
        yield return ("depth within the band before → least (lots)", $"{MarkdownReport.Format(d.DepthBefore)} → {MarkdownReport.Format(d.DepthMin)}");
        yield return ("depth half-life of recovery", Seconds(d.DepthHalfLifeSeconds));
        yield return ("mid: half of the move regained after", Seconds(d.MidHalfRecoverySeconds));
    }

    private static string ImpactText(RecordedRun run, RunAnalysisResult a)
    {
        var fit = a.ImpactFit;
        string window = Money.Seconds(run.Options.ImpactWindowNs);
        string head = string.Create(CultureInfo.InvariantCulture,
            $"{run.Orders.Count:N0} aggressive orders (every taker order, liquidation orders included; each row of " +
            $"{FileDescriptions.Link(run.Options, "analysis/impact_orders")} has its immediate impact ε·ln(mid after / mid before) and its " +
            $"permanent impact {Money.Seconds(run.Options.PermanentImpactHorizonNs)} later). Sizes are normalised by V = " +
            $"{MarkdownReport.Format(a.VolumePerWindow)} lots traded per {window}; σ per {window} = {MarkdownReport.Format(a.SigmaPerWindow)}. ");
        string law = fit.IsDefined
            ? string.Create(CultureInfo.InvariantCulture,
                $"The square-root law I = Y·σ·(Q/V)^δ fitted over {fit.Count} bins gives δ = {MarkdownReport.Format(fit.Exponent)} " +
                $"± {MarkdownReport.Format(fit.ExponentStandardError)} (markets: about 0.5), Y = {MarkdownReport.Format(fit.Prefactor)}, " +
                $"R² = {MarkdownReport.Format(fit.RSquared)}. ")
            : "The square-root law could not be fitted (too few orders with a positive mean impact, or σ undefined). ";
        string kyle = a.KyleLambda.IsDefined
            ? string.Create(CultureInfo.InvariantCulture,
                $"Kyle's λ = {MarkdownReport.Format(a.KyleLambda.Slope)} half ticks per lot of net order flow per {Money.Seconds(run.Options.ReturnIntervalNs)}.")
            : "Kyle's λ is undefined (too few intervals with flow).";
        return head + law + kyle + $" Binned curve: {FileDescriptions.Link(run.Options, "analysis/impact_curve")}.";
    }

    private static IEnumerable<string> FactsText(RecordedRun run, StylizedFactsReport? f)
    {
        if (f is null)
        {
            yield return $"Fewer than {RunAnalysis.MinReturns} returns of {Money.Seconds(run.Options.ReturnIntervalNs)}: no stylized facts.";
            yield break;
        }

        yield return string.Create(CultureInfo.InvariantCulture,
            $"{f.ReturnCount:N0} log returns of the mid over {Money.Seconds(run.Options.ReturnIntervalNs)}; excess kurtosis {MarkdownReport.Format(f.Moments.ExcessKurtosis)}.");
        yield return string.Create(CultureInfo.InvariantCulture,
            $"Heavy tails: Hill tail index α = {MarkdownReport.Format(f.Hill.Alpha)} (k = {f.Hill.K}; markets: 2–5).");
        yield return string.Create(CultureInfo.InvariantCulture,
            $"Linear autocorrelation of r at lag 1: {MarkdownReport.Format(Lag1(f.ReturnAcf))}; no linear autocorrelation beyond lag 1: {(f.NoLinearAutocorrelation ? "yes" : "no")}.");
        yield return string.Create(CultureInfo.InvariantCulture,
            $"Volatility clustering (|r| autocorrelation above the noise band at every short lag): {(f.VolatilityClustering ? "yes" : "no")}; |r| ACF at lag 1 = {MarkdownReport.Format(Lag1(f.AbsoluteReturnAcf))}, decay exponent β = {MarkdownReport.Format(f.AbsoluteAcfDecayExponent)}.");
        yield return $"By lag: {FileDescriptions.Link(run.Options, "analysis/return_acf")}.";
    }

    private static double Lag1(IReadOnlyList<double> acf) => acf.Count > 1 ? acf[1] : double.NaN;
}
