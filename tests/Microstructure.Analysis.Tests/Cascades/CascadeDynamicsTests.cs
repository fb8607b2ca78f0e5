using FsCheck;
using FsCheck.Fluent;
using Microstructure.Analysis.Recording;
using Microstructure.Analysis.Series;

namespace Microstructure.Analysis.Tests.Cascades;

public class CascadeDynamicsTests
{
    private const long Second = 1_000_000_000;

    [Fact]
    public void Hill_recovers_the_tail_index_of_pareto_quantiles()
    {
        foreach (double alpha in new[] { 1.0, 1.5, 2.5 })
        {
            // The exact quantiles of a Pareto(α) sample of 2,000: x_i = (n / i)^(1/α).
            int n = 2_000;
            long[] values = [.. Enumerable.Range(1, n).Select(i => (long)(1_000_000 * Math.Pow(n / (double)i, 1 / alpha))).Order()];
            Assert.InRange(CascadeDynamics.HillTop10(values), alpha * 0.9, alpha * 1.1);
        }
    }

    [Fact]
    public void Hill_is_undefined_under_ten_values_or_without_a_tail()
    {
        Assert.True(double.IsNaN(CascadeDynamics.HillTop10([1, 2, 3])));
        Assert.True(double.IsNaN(CascadeDynamics.HillTop10(Enumerable.Repeat(5L, 50).ToArray())));
    }

    [Fact]
    public void Only_liquidations_from_the_first_shock_count_and_seconds_and_shares_add_up()
    {
        var gen =
            from times in Gen.ListOf(Gen.Choose(0, 300))
            from shock in Gen.Choose(0, 300)
            select (times, shock);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var liquidations = c.times.Select((t, i) => Liquidation(i + 1, t * Second, notional: 100 + i)).ToList();
            var d = CascadeDynamics.Measure(liquidations, [c.shock * Second], default, default);
            var counted = c.times.Where(t => t >= c.shock).ToList();
            if (counted.Count == 0)
            {
                return d is null;
            }

            int perSecondMax = counted.GroupBy(t => t).Max(g => g.Count());
            return d is not null
                && d.Liquidations == counted.Count
                && d.DistinctSeconds == counted.Distinct().Count()
                && Math.Abs(d.MaxShareInOneSecond - (perSecondMax / (double)counted.Count)) < 1e-12
                && d.SpanSeconds == counted.Max() - counted.Min();
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Closing_shares_equity_and_parents_are_measured_as_documented()
    {
        var a = Liquidation(1, 10 * Second, notional: 1_000, book: 600, adl: 400, equity: -5, parent: 0);
        var b = Liquidation(2, 10 * Second, notional: 1_000, book: 1_000, equity: 7, parent: 0); // in the shock's first second: not judged
        var c = Liquidation(3, 15 * Second, notional: 2_000, book: 2_000, equity: 9, parent: 1);
        var e = Liquidation(4, 20 * Second, notional: 1_000, book: 1_000, equity: 3, parent: 0);
        var d = CascadeDynamics.Measure([a, b, c, e], [10 * Second], default, default)!;
        Assert.Equal(4_600 / 5_000.0, d.BookShare, 12);
        Assert.Equal(400 / 5_000.0, d.AdlShare, 12);
        Assert.Equal(0.0, d.FirstAdlSeconds);
        Assert.Equal(7, d.MedianEquity); // of −5, 3, 7, 9: the upper median
        Assert.Equal(0.5, d.ParentShare, 12); // of c and e (later than the shock's first second), c has a parent
        Assert.Equal(2.0, d.MaxOverMedian, 12);
    }

    [Fact]
    public void Depth_half_life_is_the_time_from_the_least_depth_to_half_of_the_drop_regained()
    {
        // 100 lots before; 20 at t = 100 s; 50 at 103 s (not half yet: half is 60); 70 at 107 s.
        var depth = new StepSeries(
            new long[] { 50 * Second, 90 * Second, 100 * Second, 103 * Second, 107 * Second },
            new long[] { 100, 100, 20, 50, 70 });
        var (before, min, halfLife) = CascadeDynamics.Depth(depth, 100 * Second, 100 * Second);
        Assert.Equal(100, before);
        Assert.Equal(20, min);
        Assert.Equal(7.0, halfLife);
    }

    [Fact]
    public void The_mid_half_recovery_is_measured_from_its_trough()
    {
        var mid = new StepSeries(
            new long[] { 0, 10 * Second, 12 * Second, 30 * Second },
            new long[] { 1_000, 900, 940, 960 });
        Assert.Equal(20.0, CascadeDynamics.MidHalfRecovery(mid, 10 * Second)); // 940 at 12 s is under the half (950)
        var never = new StepSeries(new long[] { 0, 10 * Second }, new long[] { 1_000, 900 });
        Assert.Null(CascadeDynamics.MidHalfRecovery(never, 10 * Second));
    }

    private static LiquidationMetrics Liquidation(long id, long time, long notional, long book = 0, long adl = 0, long equity = 1, long parent = 0) => new()
    {
        Id = id,
        TimeNs = time,
        ClosedNotional = notional,
        BookNotional = book,
        AdlNotional = adl,
        Equity = equity,
        ParentId = parent,
    };
}
