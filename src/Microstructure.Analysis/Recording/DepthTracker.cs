using Microstructure.Risk.Warning;
using Microstructure.Analysis.Plots;
using Microstructure.Engine;
using Microstructure.Engine.Matching;
using Microstructure.Risk;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// Turns the L2 snapshots in the event stream (consecutive <see cref="ExchangeEventType.L2Level"/> events of one
/// command) into the depth series — visible lots within ± a band fraction of the mid, both sides — and keeps the last
/// snapshot of each heatmap time bucket for the depth plot. Memory: the depth series (16 bytes per snapshot) plus at
/// most one snapshot per bucket.
/// </summary>
internal sealed class DepthTracker
{
    /// <summary>The heatmap has at most this many price rows; wider books get coarser rows.</summary>
    public const int MaxHeatmapRows = 300;

    private readonly long _startNs;
    private readonly long _endNs;
    private long _lastSnapshotNs;
    private bool _coarsened;
    private long _bucketNs;
    private readonly double _band;
    private readonly List<L2Level> _bids = [];
    private readonly List<L2Level> _asks = [];
    private readonly List<L2Level>?[] _bucketBids;
    private readonly List<L2Level>?[] _bucketAsks;
    private readonly long[] _bucketMid;
    private long _pendingTime;
    private long _pendingMid;

    public DepthTracker(long startNs, long endNs, int buckets, double bandFraction)
    {
        _startNs = startNs;
        _endNs = endNs;
        _lastSnapshotNs = startNs;
        _bucketNs = Math.Max(1, (endNs - startNs + buckets - 1) / buckets);
        _band = bandFraction;
        _bucketBids = new List<L2Level>?[buckets];
        _bucketAsks = new List<L2Level>?[buckets];
        _bucketMid = new long[buckets];
    }

    /// <summary>Depth (lots within the band) per snapshot.</summary>
    public GrowableSeries Series { get; } = new();

    /// <summary>True while a snapshot's levels are arriving.</summary>
    public bool IsPending { get; private set; }

    /// <summary>Command sequence of the snapshot being collected.</summary>
    public long PendingSequence { get; private set; } = -1;

    /// <summary>Depth of the last finished snapshot; null before the first.</summary>
    public long? LastDepth => Series.Count == 0 ? null : Series.LastValue;

    /// <summary>Adds one level; the first level of a command opens a snapshot referenced to <paramref name="mid"/> (half ticks).</summary>
    public void OnLevel(in ExchangeEvent e, long nowNs, long mid)
    {
        if (!IsPending)
        {
            IsPending = true;
            PendingSequence = e.Engine.CommandSequence;
            _pendingTime = nowNs;
            _pendingMid = mid;
            _bids.Clear();
            _asks.Clear();
        }

        var level = new L2Level(e.Engine.Price, e.Engine.Quantity, e.Engine.OrderCount);
        (e.Engine.Side == Side.Buy ? _bids : _asks).Add(level);
    }

    /// <summary>Closes the pending snapshot: appends its depth to the series and returns its tape row.</summary>
    public DepthObservation Finish()
    {
        IsPending = false;
        long reference = DepthBand.Reference(_pendingMid, _bids, _asks); // one side empty: around the best price that exists
        double halfWidth = DepthBand.HalfWidth(_band, reference);
        long bidLots = DepthBand.Lots(_bids, reference, halfWidth);
        long askLots = DepthBand.Lots(_asks, reference, halfWidth);
        var observation = new DepthObservation(_pendingTime, PendingSequence, bidLots, askLots, _bids.Count + _asks.Count, _pendingMid);
        Series.Add(_pendingTime, observation.Depth);
        Keep(_pendingTime, reference);
        return observation;
    }

    /// <summary>The heatmap grid (prices in half ticks, so that the mid overlay matches); null without snapshots.</summary>
    public DepthGrid? BuildGrid()
    {
        long min = long.MaxValue, max = long.MinValue;
        // A coarsened grid (the run outlasted its announced span) ends at the bucket of the last snapshot: the columns
        // after it would only repeat the last book.
        int buckets = _coarsened ? (int)Math.Min(_bucketBids.Length, ((_lastSnapshotNs - _startNs) / _bucketNs) + 1) : _bucketBids.Length;
        for (int b = 0; b < buckets; b++)
        {
            foreach (List<L2Level>? side in (ReadOnlySpan<List<L2Level>?>)[_bucketBids[b], _bucketAsks[b]])
            {
                foreach (L2Level l in side ?? [])
                {
                    min = Math.Min(min, l.Price.Ticks);
                    max = Math.Max(max, l.Price.Ticks);
                }
            }
        }

        if (min > max)
        {
            return null;
        }

        long step = Math.Max(1, (max - min + MaxHeatmapRows) / MaxHeatmapRows);
        int rows = (int)(((max - min) / step) + 1);
        var builder = new DepthGridBuilder(_startNs, _bucketNs, buckets, 2 * min, 2 * step, rows);
        for (int b = 0; b < buckets; b++)
        {
            if (_bucketBids[b] is { } bids && _bucketAsks[b] is { } asks)
            {
                builder.Add(_startNs + (b * _bucketNs), HalfTicks(bids), HalfTicks(asks));
            }
        }

        return builder.Build();
    }

    /// <summary>
    /// The heatmap grid of the buckets that overlap [<paramref name="fromNs"/>, <paramref name="toNs"/>] with prices as
    /// offsets from each snapshot's mid, in half ticks (level k covers [LowestPrice + k·PriceStep, …) half ticks from the
    /// mid; the mid, offset 0, is always inside). Offsets beyond ± <paramref name="maxOffset"/> half ticks are left out.
    /// A bucket without a snapshot repeats the previous one; buckets before the first are NaN. Null without snapshots.
    /// </summary>
    public DepthGrid? BuildRelativeGrid(long fromNs, long toNs, long maxOffset)
    {
        int buckets = _coarsened ? (int)Math.Min(_bucketBids.Length, ((_lastSnapshotNs - _startNs) / _bucketNs) + 1) : _bucketBids.Length;
        int first = (int)Math.Clamp((fromNs - _startNs) / _bucketNs, 0, buckets - 1);
        int last = (int)Math.Clamp((toNs - _startNs) / _bucketNs, first, buckets - 1);
        int carried = -1; // the last snapshot before the window: the book that still holds when it opens
        for (int b = first - 1; b >= 0 && carried < 0; b--)
        {
            carried = _bucketBids[b] is not null ? b : -1;
        }

        var offsets = new List<(long Offset, long Lots)>();
        bool any = carried >= 0;
        for (int b = carried >= 0 ? carried : first; b <= last; b++)
        {
            if (_bucketBids[b] is null || (b < first && b != carried))
            {
                continue;
            }

            any = true;
            foreach (List<L2Level> side in (ReadOnlySpan<List<L2Level>>)[_bucketBids[b]!, _bucketAsks[b]!])
            {
                foreach (L2Level l in side)
                {
                    offsets.Add((Math.Abs((2 * l.Price.Ticks) - _bucketMid[b]), l.Quantity.Lots));
                }
            }
        }

        if (!any)
        {
            return null;
        }

        long reach = Math.Clamp(Reach(offsets), 1, Math.Max(1, maxOffset));
        // Rows of whole ticks (2 half ticks) or more: prices sit on whole ticks, so half-tick rows would alternate with empty ones.
        long step = Math.Max(2, ((2 * reach) + MaxHeatmapRows) / MaxHeatmapRows);
        step += step % 2;
        long half = (reach + step - 1) / step;
        int rows = (int)((2 * half) + 1);
        long lowest = -half * step;
        var depth = new double[rows, last - first + 1];
        int source = carried;
        for (int b = first; b <= last; b++)
        {
            source = _bucketBids[b] is not null ? b : source;
            for (int r = 0; r < rows; r++)
            {
                depth[r, b - first] = source < 0 ? double.NaN : 0;
            }

            if (source < 0)
            {
                continue;
            }

            foreach (List<L2Level> side in (ReadOnlySpan<List<L2Level>>)[_bucketBids[source]!, _bucketAsks[source]!])
            {
                foreach (L2Level l in side)
                {
                    long offset = (2 * l.Price.Ticks) - _bucketMid[source] - lowest;
                    if (offset >= 0 && offset / step < rows)
                    {
                        depth[(int)(offset / step), b - first] += l.Quantity.Lots;
                    }
                }
            }
        }

        return new DepthGrid(_startNs + (first * _bucketNs), _bucketNs, lowest, step, depth);
    }

    /// <summary>Share of the lots the mid-relative grid keeps: stray orders far from the mid do not squash the book into a line.</summary>
    public const double RelativeGridLotShare = 0.95;

    /// <summary>
    /// The distance from the mid (half ticks) within which <see cref="RelativeGridLotShare"/> of the lots rest, plus a
    /// quarter and 2 half ticks of room; 0 without lots.
    /// </summary>
    internal static long Reach(List<(long Offset, long Lots)> offsets)
    {
        offsets.Sort();
        long total = 0;
        foreach ((long _, long lots) in offsets)
        {
            total += lots;
        }

        long seen = 0;
        foreach ((long offset, long lots) in offsets)
        {
            seen += lots;
            if (seen >= RelativeGridLotShare * total)
            {
                return offset + (offset / 4) + 2;
            }
        }

        return 0;
    }

    private void Coarsen()
    {
        int buckets = _bucketBids.Length;
        for (int b = 0; b < buckets; b++)
        {
            int from = 2 * b;
            (_bucketBids[b], _bucketAsks[b], _bucketMid[b]) = from >= buckets ? (null, null, 0)
                : from + 1 < buckets && _bucketBids[from + 1] is not null ? (_bucketBids[from + 1], _bucketAsks[from + 1], _bucketMid[from + 1])
                : (_bucketBids[from], _bucketAsks[from], _bucketMid[from]);
        }

        _bucketNs = checked(_bucketNs * 2);
        _coarsened = true;
    }

    private void Keep(long timeNs, long mid)
    {
        _lastSnapshotNs = Math.Max(_lastSnapshotNs, timeNs);
        long index = Math.Max(0, (timeNs - _startNs) / _bucketNs);
        if (timeNs <= _endNs)
        {
            // Within the announced span (a snapshot exactly at the end lands one past the last bucket): the last bucket.
            index = Math.Min(index, _bucketBids.Length - 1);
        }

        while (index >= _bucketBids.Length)
        {
            // A run longer than announced (a replay learns its end only at the end): halve the resolution, keeping the
            // later snapshot of each merged pair, until the time fits.
            Coarsen();
            index = (timeNs - _startNs) / _bucketNs;
        }

        List<L2Level> bids = _bucketBids[index] ??= [];
        List<L2Level> asks = _bucketAsks[index] ??= [];
        bids.Clear();
        bids.AddRange(_bids);
        asks.Clear();
        asks.AddRange(_asks);
        _bucketMid[index] = mid;
    }

    private static L2Level[] HalfTicks(List<L2Level> levels)
    {
        var result = new L2Level[levels.Count];
        for (int i = 0; i < result.Length; i++)
        {
            L2Level l = levels[i];
            result[i] = l with { Price = new Price(2 * l.Price.Ticks) };
        }

        return result;
    }
}
