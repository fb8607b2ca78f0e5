using FsCheck;
using FsCheck.Fluent;
using Microstructure.Analysis.Series;

namespace Microstructure.Analysis.Tests.Series;

public sealed class StepSeriesTests
{
    private static readonly long[] Times = [10, 20, 20, 35];
    private static readonly long[] Values = [100, 101, 102, 99];

    [Fact]
    public void Value_at_a_time_is_the_last_observation_at_or_before_it()
    {
        var s = new StepSeries(Times, Values);

        Assert.False(s.TryGetValueAt(9, out _));
        Assert.True(s.TryGetValueAt(10, out long a));
        Assert.Equal(100, a);
        Assert.True(s.TryGetValueAt(20, out long b));
        Assert.Equal(102, b); // the last of the two observations at t = 20
        Assert.True(s.TryGetValueAt(34, out long c));
        Assert.Equal(102, c);
        Assert.True(s.TryGetValueAt(35, out long d));
        Assert.Equal(99, d);
    }

    [Fact]
    public void Nothing_is_known_after_the_end()
    {
        var s = new StepSeries(Times, Values, endNs: 50);

        Assert.True(s.TryGetValueAt(50, out _));
        Assert.False(s.TryGetValueAt(51, out _));
    }

    [Fact]
    public void Index_before_is_strict()
    {
        var s = new StepSeries(Times, Values);

        Assert.Equal(0, s.IndexBefore(20));
        Assert.Equal(2, s.IndexAtOrBefore(20));
        Assert.Equal(-1, s.IndexBefore(10));
    }

    [Fact]
    public void Times_going_backwards_are_rejected_with_the_index()
    {
        var ex = Assert.Throws<ArgumentException>(() => new StepSeries(new long[] { 5, 4 }, new long[] { 1, 1 }));
        Assert.Contains("index 1", ex.Message);
    }

    [Fact]
    public void Grid_sampling_stops_at_the_end_and_rejects_a_start_before_the_data()
    {
        var s = new StepSeries(Times, Values, endNs: 40);
        var grid = new long[10];

        int n = s.SampleOnGrid(10, 10, grid);

        Assert.Equal(4, n); // 10, 20, 30, 40
        Assert.Equal([100, 102, 102, 99], grid[..4]);
        Assert.Equal(4, s.GridLength(10, 10));
        Assert.Throws<ArgumentException>(() => s.SampleOnGrid(5, 10, grid));
    }

    [Fact]
    public void Grid_sampling_agrees_with_pointwise_lookup()
    {
        Prop.ForAll(
            Gen.ArrayOf(Gen.Choose(0, 5), 30).ToArbitrary(),
            Gen.Choose(1, 7).ToArbitrary(),
            (int[] gaps, int step) =>
            {
                var times = new long[gaps.Length];
                var values = new long[gaps.Length];
                long t = 0;
                for (int i = 0; i < gaps.Length; i++)
                {
                    t += gaps[i];
                    times[i] = t;
                    values[i] = i * 3;
                }

                var s = new StepSeries(times, values);
                var grid = new long[s.GridLength(times[0], step)];
                int n = s.SampleOnGrid(times[0], step, grid);
                for (int k = 0; k < n; k++)
                {
                    if (!s.TryGetValueAt(times[0] + (k * step), out long v) || v != grid[k])
                    {
                        return false;
                    }
                }

                return n == grid.Length;
            }).QuickCheckThrowOnFailure();
    }
}
