namespace Microstructure.Analysis.Statistics;

/// <summary>Sample quantiles by linear interpolation between order statistics (Hyndman–Fan type 7, R's default).</summary>
public static class Quantiles
{
    /// <summary>The p-quantile of an ascending-sorted sample: x[h] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]), h = (n − 1)p.</summary>
    public static double OfSorted(ReadOnlySpan<double> sorted, double p)
    {
        if (!(p >= 0 && p <= 1))
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(p), "The probability must lie in [0, 1].");
        }

        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        double h = (sorted.Length - 1) * p;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
