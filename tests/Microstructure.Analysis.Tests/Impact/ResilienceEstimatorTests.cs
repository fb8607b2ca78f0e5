using Microstructure.Analysis.Impact;
using Microstructure.Analysis.Series;
using Microstructure.Engine;

namespace Microstructure.Analysis.Tests.Impact;

public sealed class ResilienceEstimatorTests
{
    private const long Second = 1_000_000_000;

    [Fact]
    public void Exact_exponential_decay_is_recovered()
    {
        long[] lags = Enumerable.Range(0, 40).Select(i => i * Second / 4).ToArray();
        double[] impact = lags.Select(l => 0.002 + (0.008 * Math.Exp(-0.5 * l / (double)Second))).ToArray();

        ResilienceFit fit = ResilienceEstimator.Fit(lags, impact);

        Assert.True(fit.IsResolved);
        Assert.Equal(0.5, fit.DecayRatePerSecond, 5);
        Assert.InRange(fit.HalfLifeNs, Math.Log(2) / 0.5 * Second * 0.9999, Math.Log(2) / 0.5 * Second * 1.0001);
        Assert.Equal(0.010, fit.InitialImpact, 8);
        Assert.Equal(0.002, fit.PermanentImpact, 8);
        Assert.Equal(1.0, fit.RSquared, 9);
        Assert.Equal(0.006, fit.Evaluate(fit.HalfLifeNs), 8); // halfway from I_0 to I_∞
    }

    [Fact]
    public void Orders_whose_impact_relaxes_in_the_mid_series_give_the_resilience_rate()
    {
        // Isolated orders every 60 s; each moves the mid by ε·(50 + 150·e^(−ρτ)) ticks, ρ = 0.4/s, on a
        // 10 ms grid. The profile from the mid series and the fit must recover ρ, I_0 and I_∞.
        const double Rho = 0.4;
        const long Base = 1_000_000;
        var rng = new Random(3);
        var orders = new List<MarketOrderImpact>();
        var times = new List<long>();
        var mids = new List<long>();
        long level = Base;
        for (int k = 0; k < 100; k++)
        {
            long t0 = k * 60 * Second;
            Side side = rng.Next(2) == 0 ? Side.Buy : Side.Sell;
            int sign = ImpactMeasures.Sign(side);
            orders.Add(new MarketOrderImpact(t0, side, 10, level, 0, 0));
            long start = level;
            for (long tau = 0; tau < 60 * Second; tau += Second / 100)
            {
                times.Add(t0 + tau);
                mids.Add(start + (long)Math.Round(sign * (50 + (150 * Math.Exp(-Rho * tau / Second)))));
            }

            level = start + (sign * 50);
        }

        var mid = new StepSeries(times.ToArray(), mids.ToArray());
        long[] lags = Enumerable.Range(0, 60).Select(i => i * Second / 4).ToArray();
        var profile = new double[lags.Length];
        var counts = new int[lags.Length];

        ImpactProfile.Average(orders.ToArray(), mid, lags, profile, counts);
        ResilienceFit fit = ResilienceEstimator.Fit(lags, profile);

        Assert.All(counts, c => Assert.Equal(100, c));
        Assert.InRange(fit.DecayRatePerSecond, Rho * 0.97, Rho * 1.03);
        Assert.InRange(fit.PermanentImpact, 49e-6, 51e-6);
        Assert.InRange(fit.InitialImpact, 198e-6, 202e-6);
    }

    [Fact]
    public void Decay_faster_than_the_first_lag_is_reported_as_unresolved()
    {
        long[] lags = [0, Second, 2 * Second, 3 * Second, 4 * Second];
        double[] impact = [0.01, 0.002, 0.002, 0.002, 0.002];

        ResilienceFit fit = ResilienceEstimator.Fit(lags, impact);

        Assert.False(fit.IsResolved);
    }

    [Fact]
    public void Too_few_points_give_an_undefined_fit()
    {
        Assert.False(ResilienceEstimator.Fit([0, Second], [0.01, 0.005]).IsDefined);
        Assert.False(ResilienceEstimator.Fit([0, Second, 2 * Second], [0.01, double.NaN, 0.004]).IsDefined);
    }
}
