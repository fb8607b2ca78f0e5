using Microstructure.Risk.Liquidation;
using static Microstructure.Risk.Tests.TestSupport.LongPositionScenario;

namespace Microstructure.Risk.Tests.Liquidation;

public class BackstopVaultDesignTests
{
    [Fact]
    public void Above_two_thirds_of_maintenance_the_position_is_closed_on_the_book()
    {
        var d = Create(new BackstopVaultOptions());
        TwoBids(d);
        var events = d.Mark(9_040); // equity 4.00 ≥ ⅔ × MM 4.52
        Assert.Single(events, e => e.Type == ExchangeEventType.LiquidationOrder && e.Engine.AccountId == Trader);
        Assert.DoesNotContain(events, e => e.Type == ExchangeEventType.Takeover);
        d.AssertConserved();
    }

    [Fact]
    public void Below_two_thirds_of_maintenance_the_vault_takes_position_and_margin_at_the_mark_and_unwinds_in_slices_capped_by_depth()
    {
        var d = Create(new BackstopVaultOptions { UnwindFraction = 0.2m, UnwindIntervalSeconds = 30m });
        d.Limit(Maker, Side.Buy, 9_000, 10);
        var events = d.Mark(9_010); // equity 1.00 < ⅔ × 4.505
        var takeover = Assert.Single(events, e => e.Type == ExchangeEventType.Takeover);
        long vault = d.Exchange.VaultAccountId;
        Assert.Equal(vault, takeover.CounterpartyAccountId);
        Assert.Equal(9_010, takeover.Engine.Price.Ticks);
        Assert.Equal(0, d.Account(Trader).Lots);
        Assert.Equal(0, d.Account(Trader).MarginCash);

        // The vault sold its first slice at once — a fifth, and at most 20% of the 10 lots bid near the touch — and
        // waits 30 s for the next, which the 8 lots left on the bid cap at ⌊20% × 8⌋ = 1 (a fifth would be 2).
        Assert.Equal(8, d.Account(vault).Lots);
        Assert.DoesNotContain(d.Advance(29m), e => e.Type == ExchangeEventType.LiquidationOrder);
        var next = Assert.Single(d.Advance(1m), e => e.Type == ExchangeEventType.LiquidationOrder);
        Assert.Equal(1, next.Engine.Quantity.Lots);
        Assert.Equal(8_982, next.Engine.Price.Ticks);           // an IOC limit 0.2% under the $90.00 bid, not a market order
        Assert.Equal(7, d.Account(vault).Lots);
        d.AssertConserved();
    }
}
