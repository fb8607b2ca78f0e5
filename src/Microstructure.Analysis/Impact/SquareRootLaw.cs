using Microstructure.Analysis.Statistics;

namespace Microstructure.Analysis.Impact;

/// <summary>Least-squares fit of the square-root impact law in log-log space.</summary>
public static class SquareRootLaw
{
    /// <summary>
    /// Fits ln I = ln(Y·σ) + δ·ln(Q/V) to the bins' (MeanSize, MeanImpact), unweighted; bins with a non-positive
    /// mean impact cannot be logged and are left out (the count says how many entered).
    /// </summary>
    /// <param name="bins">Binned impact curve (e.g. from <see cref="ImpactBinning.LogBins"/>).</param>
    /// <param name="sigma">Volatility of log returns over the window that defines V; must be positive.</param>
    public static SquareRootLawFit Fit(ReadOnlySpan<ImpactBin> bins, double sigma)
    {
        var acc = default(RegressionAccumulator);
        double sumHalfLog = 0;
        foreach (ImpactBin bin in bins)
        {
            if (bin.MeanSize > 0 && bin.MeanImpact > 0)
            {
                double lx = Math.Log(bin.MeanSize);
                double ly = Math.Log(bin.MeanImpact);
                acc.Add(lx, ly);
                sumHalfLog += ly - (0.5 * lx);
            }
        }

        return Build(acc, sumHalfLog, sigma);
    }

    /// <summary>The same fit on raw (Q/V, impact) points; non-positive points are left out.</summary>
    public static SquareRootLawFit Fit(ReadOnlySpan<double> sizes, ReadOnlySpan<double> impacts, double sigma)
    {
        ThrowHelper.ThrowIfLengthsDiffer(sizes.Length, impacts.Length, nameof(impacts));
        var acc = default(RegressionAccumulator);
        double sumHalfLog = 0;
        for (int i = 0; i < sizes.Length; i++)
        {
            if (sizes[i] > 0 && impacts[i] > 0 && double.IsFinite(sizes[i]) && double.IsFinite(impacts[i]))
            {
                double lx = Math.Log(sizes[i]);
                double ly = Math.Log(impacts[i]);
                acc.Add(lx, ly);
                sumHalfLog += ly - (0.5 * lx);
            }
        }

        return Build(acc, sumHalfLog, sigma);
    }

    private static SquareRootLawFit Build(RegressionAccumulator acc, double sumHalfLog, double sigma)
    {
        if (!(sigma > 0))
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(sigma), "σ must be positive to normalise the prefactor.");
        }

        LinearFit line = acc.Result();
        double yHalf = acc.Count > 0 ? Math.Exp(sumHalfLog / acc.Count) / sigma : double.NaN;
        return new SquareRootLawFit(
            line.Slope,
            Math.Exp(line.Intercept) / sigma,
            line.SlopeStandardError,
            line.RSquared,
            line.Count,
            sigma,
            yHalf);
    }
}
