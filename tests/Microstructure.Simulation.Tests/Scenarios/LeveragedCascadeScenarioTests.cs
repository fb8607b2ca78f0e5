using Microstructure.Simulation.Kernel;
using Microstructure.Simulation.Running;
using Microstructure.Simulation.Tests.TestSupport;

namespace Microstructure.Simulation.Tests.Scenarios;

/// <summary>The default main job (data/scenarios/leveraged-cascade.json) does what its comments promise.</summary>
public sealed class LeveragedCascadeScenarioTests(LeveragedCascadeScenarioTests.Fixture run) : IClassFixture<LeveragedCascadeScenarioTests.Fixture>
{
    /// <summary>The scenario's default seed and design, cut at 300 s: a minute past the shock at 240 s.</summary>
    public sealed class Fixture() : ShippedRunFixture("leveraged-cascade.json", 300);

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
    public void The_mid_falls_more_than_2_percent_and_then_recovers_part_of_the_fall()
    {
        double before = run.Run.MidBeforeShock, trough = run.Run.TroughAfterShock, final = run.Run.FinalMid;
        Assert.True(trough < before * 0.98, $"mid {before} -> trough {trough}");
        Assert.True(final > trough + (0.25 * (before - trough)), $"trough {trough} -> final {final}");
        Assert.True(final < before, $"final {final} back above {before}: the news should leave a permanent part");
    }

    [Fact]
    public void The_cascade_is_byte_identical_in_direct_and_pipelined_mode()
    {
        // Cut 5 s after the shock: the whole cascade (it unfolds within two seconds) through both kernels.
        var scenario = TestScenarios.LoadShipped("leveraged-cascade.json");
        string Hash(KernelMode mode)
        {
            using var run = new SimulationRun(scenario, new RunOptions { Mode = mode, DurationSeconds = 245 });
            return JournalHash.Of(run);
        }

        Assert.Equal(Hash(KernelMode.Direct), Hash(KernelMode.Pipelined));
    }
}
