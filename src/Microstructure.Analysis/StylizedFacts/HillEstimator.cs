using System.Buffers;

namespace Microstructure.Analysis.StylizedFacts;

/// <summary>
/// Hill's (1975) estimator of the tail index: with X_(1) ≥ X_(2) ≥ … the order statistics of the tail sample,
/// <c>1/α̂(k) = (1/k) Σ_{i=1..k} ln X_(i) − ln X_(k+1)</c>.
/// </summary>
/// <remarks>
/// The estimate depends on k (bias grows with k, variance shrinks), so besides the estimate at the default tail
/// fraction, <see cref="EstimateOverRange"/> reports α̂ over a range of k (a "Hill plot") for a robustness check.
/// Cost: O(n log n) for the sort of one pooled copy of the tail sample; the range costs O(k_max) more.
/// </remarks>
public static class HillEstimator
{
    /// <summary>
    /// Default tail fraction k/n: 5% of the tail sample. Common practice for daily and intraday returns
    /// (2.5–5%); on Student-t(3) samples it recovers α = 3 within about 10% (see the tests and docs/analysis.md).
    /// </summary>
    public const double DefaultTailFraction = 0.05;

    /// <summary>Estimates α from the largest <paramref name="tailFraction"/> of the chosen tail of <paramref name="returns"/>.</summary>
    /// <param name="returns">The sample (e.g. log returns); non-finite values are ignored.</param>
    /// <param name="tailFraction">k as a fraction of the tail sample size, in (0, 1).</param>
    /// <param name="side">Which tail: magnitudes (default), losses or gains.</param>
    public static HillEstimate Estimate(ReadOnlySpan<double> returns, double tailFraction = DefaultTailFraction, TailSide side = TailSide.Both)
    {
        if (!(tailFraction > 0 && tailFraction < 1))
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(tailFraction), "The tail fraction must lie strictly between 0 and 1.");
        }

        double[] buffer = ArrayPool<double>.Shared.Rent(Math.Max(1, returns.Length));
        try
        {
            int n = ExtractTailDescending(returns, side, buffer);
            int k = KFor(n, tailFraction);
            return FromSortedDescending(buffer.AsSpan(0, n), k);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Hill estimates at <paramref name="points"/> log-spaced k between the fractions <paramref name="minFraction"/>
    /// and <paramref name="maxFraction"/> of the tail sample (distinct k only, ascending).
    /// </summary>
    public static HillEstimate[] EstimateOverRange(
        ReadOnlySpan<double> returns,
        double minFraction = 0.005,
        double maxFraction = 0.15,
        int points = 20,
        TailSide side = TailSide.Both)
    {
        if (!(minFraction > 0 && minFraction <= maxFraction && maxFraction < 1))
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(minFraction), "Need 0 < minFraction ≤ maxFraction < 1.");
        }

        if (points < 1)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(points), "At least one point is needed.");
        }

        double[] buffer = ArrayPool<double>.Shared.Rent(Math.Max(1, returns.Length));
        try
        {
            int n = ExtractTailDescending(returns, side, buffer);
            ReadOnlySpan<double> sorted = buffer.AsSpan(0, n);
            int kMin = KFor(n, minFraction);
            int kMax = KFor(n, maxFraction);
            if (kMax == 0)
            {
                return [];
            }

            kMin = Math.Max(1, kMin);
            var result = new List<HillEstimate>(points);
            int lastK = 0;
            double logSum = 0;
            int summed = 0;
            for (int p = 0; p < points; p++)
            {
                double f = points == 1 ? 0 : (double)p / (points - 1);
                int k = (int)Math.Round(kMin * Math.Pow((double)kMax / kMin, f));
                if (k <= lastK)
                {
                    continue;
                }

                // Running sum of ln X_(i): each k extends the previous one, so the whole range is O(k_max).
                while (summed < k)
                {
                    logSum += Math.Log(sorted[summed]);
                    summed++;
                }

                result.Add(FromLogSum(logSum, k, sorted));
                lastK = k;
            }

            return [.. result];
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The Hill estimate from an already sorted (descending) sample of positive values using its top
    /// <paramref name="k"/> order statistics; needs k &lt; sample length. O(k).
    /// </summary>
    public static HillEstimate FromSortedDescending(ReadOnlySpan<double> sortedDescending, int k)
    {
        if (k < 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(k), "k cannot be negative.");
        }

        if (k == 0 || k >= sortedDescending.Length)
        {
            return new HillEstimate(double.NaN, 0, sortedDescending.Length, double.NaN, double.NaN);
        }

        double logSum = 0;
        for (int i = 0; i < k; i++)
        {
            logSum += Math.Log(sortedDescending[i]);
        }

        return FromLogSum(logSum, k, sortedDescending);
    }

    private static HillEstimate FromLogSum(double logSum, int k, ReadOnlySpan<double> sortedDescending)
    {
        double threshold = sortedDescending[k];
        double h = (logSum / k) - Math.Log(threshold);
        double alpha = h > 0 ? 1 / h : double.NaN;
        return new HillEstimate(alpha, k, sortedDescending.Length, threshold, alpha / Math.Sqrt(k));
    }

    /// <summary>k = ⌊fraction·n⌋, capped at n − 1 so that X_(k+1) exists.</summary>
    private static int KFor(int n, double fraction) => n < 2 ? 0 : Math.Min(n - 1, (int)(fraction * n));

    /// <summary>Copies the positive tail values into <paramref name="buffer"/>, sorted descending; returns their count.</summary>
    private static int ExtractTailDescending(ReadOnlySpan<double> returns, TailSide side, double[] buffer)
    {
        int n = 0;
        foreach (double r in returns)
        {
            double x = side switch
            {
                TailSide.Left => -r,
                TailSide.Right => r,
                _ => Math.Abs(r),
            };
            if (x > 0 && double.IsFinite(x))
            {
                buffer[n++] = x;
            }
        }

        Span<double> tail = buffer.AsSpan(0, n);
        tail.Sort();
        tail.Reverse();
        return n;
    }
}
