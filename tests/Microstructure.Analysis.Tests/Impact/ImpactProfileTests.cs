using Microstructure.Analysis.Impact;
using Microstructure.Analysis.Series;
using Microstructure.Engine;

namespace Microstructure.Analysis.Tests.Impact;

public sealed class ImpactProfileTests
{
    [Fact]
    public void Profile_averages_signed_log_changes_and_orders_near_the_end_drop_out_of_long_lags()
    {
        // Mid 1000 until t = 10, 1010 from 10, 1005 from 20; the series ends at 40.
        var mid = new StepSeries(new long[] { 0, 10, 20 }, new long[] { 1000, 1010, 1005 }, endNs: 40);
        MarketOrderImpact[] orders =
        [
            new(10, Side.Buy, 1, 1000, 1010, 0), // +ln(1010/1000) at lag 0, +ln(1005/1000) at lag 10 and 25
            new(20, Side.Sell, 1, 1010, 1005, 0), // −ln(1005/1010) at lag 0 and 10; lag 25 is past the end
            new(5, Side.Buy, 1, 0, 0, 0), // unknown mid before: ignored
        ];
        long[] lags = [0, 10, 25];
        var mean = new double[3];
        var counts = new int[3];

        ImpactProfile.Average(orders, mid, lags, mean, counts);

        Assert.Equal([2, 2, 1], counts);
        Assert.Equal((Math.Log(1.01) - Math.Log(1005.0 / 1010)) / 2, mean[0], 12);
        Assert.Equal((Math.Log(1.005) - Math.Log(1005.0 / 1010)) / 2, mean[1], 12);
        Assert.Equal(Math.Log(1.005), mean[2], 12);
    }

    [Fact]
    public void Lags_without_any_order_are_NaN()
    {
        var mid = new StepSeries(new long[] { 0 }, new long[] { 1000 }, endNs: 5);
        var mean = new double[1];
        var counts = new int[1];

        ImpactProfile.Average([new MarketOrderImpact(0, Side.Buy, 1, 1000, 1000, 0)], mid, [100], mean, counts);

        Assert.Equal(0, counts[0]);
        Assert.True(double.IsNaN(mean[0]));
    }
}
