namespace Microstructure.Analysis.Series;

/// <summary>
/// A piecewise-constant time series: observation <c>i</c> holds from <c>Times[i]</c> until the next observation
/// (last observation carried forward), which is how a mid price or a book depth behaves between book events.
/// Values stay integers (ticks, lots) as the recorders captured them.
/// </summary>
/// <remarks>
/// Several observations may share a timestamp (a burst of book changes caused by one command); the last one at a
/// timestamp is the value "at" that time. Lookups are O(log n); <see cref="SampleOnGrid"/> is O(n + m).
/// </remarks>
public readonly struct StepSeries
{
    private readonly ReadOnlyMemory<long> _times;
    private readonly ReadOnlyMemory<long> _values;

    /// <summary>Wraps paired times (ns, non-decreasing) and values; <paramref name="endNs"/> defaults to the last time.</summary>
    /// <param name="times">Observation times in nanoseconds, non-decreasing.</param>
    /// <param name="values">The value observed at each time.</param>
    /// <param name="endNs">
    /// Time up to which the last value is known to hold (e.g. the end of the run); lookups after it find nothing.
    /// </param>
    /// <exception cref="ArgumentException">Lengths differ, or a time goes backwards (the index is named).</exception>
    public StepSeries(ReadOnlyMemory<long> times, ReadOnlyMemory<long> values, long? endNs = null)
    {
        ThrowHelper.ThrowIfLengthsDiffer(times.Length, values.Length, nameof(values));
        ReadOnlySpan<long> t = times.Span;
        for (int i = 1; i < t.Length; i++)
        {
            if (t[i] < t[i - 1])
            {
                ThrowHelper.ThrowArgument(nameof(times), $"Time at index {i} ({t[i]}) is before the previous one ({t[i - 1]}).");
            }
        }

        long last = t.Length == 0 ? long.MinValue : t[^1];
        if (endNs is { } end && end < last)
        {
            ThrowHelper.ThrowArgument(nameof(endNs), $"End {end} is before the last observation ({last}).");
        }

        _times = times;
        _values = values;
        EndNs = endNs ?? last;
    }

    /// <summary>Observation times (ns).</summary>
    public ReadOnlySpan<long> Times => _times.Span;

    /// <summary>Observed values.</summary>
    public ReadOnlySpan<long> Values => _values.Span;

    /// <summary>Number of observations.</summary>
    public int Count => _times.Length;

    /// <summary>Time up to which the series is known.</summary>
    public long EndNs { get; }

    /// <summary>True when the series holds no observation.</summary>
    public bool IsEmpty => _times.IsEmpty;

    /// <summary>
    /// Index of the last observation with time ≤ <paramref name="timeNs"/>, or −1 when the series starts later.
    /// </summary>
    public int IndexAtOrBefore(long timeNs)
    {
        ReadOnlySpan<long> t = Times;
        int lo = 0, hi = t.Length - 1, found = -1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (t[mid] <= timeNs)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }

    /// <summary>Index of the last observation with time strictly before <paramref name="timeNs"/>, or −1.</summary>
    public int IndexBefore(long timeNs) => timeNs == long.MinValue ? -1 : IndexAtOrBefore(timeNs - 1);

    /// <summary>
    /// The value holding at <paramref name="timeNs"/>; false before the first observation or after <see cref="EndNs"/>.
    /// </summary>
    public bool TryGetValueAt(long timeNs, out long value)
    {
        int i = timeNs > EndNs ? -1 : IndexAtOrBefore(timeNs);
        value = i >= 0 ? Values[i] : 0;
        return i >= 0;
    }

    /// <summary>
    /// Samples the series at <c>startNs + k·stepNs</c> for k = 0 … destination.Length − 1 by a single merge pass.
    /// Returns how many leading grid points were written: sampling stops at the first grid point after
    /// <see cref="EndNs"/>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="startNs"/> precedes the first observation, or the step is not positive.</exception>
    public int SampleOnGrid(long startNs, long stepNs, Span<long> destination)
    {
        if (stepNs <= 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(stepNs), "The grid step must be positive.");
        }

        ReadOnlySpan<long> t = Times;
        ReadOnlySpan<long> v = Values;
        if (t.IsEmpty || startNs < t[0])
        {
            ThrowHelper.ThrowArgument(nameof(startNs), "The grid starts before the first observation, where the series has no value.");
        }

        int j = 0;
        for (int k = 0; k < destination.Length; k++)
        {
            long at = startNs + (k * stepNs);
            if (at > EndNs)
            {
                return k;
            }

            while (j + 1 < t.Length && t[j + 1] <= at)
            {
                j++;
            }

            destination[k] = v[j];
        }

        return destination.Length;
    }

    /// <summary>Number of grid points from <paramref name="startNs"/> to <see cref="EndNs"/> inclusive.</summary>
    public int GridLength(long startNs, long stepNs)
    {
        if (stepNs <= 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(stepNs), "The grid step must be positive.");
        }

        if (EndNs < startNs)
        {
            return 0;
        }

        long n = ((EndNs - startNs) / stepNs) + 1;
        return n > Array.MaxLength ? Array.MaxLength : (int)n;
    }
}
