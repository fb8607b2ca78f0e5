using Microstructure.Analysis.StylizedFacts;

namespace Microstructure.Analysis.Tests.StylizedFacts;

public sealed class HillEstimatorTests
{
    [Theory]
    [InlineData(2.0)]
    [InlineData(3.0)]
    [InlineData(4.0)]
    public void Pareto_tail_index_is_recovered_within_five_percent(double alpha)
    {
        double[] x = Samplers.SymmetricPareto(100_000, alpha, seed: 11);

        HillEstimate h = HillEstimator.Estimate(x);

        // Exact Pareto: Hill is unbiased for any k; the 5% tail gives k = 5,000, s.e. α/√k ≈ 1.4%.
        Assert.Equal(5_000, h.K);
        Assert.InRange(h.Alpha, alpha * 0.95, alpha * 1.05);
        Assert.Equal(h.Alpha / Math.Sqrt(h.K), h.StandardError, 12);
    }

    [Fact]
    public void Student_t_with_three_degrees_of_freedom_gives_alpha_near_three()
    {
        double[] x = Samplers.StudentTs(200_000, 3, seed: 5);

        HillEstimate h = HillEstimator.Estimate(x);

        // Student-t is Pareto only asymptotically: the 5% tail is biased slightly low; within 12%.
        Assert.InRange(h.Alpha, 3 * 0.88, 3 * 1.12);
    }

    [Fact]
    public void Gaussian_tails_give_a_large_tail_index()
    {
        HillEstimate h = HillEstimator.Estimate(Samplers.Normals(100_000, 2));

        Assert.True(h.Alpha > 5, $"alpha {h.Alpha}");
    }

    [Fact]
    public void Hand_computed_estimate_from_sorted_sample()
    {
        double[] sorted = [8, 4, 2, 1];

        HillEstimate h = HillEstimator.FromSortedDescending(sorted, 2);

        // 1/α = (ln 8 + ln 4)/2 − ln 2 = (3 ln2 + 2 ln2)/2 − ln2 = 1.5 ln 2
        Assert.Equal(1 / (1.5 * Math.Log(2)), h.Alpha, 12);
        Assert.Equal(2.0, h.Threshold);
        Assert.Equal(4, h.TailCount);
    }

    [Fact]
    public void Sides_select_the_loss_or_gain_tail()
    {
        // Gains Pareto(α = 2), losses Pareto(α = 4).
        var rng = new Random(9);
        var x = new double[200_000];
        for (int i = 0; i < x.Length; i++)
        {
            double u = 1.0 - rng.NextDouble();
            x[i] = i % 2 == 0 ? Math.Pow(u, -1 / 2.0) : -Math.Pow(u, -1 / 4.0);
        }

        Assert.InRange(HillEstimator.Estimate(x, side: TailSide.Right).Alpha, 1.9, 2.1);
        Assert.InRange(HillEstimator.Estimate(x, side: TailSide.Left).Alpha, 3.8, 4.2);
    }

    [Fact]
    public void Range_of_k_is_ascending_distinct_and_stable_on_a_pareto_sample()
    {
        double[] x = Samplers.SymmetricPareto(50_000, 3, seed: 4);

        HillEstimate[] range = HillEstimator.EstimateOverRange(x, 0.005, 0.15, 20);

        Assert.True(range.Length >= 15);
        for (int i = 1; i < range.Length; i++)
        {
            Assert.True(range[i].K > range[i - 1].K);
        }

        Assert.Equal(250, range[0].K);
        Assert.Equal(7_500, range[^1].K);
        Assert.All(range, h => Assert.InRange(h.Alpha, 2.5, 3.5));
        // Each point equals the direct estimate at that k.
        HillEstimate direct = HillEstimator.Estimate(x, 7_500.0 / 50_000);
        Assert.Equal(direct.Alpha, range[^1].Alpha, 9);
    }

    [Fact]
    public void Too_small_sample_gives_NaN_and_bad_fraction_is_rejected()
    {
        Assert.True(double.IsNaN(HillEstimator.Estimate([1.0, 2.0]).Alpha));
        Assert.Throws<ArgumentOutOfRangeException>(() => HillEstimator.Estimate([1.0], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => HillEstimator.Estimate([1.0], 1));
    }
}
