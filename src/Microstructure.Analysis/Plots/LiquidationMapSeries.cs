using Microstructure.Risk.Monitoring;

namespace Microstructure.Analysis.Plots;

/// <summary>
/// The liquidation maps of a run kept for the heatmap: per snapshot its time, mark and long + short notional per
/// bucket (8 bytes a bucket: 640 bytes a snapshot at the default 80 buckets, about 2.3 MB an hour at one a second).
/// </summary>
internal sealed class LiquidationMapSeries
{
    private readonly List<long> _times = [];
    private readonly List<long> _marks = [];
    private readonly List<long[]> _buckets = [];

    /// <summary>Bucket width, rate units (0 until the first snapshot).</summary>
    public long BucketWidth { get; private set; }

    /// <summary>Buckets on each side of the mark.</summary>
    public int BucketsPerSide { get; private set; }

    public int Count => _times.Count;

    public IReadOnlyList<long> Times => _times;

    public IReadOnlyList<long> Marks => _marks;

    /// <summary>Long + short notional per bucket (cash units), lowest price first.</summary>
    public IReadOnlyList<long[]> Buckets => _buckets;

    public void Add(RiskSnapshot s)
    {
        BucketWidth = s.BucketWidth;
        BucketsPerSide = s.BucketsPerSide;
        var total = new long[s.LongBuckets.Length];
        for (int i = 0; i < total.Length; i++)
        {
            total[i] = s.LongBuckets[i] + s.ShortBuckets[i];
        }

        _times.Add(s.TimeNs);
        _marks.Add(s.Mark);
        _buckets.Add(total);
    }

    /// <summary>Lowest price of bucket <paramref name="bucket"/> of snapshot <paramref name="index"/> (ticks).</summary>
    public long BucketLow(int index, int bucket) => _marks[index] + Risk.FixedPoint.MulDivFloor(_marks[index], (long)(bucket - BucketsPerSide) * BucketWidth, Risk.FixedPoint.RateScale);
}
