using Microstructure.Agents.Accounts;
using Microstructure.Agents.Tests.TestSupport;

namespace Microstructure.Agents.Tests.Accounts;

public class AccountTrackerTests
{
    private const long Me = 7;
    private const long Other = 9;

    [Fact]
    public void Taker_and_maker_fills_move_the_position_opposite_ways_and_cash_to_the_balance_settlement_stated()
    {
        // The balances are not q·P·k ± a fee estimate on purpose: the tracker must take the exchange's word.
        var fill = Events.Trade(Me, 1, Other, 2, Side.Buy, 500_000, 3, takerBalance: TestMarket.Cash(-151.23m), makerBalance: TestMarket.Cash(777));
        var t = new AccountTracker(Me);
        t.Apply(fill, TestMarket.Rules);
        Assert.Equal((3L, TestMarket.Cash(-151.23m)), (t.Position, t.Cash));

        var maker = new AccountTracker(Other);
        maker.Apply(fill, TestMarket.Rules);
        Assert.Equal((-3L, TestMarket.Cash(777)), (maker.Position, maker.Cash));
    }

    [Fact]
    public void After_a_fill_cash_is_the_stated_balance_plus_the_deposits_sent_and_not_yet_confirmed()
    {
        var t = new AccountTracker(Me);
        t.DepositSent(TestMarket.Cash(1_000));
        t.DepositSent(TestMarket.Cash(300));
        t.Apply(Events.Deposit(Me, TestMarket.Cash(1_000)), TestMarket.Rules);

        // The fill settled after the first deposit and before the second reached the exchange.
        t.Apply(Events.Trade(Other, 1, Me, 2, Side.Sell, 500_000, 1, takerBalance: 0, makerBalance: TestMarket.Cash(1_049.9m)), TestMarket.Rules);
        Assert.Equal(TestMarket.Cash(1_349.9m), t.Cash);
        t.Apply(Events.Deposit(Me, TestMarket.Cash(300)), TestMarket.Rules);
        Assert.Equal(TestMarket.Cash(1_349.9m), t.Cash);
    }

    [Fact]
    public void A_self_trade_leaves_the_position_flat()
    {
        var t = new AccountTracker(Me);
        t.Apply(Events.Trade(Me, 1, Me, 2, Side.Sell, 500_000, 4), TestMarket.Rules);
        Assert.Equal(0, t.Position);
        Assert.Equal(8, t.TradedLots);
    }

    [Fact]
    public void An_order_goes_pending_live_partly_filled_and_gone()
    {
        var t = new AccountTracker(Me);
        t.OrderSent(new OwnOrder(5, Side.Sell, OrderType.Limit, 500_010, 0, 10, OrderFlags.None, OrderState.Pending));
        Assert.True(t.TryGetOrder(5, out var pending));
        Assert.Equal(OrderState.Pending, pending.State);
        t.Apply(Events.Accepted(Me, 5), TestMarket.Rules);
        Assert.True(t.TryGetOrder(5, out var live));
        Assert.Equal(OrderState.Live, live.State);
        t.Apply(Events.Trade(Other, 99, Me, 5, Side.Buy, 500_010, 4, makerLeft: 6), TestMarket.Rules);
        Assert.True(t.TryGetOrder(5, out var partly));
        Assert.Equal(6, partly.Remaining);
        t.Apply(Events.Trade(Other, 98, Me, 5, Side.Buy, 500_010, 6, makerLeft: 0), TestMarket.Rules);
        Assert.False(t.TryGetOrder(5, out _));
        Assert.Equal(-10, t.Position);
    }

    [Fact]
    public void Cancels_and_rejections_remove_orders_and_the_order_list_stays_consistent()
    {
        var t = new AccountTracker(Me);
        for (long id = 1; id <= 5; id++)
        {
            t.OrderSent(new OwnOrder(id, Side.Buy, OrderType.Limit, 499_000 + id, 0, 1, OrderFlags.None, OrderState.Pending));
        }

        t.CancelSent(2);
        Assert.True(t.TryGetOrder(2, out var cancelling));
        Assert.Equal(OrderState.Cancelling, cancelling.State);
        t.Apply(Events.Cancelled(Me, 2), TestMarket.Rules);
        t.Apply(Events.RiskRejected(Me, 4), TestMarket.Rules);
        t.Apply(Events.Cancelled(Other, 5), TestMarket.Rules); // someone else's cancel changes nothing
        Assert.Equal(3, t.OrderCount);
        long[] ids = [.. Enumerable.Range(0, t.OrderCount).Select(i => t.OrderAt(i).Id).Order()];
        Assert.Equal([1L, 3, 5], ids);
        Assert.All(ids, id => Assert.True(t.TryGetOrder(id, out var o) && o.Id == id));
    }

    [Fact]
    public void A_finished_liquidation_sets_the_position_and_a_flat_account_takes_the_stated_equity_as_cash()
    {
        var t = new AccountTracker(Me);
        t.Apply(Events.Deposit(Me, TestMarket.Cash(1_000)), TestMarket.Rules);
        t.Apply(Events.Trade(Me, 1, Other, 2, Side.Buy, 500_000, 20), TestMarket.Rules);
        t.Apply(Events.Triggered(Me, 3), TestMarket.Rules);
        Assert.True(t.InLiquidation);
        t.Apply(Events.Takeover(Me, 100, Side.Sell, 20, 490_000), TestMarket.Rules);
        Assert.Equal(0, t.Position);
        t.Apply(Events.Finished(Me, 3, 0, TestMarket.Cash(12.5m)), TestMarket.Rules);
        Assert.False(t.InLiquidation);
        Assert.Equal(1, t.Liquidations);
        Assert.Equal(TestMarket.Cash(12.5m), t.Cash);
    }

    [Fact]
    public void A_deposit_counted_when_sent_is_not_counted_again_when_confirmed()
    {
        var t = new AccountTracker(Me);
        t.DepositSent(TestMarket.Cash(500));
        Assert.Equal(TestMarket.Cash(500), t.Cash);
        t.Apply(Events.Deposit(Me, TestMarket.Cash(500)), TestMarket.Rules);
        Assert.Equal(TestMarket.Cash(500), t.Cash);
        t.Apply(Events.Deposit(Me, TestMarket.Cash(100)), TestMarket.Rules); // one it did not send (a kernel top-up)
        Assert.Equal(TestMarket.Cash(600), t.Cash);
    }

    [Fact]
    public void Pool_events_state_collateral_and_debt_and_move_lots_and_cash()
    {
        var t = new AccountTracker(Me);
        t.Apply(Events.Trade(Me, 1, Other, 2, Side.Buy, 500_000, 10), TestMarket.Rules);
        t.Apply(Events.Pool(ExchangeEventType.CollateralDeposited, Me, 0, 10, 10, 0), TestMarket.Rules);
        Assert.Equal(0, t.Position);
        Assert.Equal(10, t.Collateral);
        long cashBefore = t.Cash;
        t.Apply(Events.Pool(ExchangeEventType.Borrowed, Me, TestMarket.Cash(4_000), 0, 10, TestMarket.Cash(4_000)), TestMarket.Rules);
        Assert.Equal(cashBefore + TestMarket.Cash(4_000), t.Cash);
        Assert.Equal(TestMarket.Cash(4_000), t.Debt);
        var seizure = Events.Pool(ExchangeEventType.PoolLiquidation, Me, TestMarket.Cash(2_000), 4, 10, TestMarket.Cash(4_000));
        t.Apply(seizure, TestMarket.Rules);
        Assert.Equal(6, t.Collateral);
        Assert.Equal(TestMarket.Cash(2_000), t.Debt);
    }

    [Fact]
    public void An_auction_take_gives_the_bidder_the_liquidated_side_reversed()
    {
        var bidder = new AccountTracker(Me);
        var take = Events.Auction(ExchangeEventType.AuctionTake, Other, 4, Side.Sell, 480_000, 0) with { CounterpartyAccountId = Me };
        take.Engine.Quantity = new Quantity(5);
        bidder.Apply(take, TestMarket.Rules);
        Assert.Equal(5, bidder.Position);
        Assert.Equal(-5 * 480_000 * TestMarket.K, bidder.Cash);
    }
}
