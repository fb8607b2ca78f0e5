using Microstructure.Analysis.Series;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// How the run's cascade unfolded in time, measured against what real venues show (issue 11 §4, docs/realism.md):
/// its span and how the liquidations spread over seconds, the tail of liquidated notional, how positions were closed
/// (book, fund, ADL), equity at the moment of liquidation, causal attribution, and the book's depth and mid around it.
/// </summary>
/// <remarks>
/// Only the perpetual liquidations at or after the first shock count (a run without shocks counts them all): the
/// crowd's everyday liquidations before the news are not the cascade. Notional fractions are of the closed notional;
/// "book" includes the fund's and the vault's later unwinds on the book, credited to the liquidation they took over.
/// </remarks>
/// <param name="Liquidations">Liquidations counted.</param>
/// <param name="SpanSeconds">Last minus first liquidation time (s).</param>
/// <param name="DistinctSeconds">Distinct whole seconds holding a liquidation.</param>
/// <param name="MaxShareInOneSecond">The largest share of the liquidations that fell in one second.</param>
/// <param name="HillAlphaTop10">Hill tail index of liquidated notional over the largest 10% (at least 2); NaN under 10 liquidations.</param>
/// <param name="MaxOverMedian">Largest ÷ median liquidated notional.</param>
/// <param name="BookShare">Share of the closed notional that the book took (liquidation orders and later unwinds).</param>
/// <param name="AdlShare">Share closed by auto-deleveraging.</param>
/// <param name="FirstAdlSeconds">Seconds from the first counted liquidation to the first ADL; null when none.</param>
/// <param name="MedianEquity">Median account equity at the moment of liquidation (cash units).</param>
/// <param name="ParentShare">Share of the liquidations triggered later than one second after a shock that have a parent.</param>
/// <param name="DepthBefore">Mean depth within the recorder's band over the 60 s before the first counted liquidation (lots).</param>
/// <param name="DepthMin">Least depth from then until the end of the cascade plus 60 s (lots).</param>
/// <param name="DepthHalfLifeSeconds">Seconds from the least depth until half of the drop came back; null when it did not.</param>
/// <param name="MidHalfRecoverySeconds">Seconds from the mid's trough until it regained half of its fall; null when it did not.</param>
public sealed record CascadeDynamics(
    int Liquidations,
    double SpanSeconds,
    int DistinctSeconds,
    double MaxShareInOneSecond,
    double HillAlphaTop10,
    double MaxOverMedian,
    double BookShare,
    double AdlShare,
    double? FirstAdlSeconds,
    long MedianEquity,
    double ParentShare,
    double DepthBefore,
    long DepthMin,
    double? DepthHalfLifeSeconds,
    double? MidHalfRecoverySeconds)
{
    private const long Second = 1_000_000_000;

    /// <summary>Measures the run's cascade; null when no liquidation counts.</summary>
    /// <param name="liquidations">The run's liquidations (pool liquidations are ignored).</param>
    /// <param name="shockTimes">Shock times (ns), in order.</param>
    /// <param name="mid">The mid series.</param>
    /// <param name="depth">Depth within the band around the mid.</param>
    /// <returns>The figures, or null.</returns>
    internal static CascadeDynamics? Measure(IReadOnlyList<LiquidationMetrics> liquidations, IReadOnlyList<long> shockTimes, StepSeries mid, StepSeries depth)
    {
        long from = shockTimes.Count > 0 ? shockTimes[0] : long.MinValue;
        var counted = liquidations.Where(l => !l.IsPool && l.TimeNs >= from).ToList();
        if (counted.Count == 0)
        {
            return null;
        }

        long first = counted.Min(l => l.TimeNs), last = counted.Max(l => l.TimeNs);
        var perSecond = counted.GroupBy(l => l.TimeNs / Second).Select(g => g.Count()).ToList();
        var notionals = counted.Select(l => l.ClosedNotional).Where(n => n > 0).Order().ToArray();
        long closed = counted.Sum(l => l.ClosedNotional);
        long book = Math.Min(closed, counted.Sum(l => l.BookNotional));
        long adl = counted.Sum(l => l.AdlNotional);
        long? firstAdl = counted.Where(l => l.AdlNotional > 0).Select(l => (long?)l.TimeNs).Min();
        var later = counted.Where(l => !shockTimes.Any(s => l.TimeNs >= s && l.TimeNs < s + Second)).ToList();
        var (depthBefore, depthMin, depthHalfLife) = Depth(depth, first, last);
        return new CascadeDynamics(
            counted.Count,
            (last - first) / (double)Second,
            perSecond.Count,
            perSecond.Max() / (double)counted.Count,
            HillTop10(notionals),
            notionals.Length == 0 ? double.NaN : notionals[^1] / (double)Median(notionals),
            closed > 0 ? book / (double)closed : double.NaN,
            closed > 0 ? adl / (double)closed : double.NaN,
            firstAdl is { } t ? (t - first) / (double)Second : null,
            Median(counted.Select(l => l.Equity).Order().ToArray()),
            later.Count == 0 ? double.NaN : later.Count(l => l.ParentId != 0) / (double)later.Count,
            depthBefore,
            depthMin,
            depthHalfLife,
            MidHalfRecovery(mid, from == long.MinValue ? first : from));
    }

    /// <summary>
    /// Hill estimator over the k = max(2, ⌊n/10⌋) largest values: α = k / Σᵢ ln(x₍ᵢ₎ / x₍ₖ₊₁₎), x₍₁₎ the largest. NaN
    /// with fewer than 10 values or when the threshold is not below the tail.
    /// </summary>
    internal static double HillTop10(long[] ascending)
    {
        int n = ascending.Length;
        if (n < 10)
        {
            return double.NaN;
        }

        int k = Math.Max(2, n / 10);
        double threshold = ascending[n - k - 1];
        double sum = 0;
        for (int i = 0; i < k; i++)
        {
            sum += Math.Log(ascending[n - 1 - i] / threshold);
        }

        return sum > 0 ? k / sum : double.NaN;
    }

    private static long Median(long[] ascending) => ascending.Length == 0 ? 0 : ascending[ascending.Length / 2];

    /// <summary>Depth before (mean over 60 s), least depth during the cascade and 60 s after, and the half-life of its recovery.</summary>
    internal static (double Before, long Min, double? HalfLifeSeconds) Depth(StepSeries depth, long first, long last)
    {
        if (depth.IsEmpty)
        {
            return (double.NaN, 0, null);
        }

        var times = depth.Times;
        var values = depth.Values;
        double sum = 0;
        int n = 0;
        long minValue = long.MaxValue, minAt = first;
        for (int i = 0; i < times.Length; i++)
        {
            if (times[i] >= first - (60 * Second) && times[i] < first)
            {
                sum += values[i];
                n++;
            }
            else if (times[i] >= first && times[i] <= last + (60 * Second) && values[i] < minValue)
            {
                minValue = values[i];
                minAt = times[i];
            }
        }

        double before = n > 0 ? sum / n : double.NaN;
        if (minValue == long.MaxValue || double.IsNaN(before) || minValue >= before)
        {
            return (before, minValue == long.MaxValue ? 0 : minValue, null);
        }

        double half = minValue + ((before - minValue) / 2);
        for (int i = 0; i < times.Length; i++)
        {
            if (times[i] > minAt && values[i] >= half)
            {
                return (before, minValue, (times[i] - minAt) / (double)Second);
            }
        }

        return (before, minValue, null);
    }

    /// <summary>
    /// On the mid sampled once a second from <paramref name="start"/>: from its furthest point from the mid before
    /// <paramref name="start"/>, the seconds until half of that move was regained; null when it was not (or there was no
    /// move). Sampling once a second keeps a momentary one-sided book (a mid that jumps for a millisecond) out of it.
    /// </summary>
    internal static double? MidHalfRecovery(StepSeries mid, long start)
    {
        if (mid.IsEmpty || !mid.TryGetValueAt(start - 1, out long before) || before <= 0 || mid.EndNs <= start)
        {
            return null;
        }

        var grid = new long[mid.GridLength(start, Second)];
        int n = mid.SampleOnGrid(start, Second, grid);
        int extremeAt = -1;
        for (int i = 0; i < n; i++)
        {
            if (grid[i] > 0 && (extremeAt < 0 || Math.Abs(grid[i] - before) > Math.Abs(grid[extremeAt] - before)))
            {
                extremeAt = i;
            }
        }

        if (extremeAt < 0 || grid[extremeAt] == before)
        {
            return null;
        }

        long extreme = grid[extremeAt];
        bool down = extreme < before;
        double half = extreme + ((before - extreme) / 2.0);
        for (int i = extremeAt + 1; i < n; i++)
        {
            if (grid[i] > 0 && (down ? grid[i] >= half : grid[i] <= half))
            {
                return i - extremeAt;
            }
        }

        return null;
    }
}
