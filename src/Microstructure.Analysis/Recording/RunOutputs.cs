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

    public static RunSummary Write(RecordedRun run)
    {
        RunAnalysisResult analysis = RunAnalysis.Analyze(run);
        RunDirectory dir = run.Directory;
        var written = new List<string>(TableFiles.Existing(dir.Tape, TapeWriters.Names, run.Options.Formats));
        WriteTables(run, analysis, written);

        var plots = new List<PlotFile>();
        var skipped = new List<string> { "Plots are switched off (RecorderOptions.WritePlots)." };
        if (run.Options.WritePlots)
        {
            (plots, skipped) = RunPlots.Write(run, analysis);
        }

        RunSummary summary = Summarize(run, analysis);
        var files = new List<string> { RunDirectory.ReportFile, RunDirectory.SummaryFile };
        files.AddRange(written.Select(dir.Relative));
        files.AddRange(plots.Select(p => p.RelativePath));

        string summaryPath = Path.Combine(dir.Root, RunDirectory.SummaryFile);
        RunDirectory.Guard(summaryPath, () => RunSummaryJson.Build(run, analysis, summary, files).Save(summaryPath));
        string reportPath = Path.Combine(dir.Root, RunDirectory.ReportFile);
        RunDirectory.Guard(reportPath, () => RunReport.Build(run, analysis, summary, plots, skipped, files).Save(reportPath));
        return summary;
    }

    private static void WriteTables(RecordedRun run, RunAnalysisResult analysis, List<string> written)
    {
        string folder = run.Directory.Analysis;
        RecorderOptions o = run.Options;
        TableFiles.Write<LiquidationMetrics, LiquidationMetricsRows>(folder, LiquidationsTable, run.Liquidations, o, written);
        TableFiles.Write<CascadeSummary, CascadeSummaryRows>(folder, CascadesTable, analysis.Cascades, o, written);
        TableFiles.Write<TakerOrder, TakerOrderRows>(folder, ImpactOrdersTable, run.Orders, o, written);
        TableFiles.Write<ImpactBin, ImpactBinRows>(folder, ImpactCurveTable, analysis.ImpactBins, o, written);
        TableFiles.Write<AcfRow, AcfRows>(folder, ReturnAcfTable, AcfRowsOf(analysis), o, written);
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
            Dynamics = CascadeDynamics.Measure(run.Liquidations, [.. run.Info.Shocks.Select(s => s.TimeNs)], run.Mid, run.Depth),
        };
    }
}
