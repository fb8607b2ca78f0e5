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
        Assert.True(tiered.Observer.LiquidatedNotional < full.Observer.LiquidatedNotional * 0.9,
            $"tiered-partial {tiered.Observer.LiquidatedNotional} vs full-close {full.Observer.LiquidatedNotional} (ticks × lots)");
    }

    [Fact]
    public void The_crowd_spans_several_brackets_and_exceeds_the_time_sliced_threshold()
    {
        // Positions whose notional lies in several brackets make tiered-partial differ from a takeover, and positions
        // over the time-sliced threshold ($2,000 here) make it slice (issue 11 §2).
        var run = new ShippedRun(File, 240, LiquidationPolicies.FullClose);
        var brackets = run.Scenario.Definition.Exchange.Brackets!;
        var instrument = run.Scenario.Definition.Instrument;
        var notionals = run.Observer.Liquidations.Select(l => l.TickLots * instrument.TickSize * instrument.LotSize).ToList();
        var used = notionals.Select(n => brackets.TakeWhile(b => n > b.NotionalCap).Count()).Distinct().Count();
        Assert.True(used >= 3, $"liquidated positions fall in {used} brackets");
        Assert.True(notionals.Count(n => n > 2_000m) >= 5, $"{notionals.Count(n => n > 2_000m)} liquidations above the slicing threshold");
    }

    [Fact]
    public void Every_design_ends_differently_from_full_close_on_the_same_seed()
    {
        // What each design is for shows in its outcome: notional liquidated, how many liquidations, the fund's end
        // balance, the mark at the end — no design may be a relabelled full-close.
        static (long Notional, int Count, long Fund, long Mark) Outcome(ShippedRun r) =>
            ((long)r.Observer.LiquidatedNotional, r.Observer.Liquidations.Count, r.Result.InsuranceFund, r.Result.FinalMarkTicks);
        var full = Outcome(new ShippedRun(File, 240, LiquidationPolicies.FullClose));
        foreach (string design in LiquidationPolicies.DesignNames.Where(d => d != LiquidationPolicies.FullClose))
        {
            Assert.NotEqual(full, Outcome(new ShippedRun(File, 240, design)));
        }
    }
}
