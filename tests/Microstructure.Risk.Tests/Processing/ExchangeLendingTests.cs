using Microstructure.Risk.Lending;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Tests.TestSupport;

namespace Microstructure.Risk.Tests.Processing;

public class ExchangeLendingTests
{
    private const long Maker = 1;
    private const long Looper = 2;
    private const long Supplier = 3;

    private static Driver Pool(LendingPoolOptions? pool = null, MarkPriceMethod mark = MarkPriceMethod.External)
    {
        var d = new Driver(Instruments.Simple() with
        {
            LendingPool = pool ?? new LendingPoolOptions(),
            Mark = new MarkPriceOptions { Method = mark, PublishIntervalSeconds = 0 },
        });
        d.Deposit(Maker, 1_000_000m);
        d.Leverage(Maker, 1);
        d.Deposit(Supplier, 100_000m);
        d.Send(ExchangeCommand.Cash(ExchangeCommandType.PoolSupply, Supplier, Driver.Usd(50_000m), d.Time));
        d.Deposit(d.Exchange.PoolLiquidatorAccountId, 100_000m);
        if (mark == MarkPriceMethod.External)
        {
            d.Mark(10_000);
        }

        return d;
    }

    private static List<ExchangeEvent> Pool(Driver d, ExchangeCommandType type, long account, long amount) =>
        d.Send(ExchangeCommand.ForAccount(type, account, amount, d.Time));

    /// <summary>$2,000 buys 20 lots at 100.00 (from the maker's ask), posts them as collateral and borrows $1,600.</summary>
    private static void OpenLoop(Driver d, long looper)
    {
        d.Deposit(looper, 2_000m);
        d.Leverage(looper, 1);
        d.Limit(looper, Side.Buy, 10_000, 20, TimeInForce.Ioc);
        Pool(d, ExchangeCommandType.PoolDepositCollateral, looper, 20);
        Pool(d, ExchangeCommandType.PoolBorrow, looper, Driver.Usd(1_600m));
    }

    [Fact]
    public void Borrowing_is_limited_by_loan_to_value_and_collateral_comes_from_a_paid_long_holding()
    {
        var d = Pool();
        d.Deposit(Looper, 1_000m);
        d.Leverage(Looper, 1);
        d.Limit(Maker, Side.Sell, 10_000, 100);
        d.Limit(Looper, Side.Buy, 10_000, 10, TimeInForce.Ioc);
        Assert.Single(Pool(d, ExchangeCommandType.PoolDepositCollateral, Looper, 10), e => e.Type == ExchangeEventType.CollateralDeposited);
        Assert.Equal(0, d.Account(Looper).Lots);
        Assert.Equal(10, d.Account(Looper).Collateral);

        // $1,000 of collateral at LTV 80%: $800 is the most it can borrow.
        Assert.Equal(RiskRejectReason.HealthFactorTooLow, Assert.Single(Pool(d, ExchangeCommandType.PoolBorrow, Looper, Driver.Usd(800.01m))).RiskReason);
        Assert.Single(Pool(d, ExchangeCommandType.PoolBorrow, Looper, Driver.Usd(800m)), e => e.Type == ExchangeEventType.Borrowed);
        Assert.Equal(Driver.Usd(800m), d.Account(Looper).Debt);
        Assert.Equal(Driver.Usd(49_200m), d.Exchange.PoolCash);
        d.AssertConserved();
    }

    [Fact]
    public void Below_hf_one_the_liquidator_repays_half_seizes_with_the_bonus_and_sells_on_the_book()
    {
        var d = Pool(new LendingPoolOptions { MinSizeForPartial = 100m });
        d.Limit(Maker, Side.Sell, 10_000, 100);
        OpenLoop(d, Looper);
        d.Limit(Maker, Side.Buy, 9_600, 100);

        // HF = 20 × P × 0.825 / 1,600 < 1 ⇔ P < 96.97; at 96.96 HF = 0.99996 > 0.95: close factor 50%.
        var events = d.Mark(9_696);
        var liquidation = Assert.Single(events, e => e.Type == ExchangeEventType.PoolLiquidation);
        Assert.Equal(Driver.Usd(800m), liquidation.Amount);           // 50% of the debt
        Assert.Equal(8, liquidation.Engine.Quantity.Lots);                    // ⌊800 × 1.05 / 96.96⌋ = 8 lots
        Assert.Equal(FixedPoint.ToRate(0.5m), liquidation.Rate);
        Assert.Equal(d.Exchange.PoolLiquidatorAccountId, liquidation.CounterpartyAccountId);
        Assert.Equal(12, d.Account(Looper).Collateral);
        Assert.Equal(Driver.Usd(800m), d.Account(Looper).Debt);

        // The seized lots are sold on the book inline, by the protocol liquidator.
        var sale = Assert.Single(events, e => e.Type == ExchangeEventType.LiquidationOrder);
        Assert.Equal(d.Exchange.PoolLiquidatorAccountId, sale.Engine.AccountId);
        Assert.Equal(8, sale.Engine.Quantity.Lots);
        Assert.Contains(events, e => e.Type == ExchangeEventType.Trade && e.Engine.AccountId == d.Exchange.PoolLiquidatorAccountId && e.Engine.Price.Ticks == 9_600);
        Assert.Equal(0, d.Account(d.Exchange.PoolLiquidatorAccountId).Lots);
        d.AssertConserved();
    }

    [Fact]
    public void Collateral_the_empty_book_could_not_take_is_sold_once_bids_return()
    {
        var d = Pool(new LendingPoolOptions { MinSizeForPartial = 100m });
        d.Limit(Maker, Side.Sell, 10_000, 100);
        OpenLoop(d, Looper);
        long liquidator = d.Exchange.PoolLiquidatorAccountId;

        // No bids: the seizure happens, no sale is sent into the empty side, the liquidator holds the 8 lots.
        var events = d.Mark(9_696);
        Assert.Single(events, e => e.Type == ExchangeEventType.PoolLiquidation);
        Assert.DoesNotContain(events, e => e.Type is ExchangeEventType.Trade or ExchangeEventType.LiquidationOrder);
        Assert.DoesNotContain(d.Advance(1.5m), e => e.Type == ExchangeEventType.LiquidationOrder); // still no bid: nothing sent
        Assert.Equal(8, d.Account(liquidator).Lots);

        // Bids come back; within a second the liquidator sells into them, as part of the same liquidation.
        d.Limit(Maker, Side.Buy, 9_600, 100);
        Assert.Equal(8, d.Account(liquidator).Lots);
        var later = d.Advance(1m);
        var sale = Assert.Single(later, e => e.Type == ExchangeEventType.LiquidationOrder);
        Assert.Equal(liquidator, sale.Engine.AccountId);
        Assert.Equal(8, sale.Engine.Quantity.Lots);
        Assert.Contains(later, e => e.Type == ExchangeEventType.Trade && e.Engine.AccountId == liquidator && e.Engine.Price.Ticks == 9_600 && e.LiquidationId == sale.LiquidationId);
        Assert.Equal(0, d.Account(liquidator).Lots);
        Assert.DoesNotContain(d.Advance(5m), e => e.Type == ExchangeEventType.LiquidationOrder);
        d.AssertConserved();
    }

    [Fact]
    public void Each_pool_liquidation_sells_its_own_unsold_collateral_under_its_own_id_and_trigger()
    {
        const long Other = 4;
        var d = Pool(new LendingPoolOptions { MinSizeForPartial = 100m });
        d.Limit(Maker, Side.Sell, 10_000, 100);
        OpenLoop(d, Looper);
        OpenLoop(d, Other);

        var breach = d.Mark(9_696);
        var seizures = breach.Where(e => e.Type == ExchangeEventType.PoolLiquidation).ToList();
        Assert.Equal(2, seizures.Count);
        long liquidator = d.Exchange.PoolLiquidatorAccountId;
        Assert.Equal(16, d.Account(liquidator).Lots);

        d.Limit(Maker, Side.Buy, 9_600, 100);
        var sales = d.Advance(1.5m).Where(e => e.Type == ExchangeEventType.LiquidationOrder).ToList();

        Assert.Equal(seizures.Select(s => (s.LiquidationId, s.Engine.Quantity.Lots, s.TriggerSequence)), sales.Select(s => (s.LiquidationId, s.Engine.Quantity.Lots, s.TriggerSequence)));
        Assert.Equal(0, d.Account(liquidator).Lots);
        d.AssertConserved();
    }

    [Fact]
    public void At_hf_below_0_95_the_whole_debt_is_repaid()
    {
        var d = Pool(new LendingPoolOptions { MinSizeForPartial = 100m });
        d.Limit(Maker, Side.Sell, 10_000, 100);
        OpenLoop(d, Looper);
        d.Limit(Maker, Side.Buy, 9_000, 100);
        var events = d.Mark(9_000); // HF = 20 × 90 × 0.825 / 1,600 = 0.928
        var liquidation = Assert.Single(events, e => e.Type == ExchangeEventType.PoolLiquidation);
        Assert.Equal(FixedPoint.RateScale, liquidation.Rate);
        Assert.Equal(Driver.Usd(1_600m), liquidation.Amount);
        Assert.Equal(0, d.Account(Looper).Debt);
        Assert.Equal(2, d.Account(Looper).Collateral); // ⌊1,600 × 1.05 / 90⌋ = 18 seized of 20
        d.AssertConserved();
    }

    [Fact]
    public void With_the_mark_as_oracle_the_liquidators_sales_push_the_next_loopers_under()
    {
        // Loopers at staggered health; each liquidation's sale on the thin book moves the last-trade mark down.
        var d = Pool(new LendingPoolOptions { MinSizeForPartial = 100m }, MarkPriceMethod.LastTrade);
        d.Limit(Maker, Side.Sell, 10_000, 1_000);
        for (long looper = 10; looper < 20; looper++)
        {
            d.Deposit(looper, 2_000m);
            d.Leverage(looper, 1);
            d.Limit(looper, Side.Buy, 10_000, 20, TimeInForce.Ioc);
            Pool(d, ExchangeCommandType.PoolDepositCollateral, looper, 20);
            Pool(d, ExchangeCommandType.PoolBorrow, looper, Driver.Usd(1_600m - (looper - 10)));
        }

        for (long price = 9_999; price >= 8_000; price--)
        {
            d.Limit(Maker, Side.Buy, price, 1);
        }

        // Liquidation prices 96.96, 96.90, 96.84, … ($1 less debt each); each liquidator sale of 8 lots moves 8 cents.
        var events = d.Market(Maker, Side.Sell, 304);
        var liquidations = events.Where(e => e.Type == ExchangeEventType.PoolLiquidation).ToList();
        Assert.True(liquidations.Count >= 3, $"expected a lending cascade, got {liquidations.Count}");
        Assert.Contains(liquidations, e => e.ParentLiquidationId != 0 && liquidations.Any(p => p.LiquidationId == e.ParentLiquidationId));
        d.AssertConserved();
    }

    [Fact]
    public void Pool_commands_without_a_pool_are_refused()
    {
        var d = new Driver(Instruments.Simple());
        Assert.Equal(RiskRejectReason.NotEnabled, Assert.Single(d.Send(ExchangeCommand.Cash(ExchangeCommandType.PoolBorrow, 1, 5, d.Time))).RiskReason);
    }
}
