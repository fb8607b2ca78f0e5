namespace Microstructure.Analysis.Impact;

/// <summary>Averages impact in log-spaced bins of order size Q/V (two passes, O(n), one small array of bins).</summary>
public static class ImpactBinning
{
    /// <summary>Default number of bins: 20 over the observed Q/V range.</summary>
    public const int DefaultBinCount = 20;

    /// <summary>Default minimum orders per reported bin.</summary>
    public const int DefaultMinCount = 5;

    /// <summary>
    /// Splits [min, max] of the positive finite sizes into <paramref name="binCount"/> bins of equal width in ln(Q/V)
    /// and returns, for every bin with at least <paramref name="minCount"/> orders, the mean size and mean impact.
    /// Pairs with a non-positive or non-finite size, or a non-finite impact, are skipped.
    /// </summary>
    public static ImpactBin[] LogBins(
        ReadOnlySpan<double> sizes,
        ReadOnlySpan<double> impacts,
        int binCount = DefaultBinCount,
        int minCount = DefaultMinCount)
    {
        ThrowHelper.ThrowIfLengthsDiffer(sizes.Length, impacts.Length, nameof(impacts));
        if (binCount < 1)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(binCount), "At least one bin is needed.");
        }

        if (minCount < 1)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(minCount), "The minimum count must be at least 1.");
        }

        double min = double.PositiveInfinity, max = 0;
        for (int i = 0; i < sizes.Length; i++)
        {
            if (Usable(sizes[i], impacts[i]))
            {
                min = Math.Min(min, sizes[i]);
                max = Math.Max(max, sizes[i]);
            }
        }

        if (max == 0)
        {
            return [];
        }

        double logMin = Math.Log(min);
        double logWidth = (Math.Log(max) - logMin) / binCount;
        var acc = new BinAccumulator[binCount];
        for (int i = 0; i < sizes.Length; i++)
        {
            if (!Usable(sizes[i], impacts[i]))
            {
                continue;
            }

            int b = logWidth > 0 ? (int)((Math.Log(sizes[i]) - logMin) / logWidth) : 0;
            acc[Math.Clamp(b, 0, binCount - 1)].Add(sizes[i], impacts[i]);
        }

        var bins = new List<ImpactBin>(binCount);
        for (int b = 0; b < binCount; b++)
        {
            if (acc[b].Count >= minCount)
            {
                double lower = Math.Exp(logMin + (b * logWidth));
                double upper = Math.Exp(logMin + ((b + 1) * logWidth));
                bins.Add(acc[b].ToBin(lower, upper));
            }
        }

        return [.. bins];
    }

    private static bool Usable(double size, double impact) => size > 0 && double.IsFinite(size) && double.IsFinite(impact);

    private struct BinAccumulator
    {
        public int Count;
        private double _sumSize;
        private double _mean;
        private double _m2;

        public void Add(double size, double impact)
        {
            Count++;
            _sumSize += size;
            double d = impact - _mean;
            _mean += d / Count;
            _m2 += d * (impact - _mean);
        }

        public readonly ImpactBin ToBin(double lower, double upper)
        {
            double se = Count > 1 ? Math.Sqrt(_m2 / (Count - 1) / Count) : double.NaN;
            return new ImpactBin(lower, upper, _sumSize / Count, _mean, se, Count);
        }
    }
}
