using Microstructure.Analysis.Series;
using Microstructure.Analysis.StylizedFacts;

namespace Microstructure.Analysis.Tests.StylizedFacts;

public sealed class LogReturnsTests
{
    [Fact]
    public void Non_overlapping_returns_at_a_horizon_are_log_price_differences()
    {
        long[] prices = [100, 110, 121, 100, 50];
        var r = new double[2];

        int n = LogReturns.Compute(prices, 2, r);

        Assert.Equal(2, n);
        Assert.Equal(Math.Log(121.0 / 100), r[0], 12);
        Assert.Equal(Math.Log(50.0 / 121), r[1], 12);
    }

    [Fact]
    public void Count_is_floor_of_steps_over_horizon()
    {
        Assert.Equal(4, LogReturns.Count(5, 1));
        Assert.Equal(2, LogReturns.Count(5, 2));
        Assert.Equal(1, LogReturns.Count(5, 3));
        Assert.Equal(0, LogReturns.Count(1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LogReturns.Count(5, 0));
    }

    [Fact]
    public void A_non_positive_price_is_rejected_naming_its_grid_index()
    {
        var ex = Assert.Throws<ArgumentException>(() => LogReturns.Compute([100, 0, 90], 1, new double[2]));
        Assert.Contains("index 1", ex.Message);
    }

    [Fact]
    public void Returns_from_an_irregular_series_use_the_last_price_at_each_grid_time()
    {
        // Mid changes at irregular times; grid every 10 ns from t = 0 to 30.
        var mid = new StepSeries(new long[] { 0, 5, 25 }, new long[] { 1000, 1010, 990 }, endNs: 30);

        double[] r = LogReturns.FromSeries(mid, 0, 10);

        // grid values: t0 1000, t10 1010, t20 1010, t30 990
        Assert.Equal(3, r.Length);
        Assert.Equal(Math.Log(1010.0 / 1000), r[0], 12);
        Assert.Equal(0.0, r[1], 12);
        Assert.Equal(Math.Log(990.0 / 1010), r[2], 12);
    }
}
