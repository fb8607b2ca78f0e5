using Microstructure.Risk.Liquidation;
using Microstructure.Simulation.Tests.TestSupport;

namespace Microstructure.Simulation.Tests.Scenarios;

/// <summary>data/scenarios/design-comparison.json lists every design, and the designs lead to different outcomes.</summary>
public sealed class DesignComparisonScenarioTests
{
    private const string File = "design-comparison.json";

    [Fact]
    public void The_comparison_runs_every_design_over_three_seeds_with_its_scaled_options()
    {
        var scenario = TestScenarios.LoadShipped(File);
        Assert.Equal(LiquidationPolicies.DesignNames, scenario.ComparisonDesigns.Select(d => d.Name));
        Assert.Equal([1L, 2L, 3L], scenario.Seeds);
        var sliced = Assert.IsType<TimeSlicedOptions>(scenario.ResolveDesign(LiquidationPolicies.TimeSliced));
        Assert.Equal(2_000m, sliced.SliceThreshold);
        Assert.Equal(5m, Assert.IsType<DutchAuctionOptions>(scenario.ResolveDesign(LiquidationPolicies.DutchAuction)).StepSeconds);
    }

    [Fact]
    public void Tiered_partial_liquidates_less_notional_than_full_close_on_the_same_seed()
    {
        // Cut at 240 s: the news steps are at 150, 170 and 190 s.
        var full = new ShippedRun(File, 240, LiquidationPolicies.FullClose);
        var tiered = new ShippedRun(File, 240, LiquidationPolicies.TieredPartial);

        Assert.True(full.Observer.Liquidations.Count >= 10, $"full-close: {full.Observer.Liquidations.Count} liquidations");
        Assert.True(tiered.Observer.LiquidatedNotional < full.Observer.LiquidatedNotional * 0.8,
            $"tiered-partial {tiered.Observer.LiquidatedNotional} vs full-close {full.Observer.LiquidatedNotional} (ticks × lots)");
    }
}
