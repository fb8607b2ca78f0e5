using Microstructure.Risk.Detection;
using Microstructure.Risk.Ledger;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;

namespace Microstructure.Risk.Monitoring;

/// <summary>
/// The market-wide risk monitor: attached to an exchange (<c>Exchange.AttachMonitor</c>), it reads the exchange's
/// own state — the ledger's positions and the threshold indexes' liquidation prices — after the first command at or
/// past each interval boundary, on the business-logic thread, into a preallocated <see cref="RiskSnapshot"/>, and
/// hands a copy to whoever reads the run (<see cref="TryTake"/>, any thread, in order).
/// </summary>
/// <remarks>
/// <para>Cost: one pass over the accounts holding a position plus four in-place selections for the percentiles
/// (O(positions)); no allocation in steady state (the buffers are sized to the exchange's accounts when attached, and
/// handed-over snapshots come back through <see cref="Return"/> to a pool). docs/performance.md gives the measured cost.</para>
/// <para>The reader takes a snapshot when it has seen every event of its command: when an event of a later command
/// arrives, or at the end of the run. The snapshot depends only on the command stream, so it is deterministic in
/// both kernel modes.</para>
/// </remarks>
public sealed class RiskMonitor
{
    private const int Top = 10;
    private static readonly int[] Percentiles = [10, 50, 90, 99];

    private readonly RiskMonitorOptions _options;
    private readonly RiskSnapshot _work;
    private readonly Queue<RiskSnapshot> _ready = new(64);
    private readonly Stack<RiskSnapshot> _free = new(64);
    private readonly long[] _top = new long[Top];
    private readonly long[] _percentiles = new long[4];
    private readonly Lock _lock = new();
    private long[] _leverage = [];
    private long[] _marginRatio = [];
    private AccountBook? _book;
    private BreachDetector? _detector;
    private MarginModel? _margin;
    private MarketState? _market;
    private long _k;
    private long _due = long.MinValue;

    /// <summary>Creates a monitor; attach it to one exchange before its first command.</summary>
    /// <param name="options">Interval and buckets; null = <see cref="RiskMonitorOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">An option is invalid.</exception>
    public RiskMonitor(RiskMonitorOptions? options = null)
    {
        _options = options ?? RiskMonitorOptions.Default;
        _options.Validate();
        _work = NewSnapshot();
        for (int i = 0; i < 16; i++)
        {
            _free.Push(NewSnapshot());
        }
    }

    /// <summary>The options.</summary>
    public RiskMonitorOptions Options => _options;

    /// <summary>Snapshots taken so far.</summary>
    public long Taken { get; private set; }

    /// <summary>
    /// The oldest snapshot not yet taken whose command sequence is below <paramref name="beforeSequence"/> (use
    /// <see cref="long.MaxValue"/> at the end of the run). Give it back with <see cref="Return"/>.
    /// </summary>
    public bool TryTake(long beforeSequence, out RiskSnapshot snapshot)
    {
        lock (_lock)
        {
            if (_ready.Count > 0 && _ready.Peek().Sequence < beforeSequence)
            {
                snapshot = _ready.Dequeue();
                return true;
            }
        }

        snapshot = null!;
        return false;
    }

    /// <summary>Gives a snapshot from <see cref="TryTake"/> back to the pool.</summary>
    public void Return(RiskSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        lock (_lock)
        {
            _free.Push(snapshot);
        }
    }

    /// <summary>Binds the monitor to an exchange's parts (once).</summary>
    internal void Bind(AccountBook book, BreachDetector detector, MarginModel margin, MarketState market, long cashPerTickLot)
    {
        if (_book is not null)
        {
            throw new InvalidOperationException("This risk monitor is already attached to an exchange.");
        }

        _book = book;
        _detector = detector;
        _margin = margin;
        _market = market;
        _k = cashPerTickLot;
        _leverage = new long[book.Count];
        _marginRatio = new long[book.Count];
    }

    /// <summary>After each command: a snapshot when the clock reached the next boundary and something priced the contract.</summary>
    internal void AfterCommand(long sequence)
    {
        long now = _market!.Now;
        if (now < _due || _market.Mark <= 0)
        {
            return;
        }

        long interval = _options.IntervalNs;
        _due = (FixedPoint.FloorDiv(now, interval) + 1) * interval;
        Capture(sequence);
        Publish();
    }

    /// <summary>Fills the working snapshot from the exchange's state (no allocation). Internal for the tests and the benchmark.</summary>
    internal RiskSnapshot Capture(long sequence)
    {
        var book = _book!;
        var detector = _detector!;
        var margin = _margin!;
        RiskSnapshot s = _work;
        long mark = _market!.Mark;
        long k = _k;
        int perSide = _options.BucketsPerSide;
        long width = _options.BucketWidth;
        long low = RiskSnapshot.BucketEdge(mark, -perSide, width);
        long high = RiskSnapshot.BucketEdge(mark, perSide, width);
        Array.Clear(s.LongBuckets);
        Array.Clear(s.ShortBuckets);
        Array.Clear(_top);
        long oiLots = 0, grossLots = 0, within1 = 0, within2 = 0, within5 = 0;
        Int128 squares = 0;
        int longs = 0, shorts = 0, underwater = 0, n = 0;
        foreach (int account in book.Positions)
        {
            ref var a = ref book[account];
            long lots = a.Lots;
            if (lots > 0)
            {
                oiLots += lots;
            }

            if (lots == 0 || a.IsSystem)
            {
                continue;
            }

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
            long equity = margin.Equity(a.MarginCash, lots, mark);
            if (equity <= 0)
            {
                underwater++;
            }
            else
            {
                _leverage[n] = FixedPoint.MulDivFloor(notional, FixedPoint.RateScale, equity);
                _marginRatio[n] = MarginModel.MarginRatio(equity, margin.Maintenance(lots, a.CostBasis, mark));
                n++;
            }

            if (!detector.TryGetThreshold(account, out long threshold))
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

        s.Sequence = sequence;
        s.TimeNs = _market.Now;
        s.Mark = mark;
        s.OpenInterestLots = oiLots;
        s.OpenInterestNotional = oiLots * mark * k;
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
        s.FundEquity = book.FundEquity;
        s.Within1Pct = within1;
        s.Within2Pct = within2;
        s.Within5Pct = within5;
        s.Coverage1Pct = Coverage(s.FundEquity, within1);
        s.Coverage2Pct = Coverage(s.FundEquity, within2);
        s.Coverage5Pct = Coverage(s.FundEquity, within5);
        Taken++;
        return s;
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

    private void Publish()
    {
        lock (_lock)
        {
            RiskSnapshot copy = _free.Count > 0 ? _free.Pop() : NewSnapshot();
            copy.CopyFrom(_work);
            _ready.Enqueue(copy);
        }
    }

    private RiskSnapshot NewSnapshot() => new(_options.BucketsPerSide, _options.BucketWidth);
}
