using Microstructure.Analysis.Cascades;
using Microstructure.Analysis.Series;

namespace Microstructure.Analysis.Tests.Cascades;

public sealed class RecoveryScanTests
{
    private static readonly StepSeries Depth = new(
        new long[] { 0, 10, 20, 30 },
        new long[] { 100, 40, 95, 60 },
        endNs: 100);

    [Fact]
    public void First_time_at_or_after_the_start_that_passes_is_found()
    {
        Assert.Equal(20, RecoveryScan.FirstSustained(Depth, 12, 0, long.MaxValue, new AtLeast(90)));
        Assert.Equal(12, RecoveryScan.FirstSustained(Depth, 12, 0, long.MaxValue, new AtLeast(30))); // already passing at 12
    }

    [Fact]
    public void Hold_requires_the_value_to_keep_passing_and_the_series_end_counts()
    {
        Assert.Null(RecoveryScan.FirstSustained(Depth, 12, 15, long.MaxValue, new AtLeast(90))); // 95 lasts only 10 ns
        Assert.Equal(12, RecoveryScan.FirstSustained(Depth, 12, 88, long.MaxValue, new AtLeast(30))); // holds to the end at 100
        Assert.Null(RecoveryScan.FirstSustained(Depth, 12, 89, long.MaxValue, new AtLeast(30))); // 12 + 89 is past the end
    }

    [Fact]
    public void Nothing_is_found_after_the_search_limit_or_outside_the_series()
    {
        Assert.Null(RecoveryScan.FirstSustained(Depth, 12, 0, 19, new AtLeast(90)));
        Assert.Null(RecoveryScan.FirstSustained(Depth, 101, 0, long.MaxValue, new AtLeast(0)));
        Assert.Equal(10, RecoveryScan.FirstSustained(Depth, 5, 0, long.MaxValue, new WithinBand(50, 10)));
    }
}
