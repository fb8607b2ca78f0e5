using FsCheck;
using FsCheck.Fluent;
using Microstructure.Analysis.Statistics;

namespace Microstructure.Analysis.Tests.Statistics;

public sealed class RegressionAccumulatorTests
{
    [Fact]
    public void Streaming_fit_equals_the_two_pass_formula_on_random_data()
    {
        Prop.ForAll(
            Gen.ArrayOf(Gen.Choose(-1000, 1000).Select(i => i / 10.0), 40).ToArbitrary(),
            Gen.Choose(1, 1000).ToArbitrary(),
            (double[] noise, int seed) =>
            {
                var rng = new Random(seed);
                var x = new double[noise.Length];
                var y = new double[noise.Length];
                for (int i = 0; i < x.Length; i++)
                {
                    x[i] = 1e6 + (rng.NextDouble() * 100); // a large mean stresses the naive sums
                    y[i] = (3 * x[i]) + noise[i];
                }

                var acc = default(RegressionAccumulator);
                for (int i = 0; i < x.Length; i++)
                {
                    acc.Add(x[i], y[i]);
                }

                (double slope, double intercept) = TwoPass(x, y);
                LinearFit fit = acc.Result();
                return Math.Abs(fit.Slope - slope) < 1e-6 * Math.Max(1, Math.Abs(slope))
                    && Math.Abs(fit.Intercept - intercept) < 1e-3 * Math.Max(1, Math.Abs(intercept));
            }).QuickCheckThrowOnFailure();
    }

    private static (double Slope, double Intercept) TwoPass(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        double sxy = 0, sxx = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }

        double slope = sxy / sxx;
        return (slope, my - (slope * mx));
    }
}
