using Microstructure.Agents.Families;
using Microstructure.Agents.Tests.TestSupport;

namespace Microstructure.Agents.Tests.Families;

public class LendingLooperTests
{
    private const long Me = 7;

    [Fact]
    public void It_loops_buy_deposit_borrow_within_the_e_mode_loan_to_value()
    {
        var options = new LendingLooperOptions { Loops = 2, BorrowFraction = 0.9, EMode = true, EntryStartSeconds = 0, EntryEndSeconds = 0 };
        var agent = new LendingLooper(TestMarket.Setup(Me), options, TestMarket.Cash(100_000));
        var context = new FakeContext { Market = TestMarket.Quotes(499_990, 500_010) };
        agent.Start(context);
        Assert.Equal(1, Assert.Single(context.OfType(ExchangeCommandType.PoolSetEMode)).Amount);
        Assert.Equal(1, Assert.Single(context.OfType(ExchangeCommandType.SetLeverage)).Amount);
        context.Clear();

        agent.OnWake(context); // buy with the cash, paid in full
        var buy = Assert.Single(context.Places);
        Assert.Equal((Side.Buy, OrderType.Market), (buy.Side, buy.OrderType));
        long lots = buy.Quantity.Lots;
        Assert.InRange(lots * 500_010 * TestMarket.K * 1.01, TestMarket.Cash(95_000), TestMarket.Cash(100_000));
        context.Clear();
        context.Deliver(agent, Events.Trade(Me, buy.OrderId.Value, 9, 1, Side.Buy, 500_000, lots));
        Assert.Equal(lots, Assert.Single(context.OfType(ExchangeCommandType.PoolDepositCollateral)).Amount);
        Assert.Equal(LoopPhase.Depositing, agent.Phase);
        context.Clear();

        context.Deliver(agent, Events.Pool(ExchangeEventType.CollateralDeposited, Me, 0, lots, lots, 0));
        long borrow = Assert.Single(context.OfType(ExchangeCommandType.PoolBorrow)).Amount;
        long collateralValue = lots * 500_000 * TestMarket.K; // mark = mid
        Assert.InRange(borrow, (long)(collateralValue * 0.9 * 0.9) - 1, (long)(collateralValue * 0.9 * 0.9) + 1);
        context.Clear();

        context.Deliver(agent, Events.Pool(ExchangeEventType.Borrowed, Me, borrow, 0, lots, borrow));
        Assert.Equal(1, agent.LoopsDone);
        Assert.Equal(LoopPhase.Buying, agent.Phase);
        Assert.Single(context.Places); // buys more with the loan
    }

    [Fact]
    public void When_its_health_factor_falls_below_its_threshold_it_withdraws_sells_and_repays()
    {
        var options = new LendingLooperOptions { Loops = 0, EMode = true, EntryStartSeconds = 0, EntryEndSeconds = 0, DeleverageBelowHealth = 1.05, DeleverageFraction = 0.3 };
        var agent = new LendingLooper(TestMarket.Setup(Me), options, 0);
        var context = new FakeContext { Market = TestMarket.Quotes(499_990, 500_010) };
        // 100 lots posted, 4,500 quote of debt at 50,000: HF = 5,000 × 0.93 / 4,500 = 1.033 < 1.05
        context.Deliver(agent, Events.Deposit(Me, TestMarket.Cash(1_000)));
        long bought = 100 * 500_000 * TestMarket.K;
        long afterBuy = TestMarket.Cash(1_000) - bought - (bought * 4 / 10_000); // less the 0.04% taker fee
        context.Deliver(agent, Events.Trade(Me, 1, 9, 2, Side.Buy, 500_000, 100, takerBalance: afterBuy));
        context.Deliver(agent, Events.Pool(ExchangeEventType.CollateralDeposited, Me, 0, 100, 100, 0));
        context.Deliver(agent, Events.Pool(ExchangeEventType.Borrowed, Me, TestMarket.Cash(4_500), 0, 100, TestMarket.Cash(4_500)));
        context.Clear();
        SetMonitoring(agent, context);
        agent.OnWake(context);
        long withdraw = Assert.Single(context.OfType(ExchangeCommandType.PoolWithdrawCollateral)).Amount;
        Assert.InRange(withdraw, 1, 3); // HF must stay ≥ 1.02 between the withdrawal and the repayment
        context.Clear();
        context.Deliver(agent, Events.Pool(ExchangeEventType.CollateralWithdrawn, Me, 0, withdraw, 100 - withdraw, TestMarket.Cash(4_500)));
        var sell = Assert.Single(context.Places);
        Assert.Equal((Side.Sell, withdraw, OrderFlags.ReduceOnly), (sell.Side, sell.Quantity.Lots, sell.Flags));
        context.Clear();
        long sold = withdraw * 500_000 * TestMarket.K;
        long afterSale = afterBuy + TestMarket.Cash(4_500) + sold - (sold * 4 / 10_000);
        context.Deliver(agent, Events.Trade(Me, sell.OrderId.Value, 9, 3, Side.Sell, 500_000, withdraw, takerBalance: afterSale));
        long repay = Assert.Single(context.OfType(ExchangeCommandType.PoolRepay)).Amount;
        Assert.InRange(repay, TestMarket.Cash(500), TestMarket.Cash(550)); // the cash it holds: 1,000 − 5,000 + 4,500 + the sale, less fees
        Assert.Equal(1, agent.Deleverages);
    }

    private static void SetMonitoring(LendingLooper agent, FakeContext context)
    {
        // Its first wake spends the cash it holds on more of the asset; the exchange refuses it, so it starts monitoring.
        agent.OnWake(context);
        var buy = Assert.Single(context.Places);
        context.Deliver(agent, Events.RiskRejected(Me, buy.OrderId.Value));
        context.Clear();
        Assert.Equal(LoopPhase.Monitoring, agent.Phase);
    }
}
