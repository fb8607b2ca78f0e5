using Microstructure.Analysis.Impact;
using Microstructure.Engine;

namespace Microstructure.Analysis.Tests.Impact;

public sealed class SquareRootLawTests
{
    [Theory]
    [InlineData(0.5, 1.0)]
    [InlineData(0.4, 0.7)]
    [InlineData(0.6, 1.5)]
    public void Synthetic_orders_with_a_known_law_recover_exponent_and_prefactor(double delta, double y)
    {
        const double Sigma = 0.01;
        const double V = 10_000;
        const long Mid = 10_000_000;
        var rng = new Random(42);
        var orders = new MarketOrderImpact[40_000];
        for (int i = 0; i < orders.Length; i++)
        {
            // Q/V log-uniform over four decades, 1e-4 … 1.
            double qv = Math.Pow(10, -4 + (4 * rng.NextDouble()));
            long q = Math.Max(1, (long)Math.Round(qv * V));
            double truth = y * Sigma * Math.Pow(q / V, delta);
            double impact = truth * (1 + (0.5 * Samplers.Normal(rng))); // zero-mean noise: bin means unbiased
            Side side = rng.Next(2) == 0 ? Side.Buy : Side.Sell;
            long after = (long)Math.Round(Mid * Math.Exp(ImpactMeasures.Sign(side) * impact));
            orders[i] = new MarketOrderImpact(i, side, q, Mid, after, 0);
        }

        var sizes = new double[orders.Length];
        var impacts = new double[orders.Length];
        ImpactMeasures.NormalizedSizes(orders, V, sizes);
        ImpactMeasures.Immediate(orders, impacts);
        ImpactBin[] bins = ImpactBinning.LogBins(sizes, impacts);

        SquareRootLawFit fit = SquareRootLaw.Fit(bins, Sigma);

        Assert.InRange(fit.Exponent, delta - 0.02, delta + 0.02);
        Assert.InRange(fit.Prefactor, y * 0.9, y * 1.1);
        Assert.True(fit.RSquared > 0.99, $"R² {fit.RSquared}");
        Assert.True(fit.Count >= 15);
        Assert.InRange(fit.ExponentStandardError, 1e-5, 0.02);
        Assert.Equal(fit.Prefactor * Sigma * Math.Pow(0.01, fit.Exponent), fit.Evaluate(0.01), 12);
    }

    [Fact]
    public void Exact_square_root_points_give_the_same_prefactor_with_and_without_fixing_the_exponent()
    {
        double[] sizes = [0.001, 0.01, 0.1, 1];
        double[] impacts = sizes.Select(q => 0.8 * 0.02 * Math.Sqrt(q)).ToArray();

        SquareRootLawFit fit = SquareRootLaw.Fit(sizes, impacts, 0.02);

        Assert.Equal(0.5, fit.Exponent, 10);
        Assert.Equal(0.8, fit.Prefactor, 10);
        Assert.Equal(0.8, fit.PrefactorAtSquareRoot, 10);
        Assert.Equal(0.0, fit.ExponentStandardError, 9);
    }

    [Fact]
    public void Bins_with_non_positive_mean_impact_are_left_out_and_sigma_must_be_positive()
    {
        ImpactBin[] bins =
        [
            new(0, 0, 0.01, -0.001, 0, 10),
            new(0, 0, 0.1, 0.002, 0, 10),
            new(0, 0, 1, 0.004, 0, 10),
        ];

        Assert.Equal(2, SquareRootLaw.Fit(bins, 0.01).Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => SquareRootLaw.Fit(bins, 0));
    }
}
