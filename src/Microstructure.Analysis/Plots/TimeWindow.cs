namespace Microstructure.Analysis.Plots;

/// <summary>A time window of a chart, [<see cref="StartNs"/>, <see cref="EndNs"/>] in ns; never empty.</summary>
internal readonly record struct TimeWindow(long StartNs, long EndNs)
{
    /// <summary>Width in ns (positive).</summary>
    public long LengthNs => EndNs - StartNs;

    public bool Contains(long timeNs) => timeNs >= StartNs && timeNs <= EndNs;

    /// <summary>
    /// The window around the cascade: from a bit before the first of <paramref name="times"/> to a bit after the last —
    /// padded on each side by a tenth of their span, and by at least <paramref name="minPadNs"/> (so a cascade at one
    /// instant still gets a window of 2 × <paramref name="minPadNs"/>) — cut to the run where that leaves the
    /// window non-empty. Without times, the whole run.
    /// </summary>
    /// <param name="times">Liquidation times (ns), any order.</param>
    /// <param name="runStartNs">Start of the run.</param>
    /// <param name="runEndNs">End of the run.</param>
    /// <param name="minPadNs">Smallest padding on each side (positive).</param>
    public static TimeWindow AroundCascade(ReadOnlySpan<long> times, long runStartNs, long runEndNs, long minPadNs)
    {
        if (minPadNs <= 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(minPadNs), "The padding must be positive.");
        }

        if (times.IsEmpty)
        {
            return runEndNs > runStartNs ? new(runStartNs, runEndNs) : new(runStartNs, runStartNs + minPadNs);
        }

        long first = long.MaxValue, last = long.MinValue;
        foreach (long t in times)
        {
            first = Math.Min(first, t);
            last = Math.Max(last, t);
        }

        long pad = Math.Max(minPadNs, (last - first) / 10);
        long start = Math.Max(runStartNs, first - pad);
        long end = Math.Min(Math.Max(runEndNs, last), last + pad);
        if (end - start < pad)
        {
            // The run ends (or starts) right at the cascade: keep the padding outside the run rather than a sliver.
            start = Math.Min(start, first - pad);
            end = Math.Max(end, last + pad);
        }

        return new(start, end);
    }
}
