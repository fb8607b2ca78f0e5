namespace Microstructure.Risk.Monitoring;

/// <summary>How often the <see cref="RiskMonitor"/> takes a snapshot and how it buckets the liquidation map.</summary>
/// <remarks>
/// Defaults: one snapshot per second of simulated time — the venue default mark publication interval, so on a clocked
/// mark every publication is seen once, and on a continuous mark (a new mark on every trade) the cost stays bounded;
/// buckets 0.25% of the mark wide over ±10% of it (80 buckets): fine enough to separate the leverage tiers of a
/// crowd (a 20× long is liquidated about 4.5% below its entry, a 25× one 3.5%), wide enough that a 600 s run gives a
/// map of 48,000 cells, the resolution of public liquidation maps.
/// </remarks>
public sealed record RiskMonitorOptions
{
    /// <summary>The defaults (1 s, 0.25%, ±10%).</summary>
    public static RiskMonitorOptions Default { get; } = new();

    /// <summary>Simulated time between snapshots (ns): the first command at or after each boundary is followed by one.</summary>
    public long IntervalNs { get; init; } = 1_000_000_000;

    /// <summary>Bucket width as a fraction of the mark, rate units (10⁸ = 100%).</summary>
    public long BucketWidth { get; init; } = 250_000;

    /// <summary>How far the map reaches on each side of the mark, rate units; a whole number of buckets.</summary>
    public long Range { get; init; } = 10_000_000;

    /// <summary>
    /// Trader positions from which a snapshot is computed on a thread-pool thread from a copy, the business-logic thread
    /// paying only the copy (default 50,000: below it the whole snapshot costs under a few milliseconds, less than a
    /// hand-over is worth). 0 = always off-thread. The snapshots are the same either way.
    /// </summary>
    public int OffThreadFrom { get; init; } = 50_000;

    /// <summary>Buckets on each side of the mark.</summary>
    public int BucketsPerSide => (int)(Range / BucketWidth);

    /// <summary>Throws when a setting is out of range (the message names it).</summary>
    /// <exception cref="ArgumentException">A setting is invalid.</exception>
    public void Validate()
    {
        if (IntervalNs <= 0)
        {
            throw new ArgumentException($"riskMonitor.intervalNs must be positive (is {IntervalNs}).", nameof(IntervalNs));
        }

        if (OffThreadFrom < 0)
        {
            throw new ArgumentException($"riskMonitor.offThreadFrom must be 0 or more (is {OffThreadFrom}).", nameof(OffThreadFrom));
        }

        if (BucketWidth <= 0 || BucketWidth > FixedPoint.RateScale)
        {
            throw new ArgumentException($"riskMonitor.bucketWidth must be in (0, 10⁸] rate units (is {BucketWidth}).", nameof(BucketWidth));
        }

        if (Range < BucketWidth || Range > FixedPoint.RateScale || Range % BucketWidth != 0 || Range / BucketWidth > 10_000)
        {
            throw new ArgumentException($"riskMonitor.range must be a whole number (1 … 10,000) of bucket widths and at most 10⁸ (is {Range}).", nameof(Range));
        }
    }
}
