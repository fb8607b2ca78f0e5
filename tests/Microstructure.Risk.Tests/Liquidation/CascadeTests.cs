using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Tests.TestSupport;

namespace Microstructure.Risk.Tests.Liquidation;

/// <summary>
/// The feedback loop: a shock breaches the most leveraged longs; their liquidation orders walk the thin book, the
/// last-trade mark follows, and the next accounts breach — waves, each liquidation linked to the one whose fills moved
/// the mark past its threshold.
/// </summary>
public class CascadeTests
{
    [Fact]
    public void A_shock_sets_off_waves_in_which_later_liquidations_are_triggered_by_earlier_ones_fills()
    {
        var d = CascadeScenario.Build(new FullCloseOptions());
        var events = CascadeScenario.Crash(d);
        var triggers = events.Where(e => e.Type == ExchangeEventType.LiquidationTriggered).ToList();
        Assert.True(triggers.Count >= 20, $"expected a cascade, got {triggers.Count} liquidations");

        // Wave 1 is caused by the shock (no parent); every later one names an earlier liquidation as its parent.
        var first = triggers[0];
        Assert.Equal(0, first.ParentLiquidationId);
        Assert.Equal(LiquidationCause.MarkMove, first.Cause);
        var byId = triggers.ToDictionary(e => e.LiquidationId);
        int withParent = 0;
        foreach (var child in triggers.Where(e => e.ParentLiquidationId != 0))
        {
            withParent++;
            Assert.True(child.ParentLiquidationId < child.LiquidationId);
            Assert.True(byId.ContainsKey(child.ParentLiquidationId));

            // The parent's fills come before the child's trigger, and the child's trigger mark is below the mark
            // before the parent's fills moved it (the parent pushed it through the child's threshold).
            int parentFill = events.FindIndex(e => e.Type == ExchangeEventType.Trade && e.LiquidationId == child.ParentLiquidationId);
            int childTrigger = events.IndexOf(child);
            Assert.InRange(parentFill, 0, childTrigger);
            Assert.True(child.MarkPrice.Ticks <= child.Engine.Price.Ticks);
        }

        Assert.True(withParent >= triggers.Count / 2, $"only {withParent} of {triggers.Count} liquidations were caused by another");
        Assert.True(Depth(triggers) >= 3, "the cascade should run at least three waves deep");
        Assert.All(triggers, t => Assert.Equal(t.Engine.CommandSequence, t.TriggerSequence));
        Assert.All(
            events.Where(e => !e.IsEngineEvent && e.LiquidationId != 0),
            e => Assert.Equal(first.Engine.CommandSequence, e.TriggerSequence));
        d.AssertConserved();
    }

    [Fact]
    public void Tiered_partial_liquidates_less_notional_and_moves_the_price_less_than_full_close_on_the_same_seed()
    {
        var full = CascadeScenario.Build(new FullCloseOptions());
        var fullEvents = CascadeScenario.Crash(full);
        var tiered = CascadeScenario.Build(new TieredPartialOptions { ClearanceFeeRate = 0m });
        var tieredEvents = CascadeScenario.Crash(tiered);

        long fullNotional = CascadeScenario.LiquidatedNotional(fullEvents, full.Exchange.CashPerTickLot);
        long tieredNotional = CascadeScenario.LiquidatedNotional(tieredEvents, tiered.Exchange.CashPerTickLot);
        Assert.True(tieredNotional < fullNotional, $"tiered {tieredNotional} vs full {fullNotional}");
        Assert.True(CascadeScenario.LiquidatedLots(tieredEvents) < CascadeScenario.LiquidatedLots(fullEvents));
        Assert.True(tieredEvents.Any(e => e.Type == ExchangeEventType.Takeover), "accounts the reduction did not save are taken over");
        Assert.True(tiered.Exchange.MarkPrice.Ticks > full.Exchange.MarkPrice.Ticks);
        full.AssertConserved();
        tiered.AssertConserved();
    }

    [Theory]
    [MemberData(nameof(Designs))]
    public void Each_design_handles_the_cascade_as_specified_and_conserves_money(string name)
    {
        var d = CascadeScenario.Build(LiquidationPolicies.CreateDesign(name));
        var events = CascadeScenario.Crash(d);
        events.AddRange(d.Advance(600m));
        var triggers = events.Where(e => e.Type == ExchangeEventType.LiquidationTriggered).ToList();
        Assert.NotEmpty(triggers);
        Assert.All(triggers, t => Assert.Equal(name, Name(t.Design)));

        bool Has(ExchangeEventType type) => events.Any(e => e.Type == type);
        switch (name)
        {
            case LiquidationPolicies.FullClose:
                Assert.All(triggers, t => Assert.Contains(events, e => e.Type == ExchangeEventType.LiquidationOrder && e.LiquidationId == t.LiquidationId && e.Engine.Quantity.Lots == CascadeScenario.LotsEach));
                break;
            case LiquidationPolicies.TieredPartial:
            case LiquidationPolicies.InsuranceFund:
                Assert.True(Has(ExchangeEventType.Takeover) || Has(ExchangeEventType.LiquidationOrder));
                break;
            case LiquidationPolicies.Adl:
                Assert.DoesNotContain(events, e => e.Type == ExchangeEventType.LiquidationOrder);
                Assert.True(Has(ExchangeEventType.AutoDeleverage));
                break;
            case LiquidationPolicies.TimeSliced:
                Assert.True(Has(ExchangeEventType.LiquidationOrder));
                break;
            case LiquidationPolicies.BackstopVault:
                Assert.True(Has(ExchangeEventType.LiquidationOrder) || Has(ExchangeEventType.Takeover));
                break;
            case LiquidationPolicies.DutchAuction:
                Assert.True(Has(ExchangeEventType.AuctionStarted));
                Assert.DoesNotContain(events, e => e.Type == ExchangeEventType.LiquidationOrder && e.Engine.AccountId < CascadeScenario.Crowd);
                break;
        }

        d.AssertConserved();
        Assert.Null(RandomScenario.Violation(d.Exchange));
    }

    public static TheoryData<string> Designs() => [.. LiquidationPolicies.DesignNames];

    private static string Name(LiquidationDesignKind kind) => kind switch
    {
        LiquidationDesignKind.FullClose => LiquidationPolicies.FullClose,
        LiquidationDesignKind.TieredPartial => LiquidationPolicies.TieredPartial,
        LiquidationDesignKind.InsuranceFund => LiquidationPolicies.InsuranceFund,
        LiquidationDesignKind.AutoDeleverage => LiquidationPolicies.Adl,
        LiquidationDesignKind.TimeSliced => LiquidationPolicies.TimeSliced,
        LiquidationDesignKind.BackstopVault => LiquidationPolicies.BackstopVault,
        _ => LiquidationPolicies.DutchAuction,
    };

    private static int Depth(List<ExchangeEvent> triggers)
    {
        var parent = triggers.ToDictionary(e => e.LiquidationId, e => e.ParentLiquidationId);
        int deepest = 0;
        foreach (long id in parent.Keys)
        {
            int depth = 1;
            for (long p = parent[id]; p != 0 && parent.ContainsKey(p); p = parent[p])
            {
                depth++;
            }

            deepest = Math.Max(deepest, depth);
        }

        return deepest;
    }
}
