namespace Microstructure.Analysis.Recording;

/// <summary>
/// One metric of one design across seeds: how many runs, how many had a value (NaN is "no value", e.g. a mid that never
/// recovered), and the mean, sample standard deviation (n − 1), minimum and maximum of those values.
/// </summary>
/// <param name="Runs">Runs (seeds) of the design.</param>
/// <param name="Values">Runs with a finite value.</param>
/// <param name="Mean">Mean of the finite values (NaN when there are none).</param>
/// <param name="StdDev">Sample standard deviation (NaN with fewer than two values).</param>
/// <param name="Min">Smallest value (NaN when none).</param>
/// <param name="Max">Largest value (NaN when none).</param>
public readonly record struct MetricSpread(int Runs, int Values, double Mean, double StdDev, double Min, double Max)
{
    /// <summary>The spread of <paramref name="values"/>, summed in the order given (callers sort by seed).</summary>
    public static MetricSpread Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int n = 0;
        double sum = 0, min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (double v in values)
        {
            if (!double.IsFinite(v))
            {
                continue;
            }

            n++;
            sum += v;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        if (n == 0)
        {
            return new MetricSpread(values.Count, 0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double mean = sum / n;
        double squares = 0;
        foreach (double v in values)
        {
            if (double.IsFinite(v))
            {
                squares += (v - mean) * (v - mean);
            }
        }

        double std = n > 1 ? Math.Sqrt(squares / (n - 1)) : double.NaN;
        return new MetricSpread(values.Count, n, mean, std, min, max);
    }
}
