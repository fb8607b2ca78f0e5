using Microstructure.Analysis.Plots;

namespace Microstructure.Analysis.Tests.Plots;

public sealed class TimeWindowTests
{
    private const long S = ChartData.Second;

    [Fact]
    public void A_cascade_at_one_instant_gets_the_minimum_padding_on_both_sides()
    {
        TimeWindow w = TimeWindow.AroundCascade([241 * S, 241 * S, 241 * S], 0, 600 * S, 5 * S);
        Assert.Equal(new TimeWindow(236 * S, 246 * S), w);
        Assert.Equal(10 * S, w.LengthNs);
    }

    [Fact]
    public void A_cascade_over_minutes_is_padded_by_a_tenth_of_its_span()
    {
        TimeWindow w = TimeWindow.AroundCascade([400 * S, 100 * S, 250 * S], 0, 3_600 * S, 5 * S);
        Assert.Equal(new TimeWindow(70 * S, 430 * S), w);
    }

    [Fact]
    public void The_window_stays_inside_the_run_unless_that_would_leave_a_sliver()
    {
        Assert.Equal(new TimeWindow(0, 7 * S), TimeWindow.AroundCascade([2 * S], 0, 600 * S, 5 * S));
        Assert.Equal(new TimeWindow(595 * S, 600 * S), TimeWindow.AroundCascade([600 * S], 0, 600 * S, 5 * S));
        // A run that ends at its only liquidation, at its start: the window leaves the run rather than being empty.
        TimeWindow w = TimeWindow.AroundCascade([0], 0, 0, 5 * S);
        Assert.True(w.LengthNs > 0);
        Assert.True(w.Contains(0));
    }

    [Fact]
    public void Without_liquidations_the_window_is_the_whole_run()
    {
        Assert.Equal(new TimeWindow(10, 600 * S), TimeWindow.AroundCascade([], 10, 600 * S, 5 * S));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimeWindow.AroundCascade([], 0, 1, 0));
    }
}
