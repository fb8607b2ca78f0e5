using Microstructure.Analysis.Series;
using Microstructure.Engine;

namespace Microstructure.Analysis.Cascades;

/// <summary>
/// Per-cascade metrics (<see cref="CascadeSummary"/>) from liquidation records, their causal forest and the mid
/// and depth series. Cost: O(n) over the records plus, per cascade, the series observations inside the cascade
/// and up to its recovery (bounded by <see cref="CascadeOptions.RecoveryHorizonNs"/>).
/// </summary>
public static class CascadeAnalyzer
{
    /// <summary>Builds the forest of <paramref name="records"/> and analyses every tree.</summary>
    public static CascadeSummary[] Analyze(
        ReadOnlySpan<LiquidationRecord> records,
        StepSeries mid,
        StepSeries? depth = null,
        CascadeOptions? options = null) =>
        Analyze(records, CascadeForest.Build(records), mid, depth, options);

    /// <summary>Analyses every tree of an already built <paramref name="forest"/> over <paramref name="records"/>.</summary>
    public static CascadeSummary[] Analyze(
        ReadOnlySpan<LiquidationRecord> records,
        CascadeForest forest,
        StepSeries mid,
        StepSeries? depth = null,
        CascadeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(forest);
        forest.ThrowIfNotBuiltFrom(records.Length, nameof(forest));

        options ??= CascadeOptions.Default;
        options.Validate();
        var result = new CascadeSummary[forest.TreeCount];
        for (int tree = 0; tree < forest.TreeCount; tree++)
        {
            result[tree] = AnalyzeTree(records, forest, tree, mid, depth, options);
        }

        return result;
    }

    private static CascadeSummary AnalyzeTree(
        ReadOnlySpan<LiquidationRecord> records,
        CascadeForest forest,
        int tree,
        StepSeries mid,
        StepSeries? depth,
        CascadeOptions options)
    {
        ReadOnlySpan<int> members = forest.Members(tree);
        LiquidationRecord root = records[members[0]];
        long end = root.TimeNs, buy = 0, sell = 0;
        int waves = 1;
        foreach (int i in members)
        {
            LiquidationRecord r = records[i];
            end = Math.Max(end, r.TimeNs);
            waves = Math.Max(waves, forest.WaveOf[i]);
            // Checked: a sum past long.MaxValue means the cash scale is too fine for this run; say so, do not wrap.
            if (r.Side == Side.Buy)
            {
                buy = checked(buy + r.Notional);
            }
            else
            {
                sell = checked(sell + r.Notional);
            }
        }

        Side direction = sell >= buy ? Side.Sell : Side.Buy;
        long midBefore = root.MidBefore > 0 ? root.MidBefore : ValueBefore(mid, root.TimeNs) ?? 0;
        (long extreme, long move) = MidExcursion(records, members, mid, root.TimeNs, end, midBefore, direction);
        long shock = options.ShockNotionalFor(root.Id);
        long total = checked(buy + sell);
        long untilNs = end > long.MaxValue - options.RecoveryHorizonNs ? long.MaxValue : end + options.RecoveryHorizonNs;

        long? midRecovery = null;
        if (midBefore > 0)
        {
            var band = new WithinBand(midBefore, options.MidRecoveryTolerance * midBefore);
            midRecovery = RecoveryScan.FirstSustained(mid, end, options.RecoveryHoldNs, untilNs, band) - end;
        }

        long? depthBefore = null, minDepth = null, depthRecovery = null;
        if (depth is { } d && ValueBefore(d, root.TimeNs) is { } d0)
        {
            depthBefore = d0;
            minDepth = MinOver(d, root.TimeNs, end);
            var floor = new AtLeast((1 - options.DepthRecoveryTolerance) * d0);
            depthRecovery = RecoveryScan.FirstSustained(d, end, options.RecoveryHoldNs, untilNs, floor) - end;
        }

        return new CascadeSummary
        {
            TreeIndex = tree,
            RootId = root.Id,
            StartNs = root.TimeNs,
            EndNs = end,
            Count = members.Length,
            Waves = waves,
            TotalNotional = total,
            BuyNotional = buy,
            SellNotional = sell,
            Direction = direction,
            MidBefore = midBefore,
            ExtremeMid = extreme,
            PeakToTrough = move,
            PeakToTroughRelative = midBefore > 0 ? (double)move / midBefore : double.NaN,
            ShockNotional = shock,
            Amplification = shock > 0 ? (double)total / shock : double.NaN,
            MidRecoveryNs = midRecovery,
            DepthBefore = depthBefore,
            MinDepth = minDepth,
            DepthRecoveryNs = depthRecovery,
        };
    }

    /// <summary>The last value strictly before <paramref name="timeNs"/>, else the first value at or after it.</summary>
    private static long? ValueBefore(StepSeries series, long timeNs)
    {
        int i = series.IndexBefore(timeNs);
        if (i >= 0)
        {
            return series.Values[i];
        }

        return series.IsEmpty ? null : series.Values[0];
    }

    private static long? MinOver(StepSeries series, long startNs, long endNs)
    {
        int i = Math.Max(0, series.IndexAtOrBefore(startNs));
        long? min = null;
        ReadOnlySpan<long> times = series.Times;
        for (; i < times.Length && times[i] <= endNs; i++)
        {
            min = min is { } m ? Math.Min(m, series.Values[i]) : series.Values[i];
        }

        return min;
    }

    /// <summary>
    /// Walks the mid path of the cascade in time order — MidBefore, then the records' mids before/after and the mid
    /// series observations in [start, end] (records first on equal times) — and returns the extreme mid and the
    /// maximum drawdown (sell cascade) or run-up (buy cascade).
    /// </summary>
    private static (long Extreme, long Move) MidExcursion(
        ReadOnlySpan<LiquidationRecord> records,
        ReadOnlySpan<int> members,
        StepSeries mid,
        long start,
        long end,
        long midBefore,
        Side direction)
    {
        // Sell cascades: track the running peak and the deepest fall below it; buy cascades mirror it by negation.
        long sign = direction == Side.Sell ? 1 : -1;
        var walk = new ExcursionWalk(sign);
        walk.Visit(midBefore);
        ReadOnlySpan<long> times = mid.Times;
        ReadOnlySpan<long> values = mid.Values;
        // Observations strictly before start are history (MidBefore stands for them); those at start onwards are walked.
        int j = mid.IndexBefore(start) + 1;
        foreach (int i in members)
        {
            LiquidationRecord r = records[i];
            for (; j < times.Length && times[j] < r.TimeNs; j++)
            {
                walk.Visit(values[j]);
            }

            walk.Visit(r.MidBefore);
            walk.Visit(r.MidAfter);
        }

        for (; j < times.Length && times[j] <= end; j++)
        {
            walk.Visit(values[j]);
        }

        return walk.Extreme == long.MaxValue ? (0, 0) : (walk.Extreme * sign, walk.Move);
    }

    /// <summary>Running maximum and maximum drawdown of a (sign-adjusted) path; unknown mids (≤ 0) are skipped.</summary>
    private struct ExcursionWalk(long sign)
    {
        private long _peak = long.MinValue;

        public long Extreme { get; private set; } = long.MaxValue;

        public long Move { get; private set; }

        public void Visit(long mid)
        {
            if (mid <= 0)
            {
                return;
            }

            long v = mid * sign;
            _peak = Math.Max(_peak, v);
            Extreme = Math.Min(Extreme, v);
            Move = Math.Max(Move, _peak - v);
        }
    }
}
