using Microstructure.Simulation.Tests.TestSupport;

namespace Microstructure.Simulation.Tests.Scenarios;

/// <summary>data/scenarios/lending-unwind.json: the shock pushes loopers under HF 1 and pool liquidations feed the loop.</summary>
public sealed class LendingUnwindScenarioTests(LendingUnwindScenarioTests.Fixture run) : IClassFixture<LendingUnwindScenarioTests.Fixture>
{
    /// <summary>The default seed, cut at 300 s (the shock is at 240 s).</summary>
    public sealed class Fixture() : ShippedRunFixture("lending-unwind.json", 360);

    private LiquidationObserver Observed => run.Run.Observer;

    [Fact]
    public void The_shock_pushes_dozens_of_loopers_under_health_factor_1_and_none_before_it()
    {
        var pool = Observed.Liquidations.Where(l => l.IsPool).ToList();
        Assert.InRange(pool.Count, 20, 5_000);
        Assert.All(pool, l => Assert.True(l.TimeNs >= run.Run.ShockNs, $"pool liquidation #{l.Id} before the shock"));
    }

    [Fact]
    public void Seized_collateral_sold_on_the_book_breaches_further_loopers()
    {
        var byId = Observed.Liquidations.ToDictionary(l => l.Id);
        var fedByPool = Observed.Liquidations.Where(l => l.IsPool && l.Wave >= 2 && byId[l.ParentId].IsPool).ToList();
        Assert.True(fedByPool.Count >= 5, $"{fedByPool.Count} pool liquidations were triggered by another one's sales");
    }

    [Fact]
    public void The_unwind_takes_the_mid_below_the_news_alone()
    {
        // The index falls 4%; the loopers' forced sales take the book further.
        double before = run.Run.MidBeforeShock, trough = run.Run.TroughAfterShock;
        Assert.True(trough < before * 0.96, $"mid {before} -> trough {trough}");
    }
}
