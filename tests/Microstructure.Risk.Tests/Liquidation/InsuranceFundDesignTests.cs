using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Tests.TestSupport;
using static Microstructure.Risk.Tests.TestSupport.LongPositionScenario;

namespace Microstructure.Risk.Tests.Liquidation;

public class InsuranceFundDesignTests
{
    [Fact]
    public void Fund_takes_over_at_bankruptcy_and_its_fills_below_bankruptcy_draw_on_it()
    {
        var d = Create(new InsuranceFundOptions { ClearanceFeeRate = 0m });
        TwoBids(d);
        var events = d.Mark(9_040);

        var takeover = Assert.Single(events, e => e.Type == ExchangeEventType.Takeover);
        Assert.Equal(d.Exchange.InsuranceFundAccountId, takeover.CounterpartyAccountId);
        Assert.Equal(9_000, takeover.Engine.Price.Ticks);
        Assert.Equal(10, takeover.Engine.Quantity.Lots);
        Assert.Equal(0, d.Account(Trader).MarginCash);
        // The fund sells 5 at 90 (= bankruptcy) and 5 at 89 (1 below): it loses $5.
        Assert.Equal(Driver.Usd(995m), d.Exchange.InsuranceFund);
        Assert.Equal(0, d.Account(d.Exchange.InsuranceFundAccountId).Lots);
        d.AssertConserved();
    }

    [Fact]
    public void Fills_better_than_bankruptcy_feed_the_fund()
    {
        var d = Create(new InsuranceFundOptions { ClearanceFeeRate = 0m });
        d.Limit(Maker, Side.Buy, 9_030, 10);
        d.Mark(9_040);
        Assert.Equal(Driver.Usd(1_003m), d.Exchange.InsuranceFund); // 10 × (90.30 − 90.00)
        d.AssertConserved();
    }

    [Fact]
    public void Clearance_fee_is_charged_on_notional_at_the_mark_capped_by_equity()
    {
        var d = Create(new InsuranceFundOptions { ClearanceFeeRate = 0.003m });
        d.Limit(Maker, Side.Buy, 9_030, 10);
        var events = d.Mark(9_040);
        var fee = Assert.Single(events, e => e.Type == ExchangeEventType.InsuranceFund && e.FundReason == FundMovementReason.ClearanceFee);
        Assert.Equal(Driver.Usd(2.712m), fee.Amount); // 0.3% × 904; equity is 4
        d.AssertConserved();
    }

    [Fact]
    public void When_the_fund_cannot_cover_the_rest_is_auto_deleveraged_and_the_fund_keeps_its_balance()
    {
        var d = Create(new InsuranceFundOptions { ClearanceFeeRate = 0m }, fund: 2m);
        TwoBids(d);
        var events = d.Mark(9_040);

        // Solvency limit ⌈90.00 − 2/10⌉ = 89.80: the fund sells 5 at 90, cannot sell at 89, ADLs 5 at 90.
        Assert.Equal(5, events.Where(e => e.Type == ExchangeEventType.Trade).Sum(e => e.Engine.Quantity.Lots));
        var adl = Assert.Single(events, e => e.Type == ExchangeEventType.AutoDeleverage);
        Assert.Equal(d.Exchange.InsuranceFundAccountId, adl.Engine.AccountId);
        Assert.Equal(5, adl.Engine.Quantity.Lots);
        Assert.Equal(9_000, adl.Engine.Price.Ticks);
        Assert.Equal(Driver.Usd(2m), d.Exchange.InsuranceFund);
        Assert.Equal(0, d.Exchange.BadDebt);
        d.AssertConserved();
    }
}
