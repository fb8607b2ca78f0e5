namespace Microstructure.Analysis.StylizedFacts;

/// <summary>Sample autocorrelation function.</summary>
public static class Autocorrelation
{
    /// <summary>
    /// Writes ρ(ℓ) for ℓ = 0 … destination.Length − 1, with
    /// <c>ρ(ℓ) = Σ_{t=0}^{n−1−ℓ} (x_t − x̄)(x_{t+ℓ} − x̄) / Σ_{t=0}^{n−1} (x_t − x̄)²</c>
    /// (the standard biased estimator: one common denominator, so the sequence is positive semi-definite).
    /// O(n·L) without a copy; lags at or beyond n are 0. A constant series has no defined ρ: NaN beyond lag 0.
    /// </summary>
    public static void Compute(ReadOnlySpan<double> x, Span<double> destination)
    {
        if (destination.IsEmpty)
        {
            return;
        }

        int n = x.Length;
        (double mean, double variance) = CenteredSumOfSquares(x);

        destination[0] = 1;
        for (int lag = 1; lag < destination.Length; lag++)
        {
            if (!(variance > 0))
            {
                destination[lag] = double.NaN;
                continue;
            }

            double sum = 0;
            for (int t = 0; t + lag < n; t++)
            {
                sum += (x[t] - mean) * (x[t + lag] - mean);
            }

            destination[lag] = sum / variance;
        }
    }

    /// <summary>ρ(0 … maxLag) as a new array.</summary>
    public static double[] Compute(ReadOnlySpan<double> x, int maxLag)
    {
        if (maxLag < 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(maxLag), "The maximum lag cannot be negative.");
        }

        var acf = new double[maxLag + 1];
        Compute(x, acf);
        return acf;
    }

    /// <summary>
    /// Half-width of the 95% band of ρ(ℓ) for iid noise, 1.96/√n (Bartlett): sample autocorrelations of a series
    /// without linear dependence fall inside it 95% of the time.
    /// </summary>
    public static double NoiseBand(int n) => n > 0 ? 1.96 / Math.Sqrt(n) : double.NaN;

    /// <summary>
    /// Heteroskedasticity-robust 95% band half-widths for ρ(ℓ), ℓ = 0 … destination.Length − 1:
    /// <c>1.96 · √(Σ_t d_t² d_{t+ℓ}²) / Σ_t d_t²</c> with d = x − x̄. For iid data it equals
    /// <see cref="NoiseBand"/> on average; for returns with volatility clustering it is wider, as the sampling
    /// variance of ρ̂ really is (so clustered but linearly unpredictable returns are not flagged as autocorrelated).
    /// Entry 0 is 0. O(n·L).
    /// </summary>
    public static void RobustBands(ReadOnlySpan<double> x, Span<double> destination)
    {
        if (destination.IsEmpty)
        {
            return;
        }

        int n = x.Length;
        (double mean, double variance) = CenteredSumOfSquares(x);

        destination[0] = 0;
        for (int lag = 1; lag < destination.Length; lag++)
        {
            double sum = 0;
            for (int t = 0; t + lag < n; t++)
            {
                double p = (x[t] - mean) * (x[t + lag] - mean);
                sum += p * p;
            }

            destination[lag] = variance > 0 ? 1.96 * Math.Sqrt(sum) / variance : double.NaN;
        }
    }

    /// <summary>Writes |x_t| into <paramref name="destination"/> (for the volatility-clustering ACF).</summary>
    public static void Magnitudes(ReadOnlySpan<double> x, Span<double> destination)
    {
        ThrowHelper.ThrowIfTooShort(destination.Length, x.Length, nameof(destination));
        for (int t = 0; t < x.Length; t++)
        {
            destination[t] = Math.Abs(x[t]);
        }
    }

    /// <summary>x̄ and Σ(x_t − x̄)² (two passes: exact enough for returns, no catastrophic cancellation).</summary>
    private static (double Mean, double SumOfSquares) CenteredSumOfSquares(ReadOnlySpan<double> x)
    {
        double mean = 0;
        foreach (double v in x)
        {
            mean += v;
        }

        mean = x.Length > 0 ? mean / x.Length : 0;
        double sum = 0;
        foreach (double v in x)
        {
            double d = v - mean;
            sum += d * d;
        }

        return (mean, sum);
    }
}
