using Microstructure.Analysis.Series;

namespace Microstructure.Analysis.Cascades;

/// <summary>A test on one observed value (struct so the scan loop is specialised and inlined per test).</summary>
internal interface IValueTest
{
    bool Passes(long value);
}

/// <summary>|m − reference| ≤ tolerance: the mid is back near its pre-cascade level.</summary>
internal readonly struct WithinBand(long reference, double tolerance) : IValueTest
{
    public bool Passes(long value) => Math.Abs(value - reference) <= tolerance;
}

/// <summary>value ≥ floor: depth is back up.</summary>
internal readonly struct AtLeast(double floor) : IValueTest
{
    public bool Passes(long value) => value >= floor;
}

/// <summary>Finds when a step series first satisfies a test, and keeps satisfying it for a hold time.</summary>
internal static class RecoveryScan
{
    /// <summary>
    /// The first time t ≥ <paramref name="fromNs"/> at which the value holding at t passes the test and keeps passing
    /// until t + hold, searching no further than <paramref name="untilNs"/> for t; null if there is none.
    /// Cost: the observations between fromNs and the answer (or untilNs).
    /// </summary>
    public static long? FirstSustained<TTest>(StepSeries series, long fromNs, long holdNs, long untilNs, TTest test)
        where TTest : struct, IValueTest
    {
        ReadOnlySpan<long> times = series.Times;
        ReadOnlySpan<long> values = series.Values;
        int j = series.IndexAtOrBefore(fromNs);
        if (j < 0 || fromNs > series.EndNs)
        {
            return null;
        }

        long? enteredAt = null;
        for (; j < times.Length; j++)
        {
            long at = Math.Max(times[j], fromNs);
            if (enteredAt is { } entered && at >= SaturatingAdd(entered, holdNs))
            {
                return entered; // stayed in for the whole hold
            }

            if (enteredAt is null && at > untilNs)
            {
                return null;
            }

            bool passes = test.Passes(values[j]);
            if (passes && enteredAt is null)
            {
                enteredAt = at;
            }
            else if (!passes)
            {
                enteredAt = null;
            }
        }

        // The last value holds until EndNs.
        return enteredAt is { } e && series.EndNs >= SaturatingAdd(e, holdNs) ? e : null;
    }

    private static long SaturatingAdd(long a, long b) => b > long.MaxValue - a ? long.MaxValue : a + b;
}
