using Microstructure.Analysis.Statistics;

namespace Microstructure.Analysis.Sweeps;

/// <summary>
/// Percentile bootstrap of a mean: <see cref="Resamples"/> resamples of n values drawn with replacement, the interval
/// between the 2.5% and 97.5% quantiles of their means. The draws come from SplitMix64 seeded per cell (a hash of what
/// the cell is), never from the runtime's generator, so a report is byte-identical run after run and does not depend on
/// the order cells are computed in.
/// </summary>
internal static class Bootstrap
{
    /// <summary>B, the resamples of an interval over every point (a design's overall mean, a difference).</summary>
    public const int Resamples = 2000;

    /// <summary>B of one point's own interval (the bands of a 1-D sweep, the per-point tables): many cells, each narrow in use.</summary>
    public const int PointResamples = 1000;

    /// <summary>The fixed seed every cell's seed is derived from.</summary>
    public const ulong Seed = 0x5EED_2026_0013UL;

    /// <summary>The 95% interval of the mean of <paramref name="values"/> (all finite); NaN for none.</summary>
    public static (double Low, double High) MeanInterval(ReadOnlySpan<double> values, ulong seed, int resamples = Resamples)
    {
        int n = values.Length;
        if (n == 0)
        {
            return (double.NaN, double.NaN);
        }

        if (AllEqual(values))
        {
            return (values[0], values[0]);
        }

        ulong state = seed, un = (ulong)n;
        var means = new double[resamples];
        for (int b = 0; b < resamples; b++)
        {
            double sum = 0;
            int i = 0;
            for (; i + 1 < n; i += 2)
            {
                ulong z = Next(ref state);
                sum += values[(int)(((z >> 32) * un) >> 32)] + values[(int)(((z & 0xFFFFFFFFUL) * un) >> 32)];
            }

            if (i < n)
            {
                sum += values[(int)(((Next(ref state) >> 32) * un) >> 32)];
            }

            means[b] = sum / n;
        }

        return (Quantile(means, 0.025), Quantile(means, 0.975));
    }

    /// <summary>
    /// Paired resampling of (design, baseline) pairs: the 95% intervals of the mean difference (design − baseline) and
    /// of the relative difference Σ(design − baseline) ÷ Σ baseline × 100 (NaN when a resample's baseline sums to 0).
    /// </summary>
    public static (double Low, double High, double RelativeLow, double RelativeHigh) PairedInterval(
        ReadOnlySpan<double> design, ReadOnlySpan<double> baseline, ulong seed, int resamples = Resamples)
    {
        int n = design.Length;
        if (n == 0)
        {
            return (double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var diffs = new double[n];
        for (int i = 0; i < n; i++)
        {
            diffs[i] = design[i] - baseline[i];
        }

        if (AllEqual(diffs) && AllEqual(baseline))
        {
            double sum = baseline[0] * n;
            double rel = sum == 0 ? double.NaN : diffs[0] * n / sum * 100;
            return (diffs[0], diffs[0], rel, rel);
        }

        ulong state = seed, un = (ulong)n;
        var means = new double[resamples];
        var relative = new double[resamples];
        bool relativeDefined = true;
        for (int b = 0; b < resamples; b++)
        {
            double sum = 0, baseSum = 0;
            int i = 0;
            for (; i + 1 < n; i += 2)
            {
                ulong z = Next(ref state);
                int k = (int)(((z >> 32) * un) >> 32), l = (int)(((z & 0xFFFFFFFFUL) * un) >> 32);
                sum += diffs[k] + diffs[l];
                baseSum += baseline[k] + baseline[l];
            }

            if (i < n)
            {
                int k = (int)(((Next(ref state) >> 32) * un) >> 32);
                sum += diffs[k];
                baseSum += baseline[k];
            }

            means[b] = sum / n;
            if (baseSum == 0)
            {
                relativeDefined = false;
            }
            else
            {
                relative[b] = sum / baseSum * 100;
            }
        }

        (double Low, double High) rel2 = relativeDefined ? (Quantile(relative, 0.025), Quantile(relative, 0.975)) : (double.NaN, double.NaN);
        return (Quantile(means, 0.025), Quantile(means, 0.975), rel2.Low, rel2.High);
    }

    /// <summary>A cell's seed: <see cref="Seed"/> mixed with FNV-1a of the cell's name.</summary>
    public static ulong SeedOf(string cell)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in cell)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash ^ Seed;
    }

    /// <summary>
    /// The p-quantile of <paramref name="values"/> as <see cref="Quantiles.OfSorted"/> gives it (type 7), found by
    /// selection instead of a sort (reorders the array): x₍ₖ₎ + (h − k)(x₍ₖ₊₁₎ − x₍ₖ₎), h = (n − 1)p, k = ⌊h⌋.
    /// </summary>
    internal static double Quantile(double[] values, double p)
    {
        double h = (values.Length - 1) * p;
        int k = (int)Math.Floor(h);
        double low = Select(values, k);
        if (k + 1 >= values.Length)
        {
            return low;
        }

        double next = double.PositiveInfinity;
        for (int i = k + 1; i < values.Length; i++)
        {
            next = Math.Min(next, values[i]); // after the selection, everything right of k is ≥ x₍ₖ₎
        }

        return low + ((h - k) * (next - low));
    }

    /// <summary>Hoare's quickselect: puts the k-th smallest at index k, smaller ones left of it, larger ones right.</summary>
    private static double Select(double[] a, int k)
    {
        int left = 0, right = a.Length - 1;
        while (left < right)
        {
            double pivot = a[left + ((right - left) / 2)];
            int i = left, j = right;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }

                while (a[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                break;
            }
        }

        return a[k];
    }

    private static bool AllEqual(ReadOnlySpan<double> values)
    {
        foreach (double v in values)
        {
            if (v != values[0])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// SplitMix64, a tiny generator whose sequence no runtime version changes. Each output gives two indices in [0, n)
    /// (Lemire's multiply-shift on its high and its low 32 bits).
    /// </summary>
    private static ulong Next(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
