using Microstructure.Analysis.Impact;
using Microstructure.Analysis.Series;

namespace Microstructure.Analysis.Tests.Impact;

public sealed class ImpactScaleTests
{
    [Fact]
    public void Volume_per_window_scales_total_volume_by_window_over_duration()
    {
        Assert.Equal(250.0, ImpactScale.VolumePerWindow(10_000, durationNs: 40_000, windowNs: 1_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImpactScale.VolumePerWindow(1, 0, 1));
    }

    [Fact]
    public void Volatility_per_window_is_the_standard_deviation_of_window_log_returns()
    {
        // Mid alternates 1000, 1100 every 10 ns: window returns ±ln 1.1.
        var times = new long[] { 0, 10, 20, 30, 40 };
        var mids = new long[] { 1000, 1100, 1000, 1100, 1000 };
        var mid = new StepSeries(times, mids);

        double sigma = ImpactScale.VolatilityPerWindow(mid, 0, 10);

        // Returns +a, −a, +a, −a (mean 0): sample s.d. = a·√(4/3).
        Assert.Equal(Math.Log(1.1) * Math.Sqrt(4.0 / 3), sigma, 12);
    }
}
