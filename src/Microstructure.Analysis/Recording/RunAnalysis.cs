using Microstructure.Analysis.Cascades;
using Microstructure.Analysis.Impact;
using Microstructure.Analysis.Series;
using Microstructure.Analysis.Statistics;
using Microstructure.Analysis.StylizedFacts;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// The analysis at the end of a run, over what the recorder kept: the cascade forest and per-cascade metrics, the
/// impact of every aggressive order with the square-root-law fit, Kyle's λ, the stylized facts of the mid's returns
/// and the run's maximum drawdown. Fills each order's mid later and Q/V in place.
/// </summary>
internal static class RunAnalysis
{
    /// <summary>Fewer returns than this give no stylized facts (the estimators need a sample).</summary>
    public const int MinReturns = 20;

    public static RunAnalysisResult Analyze(RecordedRun run)
    {
        RecorderOptions options = run.Options;
        CascadeForest forest = CascadeForest.Build(run.Records);
        CascadeOptions cascadeOptions = options.Cascades with { ShockNotionalByRoot = ShocksByRoot(run, forest) };
        CascadeSummary[] cascades = CascadeAnalyzer.Analyze(
            run.Records, forest, run.Mid, run.Depth.IsEmpty ? null : run.Depth, cascadeOptions);
        RefineDepth(cascades, run.Depth, cascadeOptions);
        AssignTrees(run, forest);

        long firstMid = run.Mid.IsEmpty ? 0 : run.Mid.Times[0];
        double sigma = run.Mid.IsEmpty ? double.NaN : ImpactScale.VolatilityPerWindow(run.Mid, firstMid, options.ImpactWindowNs);
        long duration = run.EndNs - run.Info.StartNs;
        double volume = run.Volume > 0 ? ImpactScale.VolumePerWindow(run.Volume, duration, options.ImpactWindowNs) : double.NaN;
        ImpactBin[] bins = ImpactOfOrders(run, volume);
        SquareRootLawFit fit = sigma > 0
            ? SquareRootLaw.Fit(bins, sigma)
            : new SquareRootLawFit(double.NaN, double.NaN, double.NaN, double.NaN, 0, sigma, double.NaN);

        return new RunAnalysisResult
        {
            Forest = forest,
            Cascades = cascades,
            ImpactBins = bins,
            ImpactFit = fit,
            VolumePerWindow = volume,
            SigmaPerWindow = sigma,
            KyleLambda = run.Mid.IsEmpty ? LinearFit.Undefined(0) : Kyle(run, firstMid),
            StylizedFacts = run.Mid.IsEmpty ? null : Facts(run.Mid, firstMid, options),
            MaxDrawdown = MaxDrawdown(run.Mid),
        };
    }

    /// <summary>Largest (peak − mid) / peak over the two-sided mid series, peak the running maximum.</summary>
    public static double MaxDrawdown(StepSeries mid)
    {
        long peak = 0;
        double worst = 0;
        foreach (long m in mid.Values)
        {
            peak = Math.Max(peak, m);
            worst = Math.Max(worst, (double)(peak - m) / peak);
        }

        return worst;
    }

    /// <summary>
    /// Depth is only seen at L2 snapshots, and a cascade runs inside one command: the depth "holding" when it ends is
    /// the last snapshot before it, which knows nothing of the damage. So the minimum depth is taken over the snapshots
    /// from the start up to the first one after the end, and the recovery is searched from that first snapshot after the
    /// end (still counted from the end): the resolution is the snapshot interval.
    /// </summary>
    private static void RefineDepth(CascadeSummary[] cascades, StepSeries depth, CascadeOptions options)
    {
        ReadOnlySpan<long> times = depth.Times;
        ReadOnlySpan<long> values = depth.Values;
        for (int i = 0; i < cascades.Length; i++)
        {
            CascadeSummary c = cascades[i];
            if (c.DepthBefore is not { } before)
            {
                continue;
            }

            int after = depth.IndexAtOrBefore(c.EndNs) + 1;
            long? min = null;
            for (int j = depth.IndexBefore(c.StartNs) + 1; j < times.Length && j <= after; j++)
            {
                min = Math.Min(min ?? long.MaxValue, values[j]);
            }

            long? recovery = null;
            if (after < times.Length)
            {
                long until = c.EndNs > long.MaxValue - options.RecoveryHorizonNs ? long.MaxValue : c.EndNs + options.RecoveryHorizonNs;
                var floor = new AtLeast((1 - options.DepthRecoveryTolerance) * before);
                recovery = RecoveryScan.FirstSustained(depth, times[after], options.RecoveryHoldNs, until, floor) - c.EndNs;
            }

            cascades[i] = c with { MinDepth = min, DepthRecoveryNs = recovery };
        }
    }

    /// <summary>
    /// Each cascade's shock: the last shock time at or before its root, with the notionals of every shock at that time
    /// added (a market sell and an index jump at the same second are one event, whatever order the scenario lists them
    /// in). No shock before it: none, amplification NaN.
    /// </summary>
    private static Dictionary<long, long> ShocksByRoot(RecordedRun run, CascadeForest forest)
    {
        var byRoot = new Dictionary<long, long>();
        IReadOnlyList<RecordedShock> shocks = run.Info.Shocks;
        foreach (int root in forest.Roots)
        {
            LiquidationRecord r = run.Records[root];
            long notional = 0;
            long last = long.MinValue;
            foreach (RecordedShock s in shocks)
            {
                if (s.TimeNs > r.TimeNs)
                {
                    continue;
                }

                if (s.TimeNs != last)
                {
                    last = s.TimeNs;
                    notional = 0;
                }

                notional = checked(notional + s.Notional);
            }

            byRoot[r.Id] = notional;
        }

        return byRoot;
    }

    private static void AssignTrees(RecordedRun run, CascadeForest forest)
    {
        for (int i = 0; i < run.Liquidations.Count; i++)
        {
            run.Liquidations[i].Cascade = forest.TreeOf[i];
            run.Liquidations[i].Wave = forest.WaveOf[i];
        }
    }

    private static ImpactBin[] ImpactOfOrders(RecordedRun run, double volumePerWindow)
    {
        List<TakerOrder> orders = run.Orders;
        var sizes = new double[orders.Count];
        var impacts = new double[orders.Count];
        for (int i = 0; i < orders.Count; i++)
        {
            TakerOrder o = orders[i];
            o.MidLater = ImpactMeasures.MidAfterHorizon(run.Mid, o.TimeNs, run.Options.PermanentImpactHorizonNs);
            o.SizeOverVolume = volumePerWindow > 0 ? o.Quantity / volumePerWindow : double.NaN;
            orders[i] = o;
            sizes[i] = o.SizeOverVolume;
            impacts[i] = ImpactMeasures.Immediate(o.Impact);
        }

        return ImpactBinning.LogBins(sizes, impacts);
    }

    private static LinearFit Kyle(RecordedRun run, long startNs)
    {
        List<TakerOrder> orders = run.Orders;
        var times = new long[orders.Count];
        var signed = new long[orders.Count];
        for (int i = 0; i < orders.Count; i++)
        {
            times[i] = orders[i].TimeNs;
            signed[i] = ImpactMeasures.Sign(orders[i].Side) * orders[i].Quantity;
        }

        return KyleLambda.FromTape(times, signed, run.Mid, startNs, run.Options.ReturnIntervalNs);
    }

    private static StylizedFactsReport? Facts(StepSeries mid, long startNs, RecorderOptions options)
    {
        double[] returns = LogReturns.FromSeries(mid, startNs, options.ReturnIntervalNs);
        if (returns.Length < MinReturns)
        {
            return null;
        }

        // Short runs: at most a quarter of the sample in lags, so every lag has enough pairs.
        StylizedFactsOptions o = options.StylizedFacts;
        int maxLag = Math.Min(o.MaxLag, returns.Length / 4);
        o = o with
        {
            MaxLag = maxLag,
            ClusteringLags = Math.Min(o.ClusteringLags, maxLag),
            LinearAcfFromLag = Math.Min(o.LinearAcfFromLag, maxLag),
        };
        return StylizedFactsAnalyzer.Analyze(returns, o);
    }
}
