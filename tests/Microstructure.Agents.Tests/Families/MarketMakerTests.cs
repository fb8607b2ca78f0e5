using Microstructure.Agents.Families;
using Microstructure.Agents.Randomness;
using Microstructure.Agents.Tests.TestSupport;

namespace Microstructure.Agents.Tests.Families;

public class MarketMakerTests
{
    private static readonly MarketMakerOptions Options = new()
    {
        Levels = 2,
        LevelSpacingTicks = 4,
        HalfSpreadTicks = 5,
        VolatilitySpread = 0,
        InventorySkewTicksPerLot = 0.5,
        QuoteSize = ValueDistribution.Fixed(3),
    };

    [Fact]
    public void Flat_maker_quotes_post_only_levels_symmetrically_around_the_mid()
    {
        var maker = new MarketMaker(TestMarket.Setup(), Options, 0);
        var context = new FakeContext { Market = TestMarket.Quotes(499_990, 500_010) };
        maker.OnWake(context);
        var quotes = context.Places.ToList();
        Assert.All(quotes, q => Assert.Equal(OrderFlags.PostOnly, q.Flags));
        Assert.Equal([499_995L, 499_991], quotes.Where(q => q.Side == Side.Buy).Select(q => q.Price.Ticks));
        Assert.Equal([500_005L, 500_009], quotes.Where(q => q.Side == Side.Sell).Select(q => q.Price.Ticks));
        Assert.All(quotes, q => Assert.Equal(3, q.Quantity.Lots));
    }

    [Fact]
    public void A_long_inventory_skews_the_quotes_down()
    {
        var maker = new MarketMaker(TestMarket.Setup(), Options, 0);
        var context = new FakeContext { Market = TestMarket.Quotes(499_990, 500_010) };
        context.Deliver(maker, Events.Trade(9, 1, 7, 2, Side.Sell, 500_000, 10)); // sold into its bid: +10 lots
        context.Clear();
        maker.OnWake(context);
        Assert.Equal(499_990, context.Places.Where(q => q.Side == Side.Buy).Max(q => q.Price.Ticks)); // 5 ticks of skew
        Assert.Equal(500_000, context.Places.Where(q => q.Side == Side.Sell).Min(q => q.Price.Ticks));
    }

    [Fact]
    public void Quotes_already_at_the_wanted_prices_are_kept_and_stale_ones_cancelled()
    {
        var maker = new MarketMaker(TestMarket.Setup(), Options, 0);
        var context = new FakeContext { Market = TestMarket.Quotes(499_990, 500_010) };
        maker.OnWake(context);
        context.AcceptAll(maker);
        context.Clear();
        maker.OnWake(context); // same market: nothing to change
        Assert.Empty(context.Orders);
        context.Market = TestMarket.Quotes(500_000, 500_020); // mid up 10 ticks: every quote moves
        maker.OnWake(context);
        Assert.Equal(4, context.Cancels.Count());
        Assert.Equal(4, context.Places.Count());
    }

    [Fact]
    public void It_withdraws_every_quote_for_a_pause_when_short_term_volatility_jumps()
    {
        var options = Options with { WithdrawVolatilityRatio = 3, WithdrawMinVolatility = 0.0001, WithdrawSeconds = 20 };
        var maker = new MarketMaker(TestMarket.Setup(), options, 0);
        var context = new FakeContext { Market = TestMarket.Quotes(499_990, 500_010, shortVol: 0.0005, longVol: 0.0002) };
        maker.OnWake(context);
        context.AcceptAll(maker);
        context.Clear();
        context.Market = TestMarket.Quotes(499_990, 500_010, shortVol: 0.0007, longVol: 0.0002); // 3.5× the long-run level
        context.Now = 1_000_000_000;
        maker.OnWake(context);
        Assert.Equal(4, context.Cancels.Count());
        Assert.Empty(context.Places);
        Assert.Equal(1, maker.Withdrawals);
        Assert.Equal(21_000_000_000, context.Wake);
        context.Clear();
        context.Now = 10_000_000_000;
        maker.OnWake(context); // still withdrawn
        Assert.Empty(context.Places);
    }

    [Fact]
    public void An_own_fill_asks_for_an_immediate_requote()
    {
        var maker = new MarketMaker(TestMarket.Setup(), Options, 0);
        var context = new FakeContext { Market = TestMarket.Quotes(499_990, 500_010), Now = 42 };
        context.Deliver(maker, Events.Trade(9, 1, 7, 2, Side.Sell, 500_000, 1));
        Assert.Equal(42, context.Wake);
    }
}
