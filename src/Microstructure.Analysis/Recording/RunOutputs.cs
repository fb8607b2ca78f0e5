using Microstructure.Analysis.Cascades;
using Microstructure.Analysis.Impact;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// The end of a run: analysis, the analysis tables, the plots, summary.json and report.md, in that order, so that a
/// failure late (a plot) still leaves the tables; returns the run's <see cref="RunSummary"/>.
/// </summary>
internal static class RunOutputs
{
    public const string LiquidationsTable = "liquidations";
    public const string CascadesTable = "cascades";
    public const string ImpactOrdersTable = "impact_orders";
    public const string ImpactCurveTable = "impact_curve";
    public const string ReturnAcfTable = "return_acf";

    /// <summary>
    /// Writes the end of the run. <paramref name="cancellationToken"/> is looked at between the steps (before the
    /// analysis, after it, after each table and plot): once cancelled, what is written stays, summary.json says the
    /// analysis was cancelled (<see cref="RunSummaryJson.Cancelled"/>), no report.md is written and
    /// <see cref="OperationCanceledException"/> is thrown.
    /// </summary>
    public static RunSummary Write(RecordedRun run, CancellationToken cancellationToken)
    {
        RunDirectory dir = run.Directory;
        var written = new List<string>(TableFiles.Existing(dir.Tape, TapeWriters.Names, run.Options.Formats));
        var plots = new List<PlotFile>();
        StopIfCancelled(run, written, plots, cancellationToken);
        RunAnalysisResult analysis = RunAnalysis.Analyze(run);
        StopIfCancelled(run, written, plots, cancellationToken);
        WriteTables(run, analysis, written, plots, cancellationToken);

        var skipped = new List<string> { "Plots are switched off (RecorderOptions.WritePlots)." };
        if (run.Options.WritePlots)
        {
            skipped = RunPlots.Write(run, analysis, plots, cancellationToken);
            StopIfCancelled(run, written, plots, cancellationToken);
        }

        RunSummary summary = Summarize(run, analysis);
        var files = new List<string> { RunDirectory.ReportFile, RunDirectory.SummaryFile };
        if (run.Options.WritePlots)
        {
            files.Insert(1, RunDirectory.HtmlReportFile);
        }

        files.AddRange(written.Select(dir.Relative));
        files.AddRange(plots.Select(p => p.RelativePath));

        string summaryPath = Path.Combine(dir.Root, RunDirectory.SummaryFile);
        RunDirectory.Guard(summaryPath, () => RunSummaryJson.Build(run, analysis, summary, files).Save(summaryPath));
        string reportPath = Path.Combine(dir.Root, RunDirectory.ReportFile);
        RunDirectory.Guard(reportPath, () => RunReport.Build(run, analysis, summary, plots, skipped, files).Save(reportPath));
        if (run.Options.WritePlots)
        {
            // The interactive twin of report.md; like the PNGs it is left out when plots are off (sweeps keep no charts per run).
            string htmlPath = Path.Combine(dir.Root, RunDirectory.HtmlReportFile);
            RunDirectory.Guard(htmlPath, () => RunReport.BuildHtml(run, analysis, summary, files).Save(htmlPath));
        }

        return summary;
    }

    /// <summary>
    /// The summary.json of a run cancelled before or during its end (<paramref name="during"/> "run" or "analysis"):
    /// the files that exist (<paramref name="written"/>, absolute, and the plots), no report.md.
    /// </summary>
    public static void WriteCancelled(RunDirectory dir, RecordedRunInfo info, long cashPerTickLot, long reachedNs, RunCounts counts, string during, IEnumerable<string> written, IEnumerable<PlotFile> plots)
    {
        var files = new List<string> { RunDirectory.SummaryFile };
        files.AddRange(written.Select(dir.Relative));
        files.AddRange(plots.Select(p => p.RelativePath));
        string summaryPath = Path.Combine(dir.Root, RunDirectory.SummaryFile);
        RunDirectory.Guard(summaryPath, () => RunSummaryJson.Cancelled(info, cashPerTickLot, reachedNs, counts, during, files).Save(summaryPath));
    }

    private static void StopIfCancelled(RecordedRun run, List<string> written, List<PlotFile> plots, CancellationToken cancellationToken)
    {
        if (!cancellationToken.IsCancellationRequested)
        {
            return;
        }

        WriteCancelled(run.Directory, run.Info, run.CashPerTickLot, run.EndNs, run.Counts, "analysis", written, plots);
        throw new OperationCanceledException("The run's analysis was cancelled; summary.json says so.", cancellationToken);
    }

    private static void WriteTables(RecordedRun run, RunAnalysisResult analysis, List<string> written, List<PlotFile> plots, CancellationToken cancellationToken)
    {
        string folder = run.Directory.Analysis;
        RecorderOptions o = run.Options;
        TapeUnits units = TapeUnits.Of(run.Info);
        TableFiles.Write<InUnits<LiquidationMetrics>, LiquidationMetricsRows>(folder, LiquidationsTable, run.Liquidations.Select(r => new InUnits<LiquidationMetrics>(r, units)), o, written);
        StopIfCancelled(run, written, plots, cancellationToken);
        TableFiles.Write<InUnits<CascadeSummary>, CascadeUnitRows>(folder, CascadesTable, analysis.Cascades.Select(r => new InUnits<CascadeSummary>(r, units)), o, written);
        StopIfCancelled(run, written, plots, cancellationToken);
        TableFiles.Write<InUnits<TakerOrder>, TakerOrderRows>(folder, ImpactOrdersTable, run.Orders.Select(r => new InUnits<TakerOrder>(r, units)), o, written);
        StopIfCancelled(run, written, plots, cancellationToken);
        TableFiles.Write<ImpactBin, ImpactBinRows>(folder, ImpactCurveTable, analysis.ImpactBins, o, written);
        StopIfCancelled(run, written, plots, cancellationToken);
        TableFiles.Write<AcfRow, AcfRows>(folder, ReturnAcfTable, AcfRowsOf(analysis), o, written);
        StopIfCancelled(run, written, plots, cancellationToken);
    }

    private static IEnumerable<AcfRow> AcfRowsOf(RunAnalysisResult analysis)
    {
        if (analysis.StylizedFacts is not { } f)
        {
            yield break;
        }

        for (int lag = 0; lag < f.ReturnAcf.Count; lag++)
        {
            yield return new AcfRow(lag, f.ReturnAcf[lag], f.AbsoluteReturnAcf[lag], f.ReturnAcfRobustBand[lag], f.NoiseBand);
        }
    }

    private static RunSummary Summarize(RecordedRun run, RunAnalysisResult analysis)
    {
        long notional = 0, fundUsage = 0;
        foreach (LiquidationMetrics m in run.Liquidations)
        {
            notional = checked(notional + m.ClosedNotional);
            fundUsage = checked(fundUsage + Math.Max(0, -m.FundDelta));
        }

        long shocks = 0;
        foreach (RecordedShock shock in run.Info.Shocks)
        {
            shocks = checked(shocks + shock.Notional);
        }

        CascadeSummary? largest = analysis.Largest;
        var facts = analysis.StylizedFacts;
        return new RunSummary
        {
            Scenario = run.Info.ScenarioName,
            Design = run.Info.DesignName,
            Seed = run.Info.Seed,
            Directory = run.Directory.Root,
            CashScale = run.Info.CashScale,
            StartNs = run.Info.StartNs,
            EndNs = run.EndNs,
            Counts = run.Counts,
            MarketOrders = run.Orders.Count,
            Volume = run.Volume,
            Liquidations = run.Liquidations.Count,
            Cascades = analysis.Cascades.Length,
            LargestCascadeSize = largest?.Count ?? 0,
            LiquidatedNotional = notional,
            Amplification = shocks > 0 ? (double)notional / shocks : double.NaN,
            LargestCascadeAmplification = largest?.Amplification ?? double.NaN,
            MaxDrawdown = analysis.MaxDrawdown,
            LargestCascadeMove = largest?.PeakToTroughRelative ?? double.NaN,
            BadDebt = run.BadDebt,
            PoolBadDebt = run.PoolBadDebt,
            FundUsage = fundUsage,
            FundNetChange = run.FundEnd - run.FundDeposits,
            UnrealizedBadDebt = run.Held.UnrealizedBadDebt,
            FundUnrealizedPnl = run.Held.FundUnrealizedPnl,
            FundMarkedNetChange = run.FundEnd - run.FundDeposits + run.Held.FundPositionValue,
            VaultUnrealizedPnl = run.Held.VaultUnrealizedPnl,
            PositionsInLiquidation = run.Held.PositionsInLiquidation,
            LotsInLiquidation = run.Held.LotsInLiquidation,
            AdlCount = run.AdlCount,
            AdlLots = run.AdlLots,
            MidRecoveryNs = largest?.MidRecoveryNs,
            DepthRecoveryNs = largest?.DepthRecoveryNs,
            ImpactExponent = analysis.ImpactFit.Exponent,
            ImpactPrefactor = analysis.ImpactFit.Prefactor,
            KyleLambda = analysis.KyleLambda.Slope,
            HillAlpha = facts?.Hill.Alpha ?? double.NaN,
            ReturnAcfLag1 = facts is { ReturnAcf.Count: > 1 } ? facts.ReturnAcf[1] : double.NaN,
            AbsReturnAcfLag1 = facts is { AbsoluteReturnAcf.Count: > 1 } ? facts.AbsoluteReturnAcf[1] : double.NaN,
            Hedge = run.Hedge,
            MarketMakerHedge = run.MarketMakerHedge,
            Dynamics = CascadeDynamics.Measure(run.Liquidations, [.. run.Info.Shocks.Select(s => s.TimeNs)], run.Mid, run.Depth),
        };
    }
}
