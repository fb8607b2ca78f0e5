using Microstructure.Analysis.Statistics;

namespace Microstructure.Analysis.Tests.Statistics;

public sealed class QuantilesTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.25, 1.75)]
    [InlineData(0.5, 2.5)]
    [InlineData(1.0, 4.0)]
    public void Type_7_quantiles_interpolate_between_order_statistics(double p, double expected)
    {
        Assert.Equal(expected, Quantiles.OfSorted([1, 2, 3, 4], p), 12);
    }

    [Fact]
    public void Empty_sample_gives_NaN_and_bad_probability_is_rejected()
    {
        Assert.True(double.IsNaN(Quantiles.OfSorted([], 0.5)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.OfSorted([1.0], 1.5));
    }
}
