using Microstructure.Risk.Margin;

namespace Microstructure.Risk.Monitoring;

/// <summary>
/// Computes a <see cref="RiskSnapshot"/> from a <see cref="PositionCopy"/>: the liquidation map, the "within x%"
/// sums, open interest, the leverage and margin-ratio percentiles, concentration and coverage. Pure: the result
/// depends only on the copy, so it is the same on whichever thread it runs. Not thread-safe (one caller at a time: its
/// scratch buffers are reused); allocates nothing.
/// </summary>
internal sealed class SnapshotCalculator
{
    private const int Top = 10;
    private static readonly int[] Percentiles = [10, 50, 90, 99];

    private readonly RiskMonitorOptions _options;
    private readonly MarginModel _margin;
    private readonly long _k;
    private readonly long[] _leverage;
    private readonly long[] _marginRatio;
    private readonly long[] _top = new long[Top];
    private readonly long[] _percentiles = new long[4];

    public SnapshotCalculator(RiskMonitorOptions options, MarginModel margin, long cashPerTickLot, int accounts)
    {
        _options = options;
        _margin = margin;
        _k = cashPerTickLot;
        _leverage = new long[accounts];
        _marginRatio = new long[accounts];
    }

    /// <summary>Fills <paramref name="s"/> from <paramref name="copy"/>.</summary>
    public void Compute(PositionCopy copy, RiskSnapshot s)
    {
        long mark = copy.Mark;
        long k = _k;
        long multiplier = copy.Multiplier;
        int perSide = _options.BucketsPerSide;
        long width = _options.BucketWidth;
        long low = RiskSnapshot.BucketEdge(mark, -perSide, width);
        long high = RiskSnapshot.BucketEdge(mark, perSide, width);
        Array.Clear(s.LongBuckets);
        Array.Clear(s.ShortBuckets);
        Array.Clear(_top);
        long grossLots = 0, within1 = 0, within2 = 0, within5 = 0;
        Int128 squares = 0;
        int longs = 0, shorts = 0, underwater = 0, n = 0;
        long[] lotsIn = copy.Lots, cashIn = copy.Cash, basisIn = copy.CostBasis, thresholdIn = copy.Threshold;
        for (int i = 0; i < copy.Count; i++)
        {
            long lots = lotsIn[i];
            long size = Math.Abs(lots);
            if (lots > 0)
            {
                longs++;
            }
            else
            {
                shorts++;
            }

            grossLots += size;
            squares += (Int128)size * size;
            InsertTop(size);
            long notional = size * mark * k;
            long equity = _margin.Equity(cashIn[i], lots, mark);
            if (equity <= 0)
            {
                underwater++;
            }
            else
            {
                _leverage[n] = FixedPoint.MulDivFloor(notional, FixedPoint.RateScale, equity);
                _marginRatio[n] = MarginModel.MarginRatio(equity, _margin.Maintenance(lots, basisIn[i], mark, multiplier));
                n++;
            }

            long threshold = thresholdIn[i];
            if (threshold == PositionCopy.NoThreshold)
            {
                continue;
            }

            long atRisk = size * threshold * k;
            long distance = Math.Abs(threshold - mark) * 100;
            if (distance <= mark * 5)
            {
                within5 += atRisk;
                if (distance <= mark * 2)
                {
                    within2 += atRisk;
                    if (distance <= mark)
                    {
                        within1 += atRisk;
                    }
                }
            }

            if (threshold >= low && threshold < high)
            {
                int bucket = BucketOf(mark, threshold, perSide, width);
                (lots > 0 ? s.LongBuckets : s.ShortBuckets)[bucket] += atRisk;
            }
        }

        s.Sequence = copy.Sequence;
        s.TimeNs = copy.TimeNs;
        s.Mark = mark;
        s.OpenInterestLots = copy.OpenInterestLots;
        s.OpenInterestNotional = copy.OpenInterestLots * mark * k;
        s.LongAccounts = longs;
        s.ShortAccounts = shorts;
        s.LongShortRatio = shorts == 0 ? null : FixedPoint.MulDivFloor(longs, FixedPoint.RateScale, shorts);
        s.UnderwaterAccounts = underwater;
        bool any = SelectPercentiles(_leverage.AsSpan(0, n));
        s.LeverageP10 = any ? _percentiles[0] : null;
        s.LeverageP50 = any ? _percentiles[1] : null;
        s.LeverageP90 = any ? _percentiles[2] : null;
        s.LeverageP99 = any ? _percentiles[3] : null;
        SelectPercentiles(_marginRatio.AsSpan(0, n));
        s.MarginRatioP10 = any ? _percentiles[0] : null;
        s.MarginRatioP50 = any ? _percentiles[1] : null;
        s.MarginRatioP90 = any ? _percentiles[2] : null;
        s.MarginRatioP99 = any ? _percentiles[3] : null;
        long top = 0;
        foreach (long size in _top)
        {
            top += size;
        }

        s.Top10Share = grossLots == 0 ? null : FixedPoint.MulDivFloor(top, FixedPoint.RateScale, grossLots);
        s.Herfindahl = grossLots == 0 ? null : (long)(squares * FixedPoint.RateScale / ((Int128)grossLots * grossLots));
        s.FundEquity = copy.FundEquity;
        s.Within1Pct = within1;
        s.Within2Pct = within2;
        s.Within5Pct = within5;
        s.Coverage1Pct = Coverage(s.FundEquity, within1);
        s.Coverage2Pct = Coverage(s.FundEquity, within2);
        s.Coverage5Pct = Coverage(s.FundEquity, within5);
    }

    /// <summary>The bucket (0 … 2·perSide − 1) whose [low, next low) holds <paramref name="price"/>; the price must be in range.</summary>
    internal static int BucketOf(long mark, long price, int perSide, long width)
    {
        long j = FixedPoint.FloorDiv(FixedPoint.MulDivFloor(price - mark, FixedPoint.RateScale, mark), width);
        j = Math.Clamp(j, -perSide, perSide - 1);
        while (j < perSide - 1 && RiskSnapshot.BucketEdge(mark, j + 1, width) <= price)
        {
            j++;
        }

        while (j > -perSide && RiskSnapshot.BucketEdge(mark, j, width) > price)
        {
            j--;
        }

        return (int)(j + perSide);
    }

    /// <summary>The nearest-rank index (0-based) of percentile <paramref name="p"/> among <paramref name="n"/> values.</summary>
    internal static int RankOf(int p, int n) => Math.Max(0, (int)(((long)p * n + 99) / 100) - 1);

    private static long? Coverage(long equity, long notional) =>
        notional == 0 ? null : FixedPoint.MulDivFloor(equity, FixedPoint.RateScale, notional);

    /// <summary>p10, p50, p90, p99 of <paramref name="values"/> into _percentiles by successive in-place selection.</summary>
    private bool SelectPercentiles(Span<long> values)
    {
        if (values.IsEmpty)
        {
            return false;
        }

        int from = 0;
        for (int i = 0; i < Percentiles.Length; i++)
        {
            int rank = RankOf(Percentiles[i], values.Length);
            _percentiles[i] = Select(values, from, rank);
            from = rank;
        }

        return true;
    }

    /// <summary>Quickselect (median-of-three, three-way partition: many equal leverages stay linear) of rank k within [lo, end).</summary>
    private static long Select(Span<long> a, int lo, int k)
    {
        int hi = a.Length - 1;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            long x = a[lo], y = a[mid], z = a[hi];
            long pivot = Math.Max(Math.Min(x, y), Math.Min(Math.Max(x, y), z));
            int lt = lo, i = lo, gt = hi;
            while (i <= gt)
            {
                long v = a[i];
                if (v < pivot)
                {
                    (a[lt], a[i]) = (a[i], a[lt]);
                    lt++;
                    i++;
                }
                else if (v > pivot)
                {
                    (a[gt], a[i]) = (a[i], a[gt]);
                    gt--;
                }
                else
                {
                    i++;
                }
            }

            if (k < lt)
            {
                hi = lt - 1;
            }
            else if (k > gt)
            {
                lo = gt + 1;
            }
            else
            {
                return pivot;
            }
        }

        return a[k];
    }

    private void InsertTop(long size)
    {
        if (size <= _top[Top - 1])
        {
            return;
        }

        int i = Top - 1;
        while (i > 0 && _top[i - 1] < size)
        {
            _top[i] = _top[i - 1];
            i--;
        }

        _top[i] = size;
    }
}
