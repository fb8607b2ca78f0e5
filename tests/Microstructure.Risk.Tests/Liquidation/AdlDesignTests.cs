using Microstructure.Risk.Liquidation;
using static Microstructure.Risk.Tests.TestSupport.LongPositionScenario;

namespace Microstructure.Risk.Tests.Liquidation;

public class AdlDesignTests
{
    [Fact]
    public void Position_is_closed_against_the_opposite_side_at_the_bankruptcy_price_without_touching_the_book()
    {
        var d = Create(new AdlOptions());
        TwoBids(d);
        var events = d.Mark(9_040);
        Assert.DoesNotContain(events, e => e.Type == ExchangeEventType.Trade);
        var adl = Assert.Single(events, e => e.Type == ExchangeEventType.AutoDeleverage);
        Assert.Equal(Maker, adl.CounterpartyAccountId);
        Assert.Equal(9_000, adl.Engine.Price.Ticks);
        Assert.Equal(0, d.Account(Maker).Lots);
        Assert.Equal(0, d.Account(Trader).MarginCash);
        d.AssertConserved();
    }

    [Theory]
    [InlineData(AdlRanking.Bitmex)]
    [InlineData(AdlRanking.Binance)]
    public void Most_profitable_most_leveraged_short_is_deleveraged_first(AdlRanking ranking)
    {
        var d = Create(new AdlOptions { Ranking = ranking });
        // A second short (account 3): same entry and PnL%, but twice the maker's margin for half its size: lower leverage, lower rank.
        d.Deposit(Short, 200_000m);
        d.Deposit(4, 10_000m);
        d.Limit(4, Side.Buy, 10_000, 5);
        d.Limit(Short, Side.Sell, 10_000, 5, TimeInForce.Ioc);
        var events = d.Mark(9_040);
        var adl = events.Where(e => e.Type == ExchangeEventType.AutoDeleverage).ToList();
        Assert.Equal(Maker, adl[0].CounterpartyAccountId);
        Assert.True(adl[0].Rate >= (adl.Count > 1 ? adl[1].Rate : long.MinValue));
        d.AssertConserved();
    }

    [Fact]
    public void Bitmex_ranks_by_pnl_on_cost_and_binance_by_pnl_on_wallet_so_they_can_pick_different_accounts()
    {
        // Account 3: short 1 from $200 on a $300 wallet — big PnL%, low entry leverage (cost/wallet 0.67).
        // Account 5: short 10 from $91 on a $100 wallet — small PnL%, high entry leverage (cost/wallet 9.1).
        // BitMEX (PnL/cost × notional/equity): 0.55 × 0.22 = 0.121 vs 0.0066 × 8.5 = 0.056 → account 3 first.
        // Binance (PnL/wallet × MM/equity): 0.37 × 0.0011 = 0.0004 vs 0.06 × 0.043 = 0.0026 → account 5 first.
        long First(AdlRanking ranking)
        {
            var d = Create(new AdlOptions { Ranking = ranking });
            d.Deposit(Short, 300m);
            d.Deposit(5, 100m);
            d.Deposit(4, 100_000m);
            d.Mark(20_000);
            d.Limit(4, Side.Buy, 20_000, 1);
            d.Limit(Short, Side.Sell, 20_000, 1, TimeInForce.Ioc);
            d.Mark(9_100);
            d.Limit(4, Side.Buy, 9_100, 10);
            d.Limit(5, Side.Sell, 9_100, 10, TimeInForce.Ioc);
            var events = d.Mark(9_040);
            return events.First(e => e.Type == ExchangeEventType.AutoDeleverage).CounterpartyAccountId;
        }

        Assert.Equal(Short, First(AdlRanking.Bitmex));
        Assert.Equal(5, First(AdlRanking.Binance));
    }
}
