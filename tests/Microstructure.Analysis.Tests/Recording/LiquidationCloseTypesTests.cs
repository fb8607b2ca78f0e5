using Microstructure.Analysis.Cascades;
using Microstructure.Analysis.Recording;
using Microstructure.Engine;
using Microstructure.Risk;

namespace Microstructure.Analysis.Tests.Recording;

/// <summary>The close type of a liquidation from hand-built event sequences fed through the liquidation tracker.</summary>
public sealed class LiquidationCloseTypesTests
{
    private const long Trader = 5, Fund = 9, Deleveraged = 7, Maker = 3, Id = 1;

    [Fact]
    public void The_accounts_own_liquidation_orders_filled_on_the_book_close_it_on_the_book()
    {
        Assert.Equal(LiquidationCloseType.Book, Classify(Fill(Trader, orderId: -1, 6), Fill(Trader, orderId: -1, 4)));
    }

    [Fact]
    public void A_takeover_the_fund_keeps_is_a_fund_close()
    {
        Assert.Equal(LiquidationCloseType.Fund, Classify(Takeover(10)));
    }

    [Fact]
    public void A_takeover_the_fund_deleverages_is_an_adl_close_and_one_it_resells_on_the_book_a_book_close()
    {
        // The fund takes the 10 lots over, sells 4 with the liquidation's order, ADLs the other 6: ADL dominates.
        Assert.Equal(LiquidationCloseType.Adl, Classify(Takeover(10), Fill(Fund, orderId: -2, 4), Adl(Fund, 6)));
        // Resold 7 of 10 on the book, kept 3.
        Assert.Equal(LiquidationCloseType.Book, Classify(Takeover(10), Fill(Fund, orderId: -2, 7)));
        // Resold 2 of 10, kept 8.
        Assert.Equal(LiquidationCloseType.Fund, Classify(Takeover(10), Fill(Fund, orderId: -2, 2)));
    }

    [Fact]
    public void A_tie_goes_to_the_book_then_the_fund()
    {
        Assert.Equal(LiquidationCloseType.Book, Classify(Takeover(10), Fill(Fund, orderId: -2, 5)));
        Assert.Equal(LiquidationCloseType.Fund, Classify(Takeover(12), Adl(Fund, 6)));
    }

    [Fact]
    public void Fills_of_other_orders_tagged_with_the_liquidation_do_not_count_as_its_book_close()
    {
        // A stop order the liquidation's sweep triggered carries its id but is not the liquidation's order.
        Assert.Equal(LiquidationCloseType.NotClosed, Classify(Fill(Maker, orderId: 42, 10)));
        Assert.Equal(LiquidationCloseType.Adl, Classify(Fill(Maker, orderId: 42, 10), Adl(Trader, 1)));
    }

    [Fact]
    public void A_liquidation_that_closed_nothing_and_a_pool_liquidation_have_their_own_types()
    {
        Assert.Equal(LiquidationCloseType.NotClosed, Classify());

        var tracker = new LiquidationTracker(1, new Dictionary<long, string>());
        var pool = new ExchangeEvent { Type = ExchangeEventType.PoolLiquidation, LiquidationId = Id, Engine = { AccountId = Trader, Quantity = new Quantity(3) }, MarkPrice = new Price(100) };
        tracker.OnPoolLiquidation(pool, 0, 200, null);
        Assert.Equal(LiquidationCloseType.Auction, LiquidationCloseTypes.Of(tracker.All[0]));

        // The liquidator re-sells the seized 3 lots with the liquidation's order: a book close.
        tracker.OnTagged(Fill(Fund, orderId: -3, 3), 0, 200, 0);
        Assert.Equal(LiquidationCloseType.Book, LiquidationCloseTypes.Of(tracker.All[0]));
    }

    private static LiquidationCloseType Classify(params ExchangeEvent[] tagged)
    {
        var tracker = new LiquidationTracker(1, new Dictionary<long, string>());
        var trigger = new ExchangeEvent
        {
            Type = ExchangeEventType.LiquidationTriggered,
            LiquidationId = Id,
            Engine = { AccountId = Trader, Side = Side.Sell, Quantity = new Quantity(10), Price = new Price(100) },
            PositionLots = 10,
        };
        tracker.OnTriggered(trigger, 0, 200, null);
        foreach (ExchangeEvent e in tagged)
        {
            tracker.OnTagged(e, 0, 200, 0);
        }

        LiquidationCloseType[] all = LiquidationCloseTypes.Of(tracker.All);
        Assert.Single(all);
        return all[0];
    }

    private static ExchangeEvent Fill(long taker, long orderId, long lots) => new()
    {
        Type = ExchangeEventType.Trade,
        LiquidationId = Id,
        Engine = { AccountId = taker, MakerAccountId = Maker, OrderId = new OrderId(orderId), Side = Side.Sell, Quantity = new Quantity(lots), Price = new Price(99) },
    };

    private static ExchangeEvent Takeover(long lots) => new()
    {
        Type = ExchangeEventType.Takeover,
        LiquidationId = Id,
        CounterpartyAccountId = Fund,
        Engine = { AccountId = Trader, Side = Side.Sell, Quantity = new Quantity(lots), Price = new Price(98) },
    };

    private static ExchangeEvent Adl(long account, long lots) => new()
    {
        Type = ExchangeEventType.AutoDeleverage,
        LiquidationId = Id,
        CounterpartyAccountId = Deleveraged,
        Engine = { AccountId = account, Side = Side.Sell, Quantity = new Quantity(lots), Price = new Price(97) },
    };
}
