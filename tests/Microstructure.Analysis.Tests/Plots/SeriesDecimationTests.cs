using Microstructure.Analysis.Plots;
using Microstructure.Analysis.Series;

namespace Microstructure.Analysis.Tests.Plots;

public sealed class SeriesDecimationTests
{
    [Fact]
    public void Long_series_shrink_to_at_most_four_points_per_bucket_and_keep_the_extremes()
    {
        int n = 100_000;
        var times = new long[n];
        var values = new long[n];
        for (int i = 0; i < n; i++)
        {
            times[i] = i * 1_000L;
            values[i] = 1_000 + (i % 7);
        }

        values[54_321] = 5; // a one-point crash
        values[77_777] = 9_999; // a one-point spike

        (double[] x, double[] y) = SeriesDecimation.MinMax(new StepSeries(times, values), 100, originNs: 0, scale: 0.5);

        Assert.True(x.Length <= 400, $"{x.Length} points");
        Assert.Contains(2.5, y);
        Assert.Contains(4_999.5, y);
        Assert.Equal(0.0, x[0]);
        Assert.Equal((n - 1) * 1e-6, x[^1], 9);
        for (int i = 1; i < x.Length; i++)
        {
            Assert.True(x[i] > x[i - 1]);
        }
    }

    [Fact]
    public void Short_series_pass_through_scaled()
    {
        var s = new StepSeries(new long[] { 1_000_000_000, 2_000_000_000 }, new long[] { 10, 20 });

        (double[] x, double[] y) = SeriesDecimation.MinMax(s, 10, originNs: 0, scale: 0.1);

        Assert.Equal([1.0, 2.0], x);
        Assert.Equal([1.0, 2.0], y);
    }
}
