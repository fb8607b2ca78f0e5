using Microstructure.Analysis.Series;

namespace Microstructure.Analysis.Plots;

/// <summary>
/// Thins a long step series for plotting: the time range is cut into buckets and each bucket keeps its first,
/// lowest, highest and last points (in time order), so spikes survive and a million-point tape draws as a few
/// thousand points. O(n).
/// </summary>
internal static class SeriesDecimation
{
    /// <summary>Returns (x in seconds since <paramref name="originNs"/>, y·<paramref name="scale"/>) of at most 4·buckets points.</summary>
    public static (double[] X, double[] Y) MinMax(StepSeries series, int buckets, long originNs, double scale = 1)
    {
        if (buckets < 1)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(buckets), "At least one bucket is needed.");
        }

        ReadOnlySpan<long> t = series.Times;
        ReadOnlySpan<long> v = series.Values;
        var xs = new List<double>(Math.Min(t.Length, 4 * buckets));
        var ys = new List<double>(xs.Capacity);
        if (t.IsEmpty)
        {
            return ([], []);
        }

        if (t.Length <= 4 * buckets)
        {
            for (int i = 0; i < t.Length; i++)
            {
                xs.Add(ChartCanvas.Seconds(t[i], originNs));
                ys.Add(v[i] * scale);
            }

            return ([.. xs], [.. ys]);
        }

        long first = t[0];
        double width = Math.Max(1, (double)(series.EndNs - first)) / buckets;
        int start = 0;
        while (start < t.Length)
        {
            int bucket = (int)Math.Min(buckets - 1, (t[start] - first) / width);
            int end = start;
            int lo = start, hi = start;
            while (end < t.Length && (int)Math.Min(buckets - 1, (t[end] - first) / width) == bucket)
            {
                if (v[end] < v[lo])
                {
                    lo = end;
                }

                if (v[end] > v[hi])
                {
                    hi = end;
                }

                end++;
            }

            // First, extremes in time order, last: duplicates collapse.
            Span<int> keep = [start, Math.Min(lo, hi), Math.Max(lo, hi), end - 1];
            int previous = -1;
            foreach (int k in keep)
            {
                if (k != previous)
                {
                    xs.Add(ChartCanvas.Seconds(t[k], originNs));
                    ys.Add(v[k] * scale);
                    previous = k;
                }
            }

            start = end;
        }

        return ([.. xs], [.. ys]);
    }

    /// <summary>
    /// The part of <paramref name="series"/> inside <paramref name="window"/>: the value holding at its start (when the
    /// series started before it), every observation inside, known until the window's end (or the series' end).
    /// </summary>
    public static StepSeries Slice(StepSeries series, TimeWindow window)
    {
        ReadOnlySpan<long> t = series.Times;
        ReadOnlySpan<long> v = series.Values;
        int before = series.IndexAtOrBefore(window.StartNs);
        var times = new List<long>();
        var values = new List<long>();
        if (before >= 0)
        {
            times.Add(window.StartNs);
            values.Add(v[before]);
        }

        for (int i = before + 1; i < t.Length && t[i] <= window.EndNs; i++)
        {
            times.Add(t[i]);
            values.Add(v[i]);
        }

        long end = times.Count == 0 ? window.EndNs : Math.Max(times[^1], Math.Min(window.EndNs, Math.Max(series.EndNs, times[^1])));
        return new StepSeries(times.ToArray(), values.ToArray(), end);
    }
}
