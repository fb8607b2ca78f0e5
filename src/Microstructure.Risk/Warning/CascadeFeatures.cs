namespace Microstructure.Risk.Warning;

/// <summary>
/// The features of the cascade early warning, computed by ONE streaming class: fed the run's events in time order
/// (trades, top-of-book changes, L2 depth snapshots, liquidation triggers, the liquidation-map cells of a monitor
/// snapshot) and asked for the feature vector at each risk-monitor snapshot. Pure and deterministic: integer inputs
/// only, no clock, no randomness; a feature at time t depends only on what was fed with time ≤ t (feeding an event
/// older than the last one fed is refused), so the same code can be fed live inside a run (issue 15 §3).
/// </summary>
/// <remarks>
/// Windows counted in snapshots are seconds at the monitor's default interval (one snapshot per published mark, 1 s).
/// Money in cash units, prices in ticks, mids in half ticks, as on the tapes (docs/outputs.md §3); ratios are plain
/// fractions. A feature with nothing to compute it from is NaN (LightGbm's "missing").
/// </remarks>
internal sealed class CascadeFeatures
{
    /// <summary>The realized-volatility windows, in snapshots (seconds).</summary>
    public static readonly int[] VolatilityWindows = [10, 30, 120];

    /// <summary>The mark-return windows, in snapshots (seconds).</summary>
    public static readonly int[] ReturnWindows = [10, 60];

    /// <summary>The trade and liquidation-fill windows, ns.</summary>
    public static readonly long[] FlowWindowsNs = [10_000_000_000, 60_000_000_000];

    /// <summary>Bands of the liquidation map, percent of the mark.</summary>
    public static readonly int[] MapBandsPct = [1, 2, 5];

    /// <summary>The feature names, in vector order (the dataset's column names).</summary>
    public static readonly string[] Names =
    [
        // The monitor: the liquidation map around the mark, split long (below) / short (above).
        "map_long_below_1pct", "map_long_below_2pct", "map_long_below_5pct",
        "map_short_above_1pct", "map_short_above_2pct", "map_short_above_5pct",
        "within_1pct", "within_2pct", "within_5pct",
        "within_1pct_share_of_oi", "within_5pct_share_of_oi",
        "open_interest_notional", "long_short_ratio", "underwater_accounts",
        "leverage_p50", "leverage_p90", "leverage_p99",
        "margin_ratio_p50", "margin_ratio_p90", "margin_ratio_p99",
        "top10_share", "herfindahl",
        "fund_equity", "coverage_1pct", "coverage_2pct", "coverage_5pct",
        // The book.
        "spread_rel", "l1_imbalance", "depth_1pct_lots", "depth_1pct_imbalance",
        // Realized volatility and momentum of the book's mid and the mark.
        "realized_vol_10s", "realized_vol_30s", "realized_vol_120s",
        "mark_return_10s", "mark_return_60s",
        // Basis: the mark against the book's mid (the index is on no tape).
        "basis_mark_vs_mid",
        // Flow.
        "traded_lots_10s", "signed_lots_10s", "traded_lots_60s", "signed_lots_60s",
        "liquidation_fill_notional_10s", "liquidation_fill_notional_60s",
        "seconds_since_last_liquidation",
    ];

    /// <summary>Number of features.</summary>
    public const int Count = 43;

    /// <summary>
    /// What a missing feature (NaN) becomes for the model: a value below every real one, so each tree sends it the same
    /// way in training (ML.NET) and live (<see cref="CascadeEnsemble"/>) — ML.NET's public tree view does not expose
    /// LightGbm's learned direction for missing values, so the model never sees a NaN.
    /// </summary>
    public const float MissingValue = -1e30f;

    private const double Rate = 100_000_000d;

    private readonly FlowWindow[] _trades;
    private readonly FlowWindow[] _liquidationFills;
    private readonly long[] _mids;
    private readonly long[] _marks;
    private long _snapshots;
    private long _lastTimeNs = long.MinValue;

    private long _bid, _bidQty, _ask, _askQty;
    private long _lastTradePrice;
    private long _depthBid, _depthAsk;
    private bool _haveDepth;
    private long _lastLiquidationNs = long.MinValue;

    private long _cellsTimeNs = long.MinValue;
    private long _cellsMark;
    private readonly long[] _longBelow = new long[3];
    private readonly long[] _shortAbove = new long[3];

    /// <summary>A fresh stream (no event fed yet).</summary>
    public CascadeFeatures()
    {
        _trades = [.. FlowWindowsNs.Select(w => new FlowWindow(w))];
        _liquidationFills = [.. FlowWindowsNs.Select(w => new FlowWindow(w))];
        int history = Math.Max(VolatilityWindows.Max(), ReturnWindows.Max()) + 1;
        _mids = new long[history];
        _marks = new long[history];
    }

    /// <summary>A feature as the model takes it: single precision (as ML.NET's feature vectors), NaN as <see cref="MissingValue"/>.</summary>
    public static float ModelInput(double feature) => double.IsNaN(feature) ? MissingValue : (float)feature;

    /// <summary>A fill: price (ticks), quantity (lots), aggressor side, and its liquidation-fill notional (0 = not a liquidation's fill).</summary>
    public void OnTrade(long timeNs, long price, long quantity, bool buyAggressor, long liquidationNotional)
    {
        Advance(timeNs);
        _lastTradePrice = price;
        long signed = buyAggressor ? quantity : -quantity;
        foreach (FlowWindow w in _trades)
        {
            w.Add(timeNs, quantity, signed);
        }

        if (liquidationNotional > 0)
        {
            foreach (FlowWindow w in _liquidationFills)
            {
                w.Add(timeNs, liquidationNotional, 0);
            }
        }
    }

    /// <summary>A change of the best bid or ask (ticks and lots; 0 = empty side).</summary>
    public void OnTopOfBook(long timeNs, long bid, long bidQty, long ask, long askQty)
    {
        Advance(timeNs);
        (_bid, _bidQty, _ask, _askQty) = (bid, bidQty, ask, askQty);
    }

    /// <summary>An L2 snapshot: visible lots within the depth band (±1% of the mid) on each side.</summary>
    public void OnDepth(long timeNs, long bidLots, long askLots)
    {
        Advance(timeNs);
        (_depthBid, _depthAsk, _haveDepth) = (bidLots, askLots, true);
    }

    /// <summary>A liquidation was triggered (its trigger time).</summary>
    public void OnLiquidation(long timeNs)
    {
        Advance(timeNs);
        _lastLiquidationNs = timeNs;
    }

    /// <summary>
    /// One non-empty bucket of the liquidation map of the snapshot at <paramref name="timeNs"/> (fed before that
    /// snapshot): prices in ticks, notionals in cash units, <paramref name="bucket"/> &lt; 0 below the mark.
    /// </summary>
    public void OnMapCell(long timeNs, long mark, long bucket, long priceLow, long priceHigh, long longNotional, long shortNotional)
    {
        Advance(timeNs);
        if (timeNs != _cellsTimeNs)
        {
            Array.Clear(_longBelow);
            Array.Clear(_shortAbove);
            _cellsTimeNs = timeNs;
            _cellsMark = mark;
        }

        for (int i = 0; i < MapBandsPct.Length; i++)
        {
            // A bucket counts when it lies wholly within the band: below, its low edge is within x% under the mark;
            // above, its high edge within x% over it.
            if (bucket < 0 && (Int128)(mark - priceLow) * 100 <= (Int128)mark * MapBandsPct[i])
            {
                _longBelow[i] = checked(_longBelow[i] + longNotional);
            }
            else if (bucket >= 0 && (Int128)(priceHigh - mark) * 100 <= (Int128)mark * MapBandsPct[i])
            {
                _shortAbove[i] = checked(_shortAbove[i] + shortNotional);
            }
        }
    }

    /// <summary>
    /// The risk-monitor snapshot at <see cref="MonitorRow.TimeNs"/>: writes the <see cref="Count"/> features into
    /// <paramref name="features"/>, from this snapshot and everything fed before it.
    /// </summary>
    public void Snapshot(in MonitorRow row, Span<double> features)
    {
        if (features.Length != Count)
        {
            throw new ArgumentException($"Expected {Count} features, got a span of {features.Length}.", nameof(features));
        }

        Advance(row.TimeNs);
        bool cellsHere = _cellsTimeNs == row.TimeNs && _cellsMark == row.Mark;
        long mid = CurrentMid();
        int slot = (int)(_snapshots % _mids.Length);
        _mids[slot] = mid;
        _marks[slot] = row.Mark;
        _snapshots++;

        int f = 0;
        for (int i = 0; i < MapBandsPct.Length; i++)
        {
            features[f++] = cellsHere ? _longBelow[i] : 0;
        }

        for (int i = 0; i < MapBandsPct.Length; i++)
        {
            features[f++] = cellsHere ? _shortAbove[i] : 0;
        }

        features[f++] = row.Within1Pct;
        features[f++] = row.Within2Pct;
        features[f++] = row.Within5Pct;
        features[f++] = Ratio(row.Within1Pct, row.OpenInterestNotional);
        features[f++] = Ratio(row.Within5Pct, row.OpenInterestNotional);
        features[f++] = row.OpenInterestNotional;
        features[f++] = RateOrNaN(row.LongShortRatio);
        features[f++] = row.UnderwaterAccounts;
        features[f++] = RateOrNaN(row.LeverageP50);
        features[f++] = RateOrNaN(row.LeverageP90);
        features[f++] = RateOrNaN(row.LeverageP99);
        features[f++] = RateOrNaN(row.MarginRatioP50);
        features[f++] = RateOrNaN(row.MarginRatioP90);
        features[f++] = RateOrNaN(row.MarginRatioP99);
        features[f++] = RateOrNaN(row.Top10Share);
        features[f++] = RateOrNaN(row.Herfindahl);
        features[f++] = row.FundEquity;
        features[f++] = RateOrNaN(row.Coverage1Pct);
        features[f++] = RateOrNaN(row.Coverage2Pct);
        features[f++] = RateOrNaN(row.Coverage5Pct);

        // Book: the spread relative to the mid (half ticks: mid = bid + ask), the top-of-book and the ±1% imbalances.
        bool twoSided = _bid > 0 && _ask > 0;
        features[f++] = twoSided ? 2d * (_ask - _bid) / (_bid + _ask) : double.NaN;
        features[f++] = Imbalance(_bidQty, _askQty);
        features[f++] = _haveDepth ? _depthBid + _depthAsk : double.NaN;
        features[f++] = _haveDepth ? Imbalance(_depthBid, _depthAsk) : double.NaN;

        foreach (int window in VolatilityWindows)
        {
            features[f++] = RealizedVolatility(window);
        }

        foreach (int window in ReturnWindows)
        {
            features[f++] = MarkReturn(window);
        }

        // The mark against the book's mid (both in ticks: mid half ticks ÷ 2).
        features[f++] = mid > 0 ? (2d * row.Mark - mid) / mid : double.NaN;

        foreach (FlowWindow w in _trades)
        {
            w.Expire(row.TimeNs);
            features[f++] = w.Sum;
            features[f++] = w.SignedSum;
        }

        foreach (FlowWindow w in _liquidationFills)
        {
            w.Expire(row.TimeNs);
            features[f++] = w.Sum;
        }

        features[f++] = _lastLiquidationNs == long.MinValue ? double.NaN : (row.TimeNs - _lastLiquidationNs) / 1e9;
        System.Diagnostics.Debug.Assert(f == Count, "every feature written");
    }

    /// <summary>
    /// The features' mid in half ticks: bid + ask while two-sided, else twice the last trade price (0 = unknown). Not the
    /// recorder's <see cref="ReferenceMid"/> (which holds a sweep's last fill while a side is empty); the tape and live
    /// paths both use this one, so they agree.
    /// </summary>
    private long CurrentMid() => _bid > 0 && _ask > 0 ? _bid + _ask : 2 * _lastTradePrice;

    private void Advance(long timeNs)
    {
        if (timeNs < _lastTimeNs)
        {
            throw new ArgumentException($"Events must be fed in time order: {timeNs} ns after {_lastTimeNs} ns.", nameof(timeNs));
        }

        _lastTimeNs = timeNs;
    }

    private double RealizedVolatility(int window)
    {
        // √Σ r² over the last `window` one-snapshot log returns of the mid; NaN until there are that many.
        if (_snapshots <= window)
        {
            return double.NaN;
        }

        double sum = 0;
        for (long k = _snapshots - window; k < _snapshots; k++)
        {
            long a = _mids[(int)((k - 1) % _mids.Length)], b = _mids[(int)(k % _mids.Length)];
            if (a <= 0 || b <= 0)
            {
                return double.NaN;
            }

            double r = Math.Log((double)b / a);
            sum += r * r;
        }

        return Math.Sqrt(sum);
    }

    private double MarkReturn(int window)
    {
        if (_snapshots <= window)
        {
            return double.NaN;
        }

        long now = _marks[(int)((_snapshots - 1) % _marks.Length)];
        long then = _marks[(int)((_snapshots - 1 - window) % _marks.Length)];
        return then > 0 ? (double)(now - then) / then : double.NaN;
    }

    private static double Ratio(long numerator, long denominator) => denominator > 0 ? (double)numerator / denominator : double.NaN;

    private static double RateOrNaN(long? rate) => rate is { } r ? r / Rate : double.NaN;

    private static double Imbalance(long bid, long ask) => bid + ask > 0 ? (double)(bid - ask) / (bid + ask) : double.NaN;

    /// <summary>Sums of a quantity over a trailing time window (t − window, t].</summary>
    private sealed class FlowWindow(long windowNs)
    {
        private readonly Queue<(long TimeNs, long Value, long Signed)> _items = new();

        public long Sum { get; private set; }

        public long SignedSum { get; private set; }

        public void Add(long timeNs, long value, long signed)
        {
            _items.Enqueue((timeNs, value, signed));
            Sum = checked(Sum + value);
            SignedSum = checked(SignedSum + signed);
        }

        public void Expire(long nowNs)
        {
            while (_items.Count > 0 && _items.Peek().TimeNs <= nowNs - windowNs)
            {
                var (_, value, signed) = _items.Dequeue();
                Sum -= value;
                SignedSum -= signed;
            }
        }
    }
}
