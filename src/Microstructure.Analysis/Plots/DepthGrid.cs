namespace Microstructure.Analysis.Plots;

/// <summary>
/// Resting depth by price level and time bucket, the input of the depth heatmap. Level 0 is the lowest price
/// (<see cref="LowestPrice"/>), level k covers [LowestPrice + k·PriceStep, LowestPrice + (k+1)·PriceStep) ticks.
/// NaN marks buckets before the first snapshot.
/// </summary>
internal sealed class DepthGrid
{
    private readonly double[,] _depth;

    /// <summary>Wraps <paramref name="depth"/>[level, bucket] (lots); the array is not copied.</summary>
    public DepthGrid(long startNs, long bucketNs, long lowestPrice, long priceStep, double[,] depth)
    {
        ArgumentNullException.ThrowIfNull(depth);
        if (bucketNs <= 0 || priceStep <= 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(bucketNs), "Bucket length and price step must be positive.");
        }

        StartNs = startNs;
        BucketNs = bucketNs;
        LowestPrice = lowestPrice;
        PriceStep = priceStep;
        _depth = depth;
    }

    /// <summary>Start of bucket 0 (ns).</summary>
    public long StartNs { get; }

    /// <summary>Bucket length (ns).</summary>
    public long BucketNs { get; }

    /// <summary>Lowest price of level 0 (ticks).</summary>
    public long LowestPrice { get; }

    /// <summary>Ticks per level.</summary>
    public long PriceStep { get; }

    /// <summary>Number of price levels.</summary>
    public int Levels => _depth.GetLength(0);

    /// <summary>Number of time buckets.</summary>
    public int Buckets => _depth.GetLength(1);

    /// <summary>Depth (lots) at a level and bucket.</summary>
    public double this[int level, int bucket] => _depth[level, bucket];
}
