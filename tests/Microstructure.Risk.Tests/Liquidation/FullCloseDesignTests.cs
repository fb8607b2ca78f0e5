using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Tests.TestSupport;
using static Microstructure.Risk.Tests.TestSupport.LongPositionScenario;

namespace Microstructure.Risk.Tests.Liquidation;

public class FullCloseDesignTests
{
    [Fact]
    public void Breach_sends_one_market_order_for_the_whole_position_and_the_fund_pays_the_deficit()
    {
        var d = Create(new FullCloseOptions());
        TwoBids(d);
        var events = d.Mark(9_040);

        var trigger = Assert.Single(events, e => e.Type == ExchangeEventType.LiquidationTriggered);
        Assert.Equal(Trader, trigger.Engine.AccountId);
        Assert.Equal(LiquidationDesignKind.FullClose, trigger.Design);
        Assert.Equal(LiquidationCause.MarkMove, trigger.Cause);
        Assert.Equal(9_000, trigger.BankruptcyPrice.Ticks);
        var order = Assert.Single(events, e => e.Type == ExchangeEventType.LiquidationOrder);
        Assert.Equal(10, order.Engine.Quantity.Lots);
        Assert.Equal(Side.Sell, order.Engine.Side);
        var trades = events.Where(e => e.Type == ExchangeEventType.Trade).ToList();
        Assert.Equal([9_000L, 8_900L], trades.Select(t => t.Engine.Price.Ticks));
        Assert.All(trades, t => Assert.Equal(trigger.LiquidationId, t.LiquidationId));

        // −900 + 5×90 + 5×89 = −5: the fund covers it.
        var cover = Assert.Single(events, e => e.Type == ExchangeEventType.InsuranceFund);
        Assert.Equal(FundMovementReason.DeficitCover, cover.FundReason);
        Assert.Equal(Driver.Usd(-5m), cover.Amount);
        Assert.Equal(Driver.Usd(1_000m), cover.FundBefore);
        Assert.Equal(Driver.Usd(995m), cover.FundAfter);
        Assert.Equal(0, d.Account(Trader).Lots);
        Assert.Equal(0, d.Account(Trader).MarginCash);
        d.AssertConserved();
    }

    [Fact]
    public void Without_fund_cover_the_deficit_is_bad_debt()
    {
        var d = Create(new FullCloseOptions { CoverDeficitsFromFund = false });
        TwoBids(d);
        var events = d.Mark(9_040);
        Assert.Equal(Driver.Usd(5m), Assert.Single(events, e => e.Type == ExchangeEventType.BadDebt).Amount);
        Assert.Equal(Driver.Usd(5m), d.Exchange.BadDebt);
        d.AssertConserved();
    }

    [Fact]
    public void What_the_book_cannot_take_is_auto_deleveraged_at_the_bankruptcy_price()
    {
        var d = Create(new FullCloseOptions());
        d.Limit(Maker, Side.Buy, 9_000, 4);
        var events = d.Mark(9_040);

        var adl = Assert.Single(events, e => e.Type == ExchangeEventType.AutoDeleverage);
        Assert.Equal(Maker, adl.CounterpartyAccountId);
        Assert.Equal(6, adl.Engine.Quantity.Lots);
        Assert.Equal(9_000, adl.Engine.Price.Ticks);
        Assert.Equal(0, d.Account(Trader).Lots);
        Assert.Equal(0, d.Account(Maker).Lots);
        d.AssertConserved();
    }

    [Fact]
    public void With_retry_the_remainder_waits_and_is_sold_when_the_book_refills()
    {
        var d = Create(new FullCloseOptions { Remainder = RemainderHandling.Retry, RetrySeconds = 1m });
        d.Limit(Maker, Side.Buy, 9_000, 4);
        var first = d.Mark(9_040);
        Assert.Contains(first, e => e.Type == ExchangeEventType.LiquidationDeferred);
        Assert.Equal(6, d.Account(Trader).Lots);
        Assert.True(d.Account(Trader).InLiquidation);

        d.Limit(Maker, Side.Buy, 9_000, 6);
        var retry = d.Advance(1m);
        Assert.Contains(retry, e => e.Type == ExchangeEventType.LiquidationOrder && e.Engine.Quantity.Lots == 6);
        Assert.Equal(0, d.Account(Trader).Lots);
        Assert.False(d.Account(Trader).InLiquidation);
        d.AssertConserved();
    }
}
