namespace Microstructure.Analysis.Statistics;

/// <summary>Ordinary least squares on paired spans: plain, and in log-log space for power laws.</summary>
public static class LeastSquares
{
    /// <summary>Fits <c>y = a + b·x</c> over the pairs whose coordinates are both finite.</summary>
    public static LinearFit Fit(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        ThrowHelper.ThrowIfLengthsDiffer(x.Length, y.Length, nameof(y));
        var acc = default(RegressionAccumulator);
        for (int i = 0; i < x.Length; i++)
        {
            if (double.IsFinite(x[i]) && double.IsFinite(y[i]))
            {
                acc.Add(x[i], y[i]);
            }
        }

        return acc.Result();
    }

    /// <summary>
    /// Fits <c>y = Prefactor · x^Exponent</c> as a line in (ln x, ln y). Pairs with a non-positive or non-finite
    /// coordinate cannot be logged and are skipped (their number is <c>x.Length − Count</c>).
    /// </summary>
    public static PowerLawFit FitPowerLaw(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        ThrowHelper.ThrowIfLengthsDiffer(x.Length, y.Length, nameof(y));
        var acc = default(RegressionAccumulator);
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] > 0 && y[i] > 0 && double.IsFinite(x[i]) && double.IsFinite(y[i]))
            {
                acc.Add(Math.Log(x[i]), Math.Log(y[i]));
            }
        }

        return PowerLawFit.FromLogLogLine(acc.Result());
    }
}
