namespace Microstructure.Risk.Monitoring;

/// <summary>
/// One reading of the market's risk by the <see cref="RiskMonitor"/>: the liquidation map around the mark, open
/// interest, leverage and margin-ratio distributions, concentration and the insurance fund's coverage. Money is
/// integer cash units, ratios are rate units (10⁸ = 1); a ratio with nothing to divide by is null.
/// </summary>
/// <remarks>
/// Preallocated and reused: the monitor fills snapshots in place; copy what must outlive
/// <see cref="RiskMonitor.Return"/>. Accounts counted as traders are every non-system account with a position; the
/// map and the "within" sums hold the accounts in the exchange's threshold indexes (not those already queued for or in
/// liquidation). Notional that would be liquidated at a level is |lots| × threshold price × cash per tick-lot (exact).
/// </remarks>
public sealed class RiskSnapshot
{
    internal RiskSnapshot(int bucketsPerSide, long bucketWidth)
    {
        BucketsPerSide = bucketsPerSide;
        BucketWidth = bucketWidth;
        LongBuckets = new long[2 * bucketsPerSide];
        ShortBuckets = new long[2 * bucketsPerSide];
    }

    /// <summary>Command sequence after which the snapshot was taken.</summary>
    public long Sequence { get; internal set; }

    /// <summary>Exchange clock at the snapshot (ns).</summary>
    public long TimeNs { get; internal set; }

    /// <summary>Mark price (ticks).</summary>
    public long Mark { get; internal set; }

    /// <summary>Buckets on each side of the mark; bucket i covers offsets [(i − this)·w, (i − this + 1)·w) of the mark.</summary>
    public int BucketsPerSide { get; }

    /// <summary>Bucket width w, rate units of the mark.</summary>
    public long BucketWidth { get; }

    /// <summary>Long notional liquidated per bucket (cash units), 2 × <see cref="BucketsPerSide"/> entries, lowest price first.</summary>
    public long[] LongBuckets { get; }

    /// <summary>Short notional liquidated per bucket (cash units), as <see cref="LongBuckets"/>.</summary>
    public long[] ShortBuckets { get; }

    /// <summary>Lowest price of bucket <paramref name="bucket"/> (ticks, rounded down): mark × (1 + (bucket − BucketsPerSide) × w).</summary>
    public long BucketLow(int bucket) => BucketEdge(Mark, bucket - BucketsPerSide, BucketWidth);

    /// <summary>Open interest: Σ long lots over every account (system accounts included).</summary>
    public long OpenInterestLots { get; internal set; }

    /// <summary>Open interest at the mark (cash units).</summary>
    public long OpenInterestNotional { get; internal set; }

    /// <summary>Trader accounts (not system) holding a long.</summary>
    public int LongAccounts { get; internal set; }

    /// <summary>Trader accounts holding a short.</summary>
    public int ShortAccounts { get; internal set; }

    /// <summary>Long accounts ÷ short accounts (rate units), the venues' "long/short account ratio"; null without shorts.</summary>
    public long? LongShortRatio { get; internal set; }

    /// <summary>Trader accounts with a position and equity ≤ 0 (left out of the leverage and margin-ratio percentiles).</summary>
    public int UnderwaterAccounts { get; internal set; }

    /// <summary>Leverage (notional at the mark ÷ equity, rate units) percentiles p10, p50, p90, p99 (nearest rank); null without accounts.</summary>
    public long? LeverageP10 { get; internal set; }

    /// <summary>See <see cref="LeverageP10"/>.</summary>
    public long? LeverageP50 { get; internal set; }

    /// <summary>See <see cref="LeverageP10"/>.</summary>
    public long? LeverageP90 { get; internal set; }

    /// <summary>See <see cref="LeverageP10"/>.</summary>
    public long? LeverageP99 { get; internal set; }

    /// <summary>Margin ratio (maintenance ÷ equity, rate units; 10⁸ = liquidated) percentiles, as <see cref="LeverageP10"/>.</summary>
    public long? MarginRatioP10 { get; internal set; }

    /// <summary>See <see cref="MarginRatioP10"/>.</summary>
    public long? MarginRatioP50 { get; internal set; }

    /// <summary>See <see cref="MarginRatioP10"/>.</summary>
    public long? MarginRatioP90 { get; internal set; }

    /// <summary>See <see cref="MarginRatioP10"/>.</summary>
    public long? MarginRatioP99 { get; internal set; }

    /// <summary>The 10 largest trader positions' share of Σ |lots| over trader positions (rate units); null when none.</summary>
    public long? Top10Share { get; internal set; }

    /// <summary>Herfindahl index Σ (|lots| ÷ Σ |lots|)² over trader positions (rate units, rounded down); null when none.</summary>
    public long? Herfindahl { get; internal set; }

    /// <summary>Insurance fund equity at the mark (cash units).</summary>
    public long FundEquity { get; internal set; }

    /// <summary>Notional whose liquidation price is within 1% of the mark (cash units).</summary>
    public long Within1Pct { get; internal set; }

    /// <summary>Within 2% of the mark.</summary>
    public long Within2Pct { get; internal set; }

    /// <summary>Within 5% of the mark.</summary>
    public long Within5Pct { get; internal set; }

    /// <summary>Fund equity ÷ <see cref="Within1Pct"/> (rate units, rounded down); null when that is 0.</summary>
    public long? Coverage1Pct { get; internal set; }

    /// <summary>Fund equity ÷ <see cref="Within2Pct"/>.</summary>
    public long? Coverage2Pct { get; internal set; }

    /// <summary>Fund equity ÷ <see cref="Within5Pct"/>.</summary>
    public long? Coverage5Pct { get; internal set; }

    /// <summary>mark × (1 + offset × w) in ticks, rounded down.</summary>
    internal static long BucketEdge(long mark, long offset, long width) =>
        mark + FixedPoint.MulDivFloor(mark, offset * width, FixedPoint.RateScale);

    /// <summary>Copies every figure of <paramref name="from"/> into this snapshot (same bucket layout).</summary>
    internal void CopyFrom(RiskSnapshot from)
    {
        Sequence = from.Sequence;
        TimeNs = from.TimeNs;
        Mark = from.Mark;
        from.LongBuckets.CopyTo(LongBuckets, 0);
        from.ShortBuckets.CopyTo(ShortBuckets, 0);
        OpenInterestLots = from.OpenInterestLots;
        OpenInterestNotional = from.OpenInterestNotional;
        LongAccounts = from.LongAccounts;
        ShortAccounts = from.ShortAccounts;
        LongShortRatio = from.LongShortRatio;
        UnderwaterAccounts = from.UnderwaterAccounts;
        LeverageP10 = from.LeverageP10;
        LeverageP50 = from.LeverageP50;
        LeverageP90 = from.LeverageP90;
        LeverageP99 = from.LeverageP99;
        MarginRatioP10 = from.MarginRatioP10;
        MarginRatioP50 = from.MarginRatioP50;
        MarginRatioP90 = from.MarginRatioP90;
        MarginRatioP99 = from.MarginRatioP99;
        Top10Share = from.Top10Share;
        Herfindahl = from.Herfindahl;
        FundEquity = from.FundEquity;
        Within1Pct = from.Within1Pct;
        Within2Pct = from.Within2Pct;
        Within5Pct = from.Within5Pct;
        Coverage1Pct = from.Coverage1Pct;
        Coverage2Pct = from.Coverage2Pct;
        Coverage5Pct = from.Coverage5Pct;
    }
}
