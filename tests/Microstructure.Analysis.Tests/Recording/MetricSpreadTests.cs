using Microstructure.Analysis.Recording;

namespace Microstructure.Analysis.Tests.Recording;

public sealed class MetricSpreadTests
{
    [Fact]
    public void Mean_sample_standard_deviation_min_and_max_of_the_finite_values()
    {
        MetricSpread s = MetricSpread.Of([1, 2, 3, 4]);
        Assert.Equal((4, 4), (s.Runs, s.Values));
        Assert.Equal(2.5, s.Mean);
        Assert.Equal(Math.Sqrt(5.0 / 3), s.StdDev, 15); // Σ(x − 2.5)² = 5, over n − 1 = 3
        Assert.Equal((1.0, 4.0), (s.Min, s.Max));
    }

    [Fact]
    public void Missing_values_are_left_out_and_counted()
    {
        MetricSpread s = MetricSpread.Of([double.NaN, 10, double.PositiveInfinity, 20]);
        Assert.Equal((4, 2, 15.0), (s.Runs, s.Values, s.Mean));
        Assert.Equal(Math.Sqrt(50), s.StdDev, 15);

        MetricSpread one = MetricSpread.Of([7]);
        Assert.Equal(7, one.Mean);
        Assert.True(double.IsNaN(one.StdDev));

        MetricSpread none = MetricSpread.Of([double.NaN]);
        Assert.Equal((1, 0), (none.Runs, none.Values));
        Assert.True(double.IsNaN(none.Mean) && double.IsNaN(none.Min) && double.IsNaN(none.Max));
    }
}
