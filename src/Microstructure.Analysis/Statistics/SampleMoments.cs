namespace Microstructure.Analysis.Statistics;

/// <summary>Mean, spread and shape of a sample, from one pass (Welford/Terriberry updates).</summary>
/// <param name="Count">Number of finite values.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="StandardDeviation">Sample standard deviation (n − 1 denominator); NaN below 2 values.</param>
/// <param name="Skewness">Sample skewness m3/m2^1.5 (biased moment estimator); NaN below 3 values.</param>
/// <param name="ExcessKurtosis">m4/m2² − 3 (biased moment estimator; 0 for a Gaussian); NaN below 4 values.</param>
public readonly record struct SampleMoments(
    int Count,
    double Mean,
    double StandardDeviation,
    double Skewness,
    double ExcessKurtosis)
{
    /// <summary>Computes the moments of the finite values in <paramref name="values"/>.</summary>
    public static SampleMoments Of(ReadOnlySpan<double> values)
    {
        long n = 0;
        double mean = 0, m2 = 0, m3 = 0, m4 = 0;
        foreach (double x in values)
        {
            if (!double.IsFinite(x))
            {
                continue;
            }

            long n1 = n;
            n++;
            double delta = x - mean;
            double deltaN = delta / n;
            double deltaN2 = deltaN * deltaN;
            double term1 = delta * deltaN * n1;
            mean += deltaN;
            m4 += (term1 * deltaN2 * ((n * n) - (3 * n) + 3)) + (6 * deltaN2 * m2) - (4 * deltaN * m3);
            m3 += (term1 * deltaN * (n - 2)) - (3 * deltaN * m2);
            m2 += term1;
        }

        int count = n > int.MaxValue ? int.MaxValue : (int)n;
        if (n == 0)
        {
            return new SampleMoments(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double sd = n > 1 ? Math.Sqrt(m2 / (n - 1)) : double.NaN;
        double skew = n > 2 && m2 > 0 ? Math.Sqrt(n) * m3 / Math.Pow(m2, 1.5) : double.NaN;
        double kurt = n > 3 && m2 > 0 ? (n * m4 / (m2 * m2)) - 3 : double.NaN;
        return new SampleMoments(count, mean, sd, skew, kurt);
    }
}
