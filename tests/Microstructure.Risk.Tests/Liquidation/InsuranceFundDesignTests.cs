using FsCheck;
using FsCheck.Fluent;
using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Processing;
using Microstructure.Risk.Tests.TestSupport;
using static Microstructure.Risk.Tests.TestSupport.LongPositionScenario;

namespace Microstructure.Risk.Tests.Liquidation;

/// <summary>
/// The insurance-fund design as venues run it: an IOC order at the bankruptcy price, the fund takes over what the book
/// leaves and holds it, unwinds it near the touch after a cool-down, and ADL fires only when the fund cannot take a
/// position. The trader is long 10 at $100.00 with $100 (bankrupt at $90.00); the maker is short 10.
/// </summary>
public class InsuranceFundDesignTests
{
    /// <summary>The venue engine without pacing, so a liquidation runs inside the command that breached it.</summary>
    private static ExchangeOptions Venue(ExchangeOptions o) => o with { LiquidationEngine = new LiquidationEngineOptions { MaxPerInterval = 0 } };

    private static Driver Create(decimal fund = 1_000m, Func<ExchangeOptions, ExchangeOptions>? tweak = null) =>
        LongPositionScenario.Create(new InsuranceFundOptions { ClearanceFeeRate = 0m }, fund, tweak: o => (tweak ?? (x => x))(Venue(o)));

    [Fact]
    public void The_liquidation_order_is_an_ioc_at_bankruptcy_and_the_fund_holds_what_the_book_leaves()
    {
        var d = Create();
        TwoBids(d);
        var events = d.Mark(9_040);

        var order = Assert.Single(events, e => e.Type == ExchangeEventType.LiquidationOrder);
        Assert.Equal(9_000, order.Engine.Price.Ticks); // the bankruptcy price, not a market order
        Assert.Equal(5, events.Where(e => e.Type == ExchangeEventType.Trade).Sum(e => e.Engine.Quantity.Lots)); // nothing at $89
        var takeover = Assert.Single(events, e => e.Type == ExchangeEventType.Takeover);
        Assert.Equal(d.Exchange.InsuranceFundAccountId, takeover.CounterpartyAccountId);
        Assert.Equal(9_000, takeover.Engine.Price.Ticks);
        Assert.Equal(5, takeover.Engine.Quantity.Lots);
        Assert.Equal(5, d.Account(d.Exchange.InsuranceFundAccountId).Lots); // held, not dumped
        Assert.DoesNotContain(events, e => e.Type == ExchangeEventType.AutoDeleverage);
        // Equity: $1,000 + 5 × ($90.40 − $90.00) = $1,002 (its cash paid $450 for the position).
        Assert.Equal(Driver.Usd(1_002m), d.Exchange.InsuranceFundEquity);
        Assert.Equal(Driver.Usd(550m), d.Exchange.InsuranceFund);
        d.AssertConserved();
    }

    [Fact]
    public void After_its_cool_down_the_fund_unwinds_a_share_of_the_depth_near_the_touch_each_interval()
    {
        var d = Create();
        TwoBids(d);
        d.Mark(9_040); // 5 at $90 filled; the fund holds 5; the bid left is 5 at $89.00
        Assert.DoesNotContain(d.Advance(4m), e => e.Type == ExchangeEventType.Trade); // cool-down: 5 s

        var first = d.Advance(2m);
        var order = Assert.Single(first, e => e.Type == ExchangeEventType.LiquidationOrder);
        Assert.Equal(d.Exchange.InsuranceFundAccountId, order.Engine.AccountId);
        Assert.Equal(8_883, order.Engine.Price.Ticks); // $89.00 less 0.2% slippage (17.8 ticks, floored: never more than 0.2%)
        Assert.Equal(1, order.Engine.Quantity.Lots); // 20% of the 5 lots displayed within the limit
        Assert.Equal(1, Assert.Single(first, e => e.Type == ExchangeEventType.Trade).Engine.Quantity.Lots);

        for (int i = 0; i < 10; i++)
        {
            d.Advance(1m);
        }

        Assert.Equal(0, d.Account(d.Exchange.InsuranceFundAccountId).Lots);
        Assert.DoesNotContain(d.All, e => e.Type == ExchangeEventType.AutoDeleverage);
        // It sold 5 at $89 that it bought at $90: −$5.
        Assert.Equal(Driver.Usd(995m), d.Exchange.InsuranceFundEquity);
        d.AssertConserved();
    }

    [Fact]
    public void Fills_better_than_bankruptcy_feed_the_fund()
    {
        var d = Create();
        d.Limit(Maker, Side.Buy, 9_030, 10);
        d.Mark(9_040);
        Assert.Equal(Driver.Usd(1_003m), d.Exchange.InsuranceFund); // 10 × (90.30 − 90.00)
        Assert.Equal(0, d.Account(d.Exchange.InsuranceFundAccountId).Lots);
        d.AssertConserved();
    }

    [Fact]
    public void Clearance_fee_is_charged_on_notional_at_the_mark_capped_by_equity()
    {
        var d = LongPositionScenario.Create(new InsuranceFundOptions { ClearanceFeeRate = 0.003m }, tweak: Venue);
        d.Limit(Maker, Side.Buy, 9_030, 10);
        var events = d.Mark(9_040);
        var fee = Assert.Single(events, e => e.Type == ExchangeEventType.InsuranceFund && e.FundReason == FundMovementReason.ClearanceFee);
        Assert.Equal(Driver.Usd(2.712m), fee.Amount); // 0.3% × 904; equity is 4
        d.AssertConserved();
    }

    [Fact]
    public void When_taking_the_rest_would_exhaust_the_fund_it_is_auto_deleveraged_at_bankruptcy()
    {
        var d = Create(fund: 2m);
        TwoBids(d);
        var events = d.Mark(8_900); // taking 5 at $90 with the mark at $89 would cost the $2 fund $5

        var adl = Assert.Single(events, e => e.Type == ExchangeEventType.AutoDeleverage);
        Assert.Equal(Trader, adl.Engine.AccountId);
        Assert.Equal(5, adl.Engine.Quantity.Lots);
        Assert.Equal(9_000, adl.Engine.Price.Ticks);
        Assert.DoesNotContain(events, e => e.Type == ExchangeEventType.Takeover);
        Assert.Equal(Driver.Usd(2m), d.Exchange.InsuranceFund);
        Assert.Equal(0, d.Exchange.BadDebt);
        d.AssertConserved();
    }

    [Fact]
    public void A_fund_exhausted_while_holding_deleverages_its_position_at_the_price_that_leaves_it_at_zero()
    {
        var d = Create(fund: 10m);
        TwoBids(d);
        d.Mark(9_040); // the fund holds 5 at $90; cash 10 − 450 = −440
        d.Mark(8_700); // equity 10 + 5 × (87 − 90) = −5
        var events = d.Advance(6m);

        var adl = Assert.Single(events, e => e.Type == ExchangeEventType.AutoDeleverage);
        Assert.Equal(d.Exchange.InsuranceFundAccountId, adl.Engine.AccountId);
        Assert.Equal(8_800, adl.Engine.Price.Ticks); // 440 / 5 = $88.00: the fund's equity there is exactly 0
        Assert.Equal(0, d.Account(d.Exchange.InsuranceFundAccountId).Lots);
        Assert.Equal(0, d.Exchange.InsuranceFundEquity);
        d.AssertConserved();
    }

    [Fact]
    public void No_auto_deleveraging_while_the_fund_can_absorb()
    {
        // Any fund that covers the worst unwind (10 lots sold $10 under the $90 it paid: $100), any depth of bids
        // between bankruptcy and $10 below it, any breach mark above bankruptcy: the fund takes what the book leaves
        // and unwinds it, and nothing is auto-deleveraged.
        var gen =
            from fund in Gen.Choose(101, 100_000)
            from bidLots in Gen.Choose(0, 10)
            from bidTicks in Gen.Choose(8_000, 9_000)
            from mark in Gen.Choose(9_001, 9_045)
            select (fund, bidLots, bidTicks, mark);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var d = Create(fund: c.fund);
            if (c.bidLots > 0)
            {
                d.Limit(Maker, Side.Buy, c.bidTicks, c.bidLots);
            }

            var events = d.Mark(c.mark);
            events.AddRange(d.Advance(30m));
            d.AssertConserved();
            return events.All(e => e.Type != ExchangeEventType.AutoDeleverage)
                && events.Any(e => e.Type == ExchangeEventType.LiquidationTriggered);
        }).QuickCheckThrowOnFailure();
    }
}
