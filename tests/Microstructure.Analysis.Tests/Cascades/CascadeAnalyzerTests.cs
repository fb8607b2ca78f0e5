using Microstructure.Analysis.Cascades;
using Microstructure.Analysis.Series;
using Microstructure.Engine;

namespace Microstructure.Analysis.Tests.Cascades;

public sealed class CascadeAnalyzerTests
{
    private const long None = LiquidationRecord.NoParent;

    // A three-wave sell cascade: root at 100 (10000 → 9950), child at 200 (9950 → 9900), grandchild at 300 (9900 → 9800).
    private static readonly LiquidationRecord[] SellCascade =
    [
        new(1, None, 100, 1_000, Side.Sell, 10_000, 9_950),
        new(2, 1, 200, 2_000, Side.Sell, 9_950, 9_900),
        new(3, 2, 300, 3_000, Side.Sell, 9_900, 9_800),
    ];

    private static readonly StepSeries Mid = new(
        new long[] { 0, 100, 150, 200, 300, 400, 600, 700 },
        new long[] { 10_000, 9_950, 9_970, 9_900, 9_800, 9_850, 9_960, 10_000 },
        endNs: 1_000);

    private static readonly StepSeries Depth = new(
        new long[] { 0, 100, 200, 300, 500, 800 },
        new long[] { 500, 300, 200, 100, 400, 480 },
        endNs: 1_000);

    [Fact]
    public void Hand_built_sell_cascade_has_the_expected_metrics()
    {
        CascadeSummary c = Assert.Single(CascadeAnalyzer.Analyze(
            SellCascade, Mid, Depth, new CascadeOptions { ShockNotional = 1_500 }));

        Assert.Equal(1, c.RootId);
        Assert.Equal(100, c.StartNs);
        Assert.Equal(300, c.EndNs);
        Assert.Equal(200, c.DurationNs);
        Assert.Equal(3, c.Count);
        Assert.Equal(3, c.Waves);
        Assert.Equal(6_000, c.TotalNotional);
        Assert.Equal(6_000, c.SellNotional);
        Assert.Equal(Side.Sell, c.Direction);
        Assert.Equal(10_000, c.MidBefore);
        Assert.Equal(9_800, c.ExtremeMid);
        Assert.Equal(200, c.PeakToTrough);
        Assert.Equal(0.02, c.PeakToTroughRelative, 12);
        Assert.Equal(4.0, c.Amplification, 12);
        // Within 0.5% of 10000 (|m − 10000| ≤ 50) first at t = 600 (9960): 300 ns after the end.
        Assert.Equal(300, c.MidRecoveryNs);
        Assert.Equal(500, c.DepthBefore);
        Assert.Equal(100, c.MinDepth);
        // Depth ≥ 450 first at t = 800: 500 ns after the end.
        Assert.Equal(500, c.DepthRecoveryNs);
    }

    [Fact]
    public void A_bounce_inside_the_cascade_counts_toward_the_drawdown_from_the_running_peak()
    {
        // Mid rises above the start during the cascade (10100 at 150), then falls to 9800: drawdown 300.
        var mid = new StepSeries(new long[] { 0, 150, 300 }, new long[] { 10_000, 10_100, 9_800 }, endNs: 1_000);

        CascadeSummary c = Assert.Single(CascadeAnalyzer.Analyze(SellCascade, mid));

        Assert.Equal(300, c.PeakToTrough);
        Assert.Equal(9_800, c.ExtremeMid);
    }

    [Fact]
    public void Buy_cascade_measures_the_run_up()
    {
        LiquidationRecord[] buys =
        [
            new(1, None, 100, 500, Side.Buy, 10_000, 10_050),
            new(2, 1, 150, 700, Side.Buy, 10_050, 10_120),
            new(3, 2, 160, 100, Side.Sell, 10_120, 10_110),
        ];
        var mid = new StepSeries(new long[] { 0, 100, 150, 160 }, new long[] { 10_000, 10_050, 10_120, 10_110 }, endNs: 200);

        CascadeSummary c = Assert.Single(CascadeAnalyzer.Analyze(buys, mid));

        Assert.Equal(Side.Buy, c.Direction);
        Assert.Equal(1_200, c.BuyNotional);
        Assert.Equal(100, c.SellNotional);
        Assert.Equal(10_120, c.ExtremeMid);
        Assert.Equal(120, c.PeakToTrough);
        Assert.Null(c.MidRecoveryNs); // never back within 50 of 10000 before the end at 200
        Assert.True(double.IsNaN(c.Amplification)); // no shock given
        Assert.Null(c.DepthBefore);
    }

    [Fact]
    public void Hold_time_ignores_a_brief_touch_of_the_band()
    {
        // After the end (300): back to 9990 at 400 for only 50 ns, then 9900, then 10000 from 600 on.
        var mid = new StepSeries(
            new long[] { 0, 300, 400, 450, 600 },
            new long[] { 10_000, 9_800, 9_990, 9_900, 10_000 },
            endNs: 2_000);

        CascadeSummary firstTouch = Assert.Single(CascadeAnalyzer.Analyze(SellCascade, mid));
        CascadeSummary held = Assert.Single(CascadeAnalyzer.Analyze(
            SellCascade, mid, options: new CascadeOptions { RecoveryHoldNs = 100 }));
        CascadeSummary tooLong = Assert.Single(CascadeAnalyzer.Analyze(
            SellCascade, mid, options: new CascadeOptions { RecoveryHoldNs = 1_500 }));

        Assert.Equal(100, firstTouch.MidRecoveryNs);
        Assert.Equal(300, held.MidRecoveryNs);
        Assert.Null(tooLong.MidRecoveryNs); // 600 + 1500 is past the end of the series
    }

    [Fact]
    public void Recovery_horizon_bounds_the_search()
    {
        // The mid recovers 300 ns after the end, depth 500 ns after.
        CascadeSummary shortHorizon = Assert.Single(CascadeAnalyzer.Analyze(
            SellCascade, Mid, Depth, new CascadeOptions { RecoveryHorizonNs = 250 }));
        CascadeSummary exactHorizon = Assert.Single(CascadeAnalyzer.Analyze(
            SellCascade, Mid, Depth, new CascadeOptions { RecoveryHorizonNs = 300 }));

        Assert.Null(shortHorizon.MidRecoveryNs);
        Assert.Null(shortHorizon.DepthRecoveryNs);
        Assert.Equal(300, exactHorizon.MidRecoveryNs);
        Assert.Null(exactHorizon.DepthRecoveryNs);
    }

    [Fact]
    public void Separate_trees_get_their_own_metrics_and_per_root_shocks()
    {
        LiquidationRecord[] records =
        [
            .. SellCascade,
            new(7, None, 900, 400, Side.Sell, 10_000, 9_990),
        ];
        var options = new CascadeOptions
        {
            ShockNotional = 1_000,
            ShockNotionalByRoot = new Dictionary<long, long> { [7] = 100 },
        };

        CascadeSummary[] cs = CascadeAnalyzer.Analyze(records, Mid, Depth, options);

        Assert.Equal(2, cs.Length);
        Assert.Equal(6.0, cs[0].Amplification, 12);
        Assert.Equal(7, cs[1].RootId);
        Assert.Equal(1, cs[1].Count);
        Assert.Equal(1, cs[1].Waves);
        Assert.Equal(4.0, cs[1].Amplification, 12);
        Assert.Equal(0, cs[1].DurationNs);
    }

    [Fact]
    public void Notional_overflow_is_an_error_not_a_wrapped_sum()
    {
        LiquidationRecord[] records =
        [
            new(1, None, 0, long.MaxValue, Side.Sell, 100, 99),
            new(2, 1, 1, 1, Side.Sell, 99, 98),
        ];

        Assert.Throws<OverflowException>(() => CascadeAnalyzer.Analyze(records, Mid));
    }

    [Fact]
    public void Unknown_root_mid_falls_back_to_the_series_before_the_start()
    {
        LiquidationRecord[] records = [new(1, None, 100, 10, Side.Sell, 0, 0)];

        CascadeSummary c = Assert.Single(CascadeAnalyzer.Analyze(records, Mid));

        Assert.Equal(10_000, c.MidBefore);
    }
}
