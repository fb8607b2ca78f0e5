using Microstructure.Engine.Matching;

namespace Microstructure.Analysis.Plots;

/// <summary>
/// Accumulates L2 snapshots into a <see cref="DepthGrid"/>: the last snapshot inside a time bucket is that bucket's
/// column; a bucket without a snapshot carries the previous column forward (the book did not change). Prices
/// outside the window and times outside the buckets are ignored. O(levels) per snapshot.
/// </summary>
internal sealed class DepthGridBuilder
{
    private readonly double[,] _depth;
    private readonly bool[] _filled;
    private readonly long _startNs;
    private readonly long _bucketNs;
    private readonly long _lowestPrice;
    private readonly long _priceStep;

    /// <summary>Creates a builder for <paramref name="buckets"/> × <paramref name="levels"/> cells.</summary>
    public DepthGridBuilder(long startNs, long bucketNs, int buckets, long lowestPrice, long priceStep, int levels)
    {
        if (bucketNs <= 0 || priceStep <= 0 || buckets < 1 || levels < 1)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(buckets), "Bucket length, price step, buckets and levels must be positive.");
        }

        _startNs = startNs;
        _bucketNs = bucketNs;
        _lowestPrice = lowestPrice;
        _priceStep = priceStep;
        _depth = new double[levels, buckets];
        _filled = new bool[buckets];
    }

    /// <summary>Records the book at <paramref name="timeNs"/> (both sides, as from <c>MatchingEngine.SnapshotL2</c>).</summary>
    public void Add(long timeNs, ReadOnlySpan<L2Level> bids, ReadOnlySpan<L2Level> asks)
    {
        if (timeNs < _startNs)
        {
            return;
        }

        long bucketIndex = (timeNs - _startNs) / _bucketNs;
        if (bucketIndex >= _filled.Length)
        {
            return;
        }

        int b = (int)bucketIndex;
        int levels = _depth.GetLength(0);
        for (int l = 0; l < levels; l++)
        {
            _depth[l, b] = 0;
        }

        Accumulate(bids, b);
        Accumulate(asks, b);
        _filled[b] = true;
    }

    /// <summary>The grid; buckets before the first snapshot are NaN.</summary>
    public DepthGrid Build()
    {
        int levels = _depth.GetLength(0);
        var result = (double[,])_depth.Clone();
        int last = -1;
        for (int b = 0; b < _filled.Length; b++)
        {
            if (_filled[b])
            {
                last = b;
                continue;
            }

            for (int l = 0; l < levels; l++)
            {
                result[l, b] = last < 0 ? double.NaN : result[l, last];
            }
        }

        return new DepthGrid(_startNs, _bucketNs, _lowestPrice, _priceStep, result);
    }

    private void Accumulate(ReadOnlySpan<L2Level> side, int bucket)
    {
        int levels = _depth.GetLength(0);
        foreach (L2Level level in side)
        {
            long offset = level.Price.Ticks - _lowestPrice;
            if (offset < 0)
            {
                continue;
            }

            long l = offset / _priceStep;
            if (l < levels)
            {
                _depth[(int)l, bucket] += level.Quantity.Lots;
            }
        }
    }
}
