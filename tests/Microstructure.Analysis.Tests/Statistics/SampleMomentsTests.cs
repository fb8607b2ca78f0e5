using Microstructure.Analysis.Statistics;

namespace Microstructure.Analysis.Tests.Statistics;

public sealed class SampleMomentsTests
{
    [Fact]
    public void Small_sample_mean_and_standard_deviation_match_hand_computation()
    {
        SampleMoments m = SampleMoments.Of([2, 4, 4, 4, 5, 5, 7, 9]);

        Assert.Equal(8, m.Count);
        Assert.Equal(5.0, m.Mean, 12);
        Assert.Equal(Math.Sqrt(32.0 / 7), m.StandardDeviation, 12);
    }

    [Fact]
    public void Gaussian_sample_has_near_zero_skewness_and_excess_kurtosis()
    {
        SampleMoments m = SampleMoments.Of(Samplers.Normals(200_000, 7));

        Assert.InRange(m.Mean, -0.01, 0.01);
        Assert.InRange(m.StandardDeviation, 0.99, 1.01);
        Assert.InRange(m.Skewness, -0.03, 0.03);
        Assert.InRange(m.ExcessKurtosis, -0.06, 0.06);
    }

    [Fact]
    public void Student_t_sample_has_clearly_positive_excess_kurtosis()
    {
        // t(5): excess kurtosis 6/(ν−4) = 6.
        SampleMoments m = SampleMoments.Of(Samplers.StudentTs(200_000, 5, 3));

        Assert.True(m.ExcessKurtosis > 3, $"kurtosis {m.ExcessKurtosis}");
    }

    [Fact]
    public void Non_finite_values_are_ignored_and_empty_input_gives_NaN()
    {
        Assert.Equal(2, SampleMoments.Of([1, double.NaN, 3, double.PositiveInfinity]).Count);
        Assert.True(double.IsNaN(SampleMoments.Of([]).Mean));
    }
}
