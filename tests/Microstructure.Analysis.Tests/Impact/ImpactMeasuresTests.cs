using Microstructure.Analysis.Impact;
using Microstructure.Analysis.Series;
using Microstructure.Engine;

namespace Microstructure.Analysis.Tests.Impact;

public sealed class ImpactMeasuresTests
{
    [Fact]
    public void Buy_impact_is_positive_when_the_mid_rises_and_sell_impact_positive_when_it_falls()
    {
        var buy = new MarketOrderImpact(0, Side.Buy, 10, MidBefore: 1000, MidAfter: 1010, MidLater: 1005);
        var sell = new MarketOrderImpact(0, Side.Sell, 10, MidBefore: 1000, MidAfter: 990, MidLater: 1002);

        Assert.Equal(Math.Log(1.01), ImpactMeasures.Immediate(buy), 12);
        Assert.Equal(Math.Log(1.005), ImpactMeasures.Permanent(buy), 12);
        Assert.Equal(-Math.Log(0.99), ImpactMeasures.Immediate(sell), 12);
        Assert.True(ImpactMeasures.Permanent(sell) < 0); // the mid ended above where the sell started
    }

    [Fact]
    public void Unknown_mids_give_NaN()
    {
        var order = new MarketOrderImpact(0, Side.Buy, 10, MidBefore: 1000, MidAfter: 0, MidLater: -1);

        Assert.True(double.IsNaN(ImpactMeasures.Immediate(order)));
        Assert.True(double.IsNaN(ImpactMeasures.Permanent(order)));
    }

    [Fact]
    public void Span_versions_agree_with_the_scalar_ones_and_sizes_are_normalised_by_V()
    {
        MarketOrderImpact[] orders =
        [
            new(0, Side.Buy, 50, 1000, 1002, 1001),
            new(1, Side.Sell, 200, 1001, 995, 998),
        ];
        var imm = new double[2];
        var perm = new double[2];
        var sizes = new double[2];

        ImpactMeasures.Immediate(orders, imm);
        ImpactMeasures.Permanent(orders, perm);
        ImpactMeasures.NormalizedSizes(orders, 100, sizes);

        Assert.Equal(ImpactMeasures.Immediate(orders[1]), imm[1]);
        Assert.Equal(ImpactMeasures.Permanent(orders[0]), perm[0]);
        Assert.Equal([0.5, 2.0], sizes);
        Assert.Throws<ArgumentOutOfRangeException>(() => ImpactMeasures.NormalizedSizes(orders, 0, sizes));
    }

    [Fact]
    public void Mid_after_horizon_is_looked_up_or_unknown_past_the_end()
    {
        var mid = new StepSeries(new long[] { 0, 100 }, new long[] { 1000, 1010 }, endNs: 500);

        Assert.Equal(1010, ImpactMeasures.MidAfterHorizon(mid, 50, 100));
        Assert.Equal(0, ImpactMeasures.MidAfterHorizon(mid, 450, 100));
    }
}
