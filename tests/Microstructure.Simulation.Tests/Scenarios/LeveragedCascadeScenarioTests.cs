using Microstructure.Simulation.Kernel;
using Microstructure.Simulation.Running;
using Microstructure.Simulation.Tests.TestSupport;

namespace Microstructure.Simulation.Tests.Scenarios;

/// <summary>The default main job (data/scenarios/leveraged-cascade.json) does what its comments promise.</summary>
public sealed class LeveragedCascadeScenarioTests(LeveragedCascadeScenarioTests.Fixture run) : IClassFixture<LeveragedCascadeScenarioTests.Fixture>
{
    /// <summary>The scenario's default seed and design, cut at 400 s: the news is priced in over 240–330 s.</summary>
    public sealed class Fixture() : ShippedRunFixture("leveraged-cascade.json", 400);

    private LiquidationObserver Observed => run.Run.Observer;

    [Fact]
    public void Nobody_is_liquidated_before_the_shock_and_dozens_are_after_it()
    {
        Assert.InRange(Observed.Liquidations.Count, 50, 5_000);
        Assert.All(Observed.Liquidations, l => Assert.True(l.TimeNs >= run.Run.ShockNs, $"liquidation #{l.Id} at {l.TimeNs} ns, before the shock"));
        Assert.Equal(Observed.Liquidations.Count, run.Run.Result.Liquidations);
    }

    [Fact]
    public void The_cascade_comes_in_waves_later_liquidations_triggered_by_earlier_ones_fills()
    {
        Assert.True(Observed.MaxWave >= 2, $"deepest wave {Observed.MaxWave}");
        var children = Observed.Liquidations.Where(l => l.Wave >= 2).ToList();
        Assert.True(children.Count >= 10, $"{children.Count} liquidations had a parent");
        var byId = Observed.Liquidations.ToDictionary(l => l.Id);
        Assert.All(children, c => Assert.True(byId[c.ParentId].TimeNs <= c.TimeNs && c.ParentId < c.Id));
    }

    [Fact]
    public void The_cascade_unfolds_over_a_minute_in_many_seconds_none_of_which_dominates()
    {
        // Issue 11 §4: a clocked mark and a paced engine spread the cascade as on real venues.
        var times = Observed.Liquidations.Select(l => l.TimeNs).ToList();
        Assert.True(times.Max() - times.Min() >= 60_000_000_000, $"span {(times.Max() - times.Min()) / 1e9} s");
        var perSecond = times.GroupBy(t => t / 1_000_000_000).Select(g => g.Count()).ToList();
        Assert.True(perSecond.Count >= 30, $"{perSecond.Count} distinct seconds");
        Assert.True(perSecond.Max() <= 0.25 * times.Count, $"{perSecond.Max()} of {times.Count} in one second");
    }

    [Fact]
    public void The_mid_falls_with_the_news_and_keeps_the_fall()
    {
        double before = run.Run.MidBeforeShock, trough = run.Run.TroughAfterShock, final = run.Run.FinalMid;
        Assert.True(trough < before * 0.97, $"mid {before} -> trough {trough}");
        Assert.True(final < before * 0.98, $"final {final}: the news (−4%) should leave a permanent fall");
    }

    [Fact]
    public void The_cascade_is_byte_identical_in_direct_and_pipelined_mode()
    {
        // Cut 20 s after the shock: the first waves of the clocked, paced cascade through both kernels.
        var scenario = TestScenarios.LoadShipped("leveraged-cascade.json");
        string Hash(KernelMode mode)
        {
            using var run = new SimulationRun(scenario, new RunOptions { Mode = mode, DurationSeconds = 260 });
            return JournalHash.Of(run);
        }

        Assert.Equal(Hash(KernelMode.Direct), Hash(KernelMode.Pipelined));
    }
}
