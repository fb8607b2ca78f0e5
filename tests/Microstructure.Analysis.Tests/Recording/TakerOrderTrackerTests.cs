using Microstructure.Analysis.Recording;
using Microstructure.Engine;
using Microstructure.Risk;

namespace Microstructure.Analysis.Tests.Recording;

public sealed class TakerOrderTrackerTests
{
    [Fact]
    public void Consecutive_fills_of_one_order_make_one_order_and_the_next_top_of_book_is_its_mid_after()
    {
        var t = new TakerOrderTracker();
        t.OnTrade(Fill(seq: 1, order: 7, price: 100, lots: 2), 10, currentMid: 199, cashPerTickLot: 3);
        t.OnTrade(Fill(seq: 1, order: 7, price: 100, lots: 1), 10, 199, 3);
        t.OnTrade(Fill(seq: 1, order: 7, price: 101, lots: 4), 10, 199, 3);
        t.OnTopOfBook(203);

        TakerOrder o = Assert.Single(t.Orders);
        Assert.Equal((7L, 7L, 3, 2), (o.OrderId, o.Quantity, o.Trades, o.Levels));
        Assert.Equal(((2 + 1) * 100 + (4 * 101)) * 3, o.Notional);
        Assert.Equal((199L, 203L), (o.MidBefore, o.MidAfter));
        Assert.Equal(7, t.Volume);
    }

    [Fact]
    public void Orders_filled_before_the_book_reports_share_its_mid_after_and_a_command_end_settles_the_rest()
    {
        var t = new TakerOrderTracker();
        t.OnTrade(Fill(seq: 1, order: 1, price: 100, lots: 1), 0, 199, 1);
        t.OnTrade(Fill(seq: 1, order: 2, price: 101, lots: 1), 0, 199, 1); // e.g. a stop the first one triggered
        t.OnTopOfBook(205);
        t.OnTrade(Fill(seq: 2, order: 3, price: 101, lots: 1, side: Side.Sell), 5, 205, 1);
        t.OnCommandEnd(205); // no top-of-book change: the order did not move the top

        Assert.Equal([(1L, 199L, 205L), (2L, 199L, 205L), (3L, 205L, 205L)], t.Orders.Select(o => (o.OrderId, o.MidBefore, o.MidAfter)));
    }

    [Fact]
    public void The_same_order_id_in_a_new_command_is_a_new_order()
    {
        var t = new TakerOrderTracker();
        t.OnTrade(Fill(seq: 1, order: 4, price: 100, lots: 1), 0, 199, 1);
        t.OnCommandEnd(199);
        t.OnTrade(Fill(seq: 2, order: 4, price: 100, lots: 1), 1, 199, 1);
        t.OnCommandEnd(199);
        Assert.Equal(2, t.Orders.Count);
    }

    private static ExchangeEvent Fill(long seq, long order, long price, long lots, Side side = Side.Buy) => new()
    {
        Type = ExchangeEventType.Trade,
        Engine =
        {
            CommandSequence = seq,
            OrderId = new OrderId(order),
            AccountId = 1,
            MakerAccountId = 2,
            Side = side,
            Price = new Price(price),
            Quantity = new Quantity(lots),
        },
    };
}
