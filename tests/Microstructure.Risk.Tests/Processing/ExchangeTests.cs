using Microstructure.Risk.Accounts;
using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Tests.TestSupport;

namespace Microstructure.Risk.Tests.Processing;

public class ExchangeTests
{
    private const long Maker = 1;
    private const long Trader = 2;

    [Fact]
    public void A_fill_moves_exactly_price_times_quantity_in_cash_and_the_fee_to_the_fee_pool()
    {
        var d = new Driver(Instruments.Simple() with { TakerFeeRate = 0.0004m, MakerFeeRate = 0.0002m });
        d.Deposit(Maker, 10_000m);
        d.Deposit(Trader, 1_000m);
        d.Mark(10_000);
        d.Limit(Maker, Side.Sell, 10_000, 5);
        d.Limit(Trader, Side.Buy, 10_000, 3, TimeInForce.Ioc);

        var trader = d.Account(Trader);
        var maker = d.Account(Maker);
        Assert.Equal(3, trader.Lots);
        Assert.Equal(-3, maker.Lots);
        Assert.Equal(Driver.Usd(1_000m - 300m - 0.12m), trader.MarginCash);   // 300 notional, 0.04% taker fee
        Assert.Equal(Driver.Usd(10_000m + 300m - 0.06m), maker.MarginCash);   // 0.02% maker fee
        Assert.Equal(Driver.Usd(0.18m), d.Exchange.FeesCollected);
        Assert.Equal(Driver.Usd(300m), trader.CostBasis);
        Assert.Equal(Driver.Usd(1_000m - 0.12m), trader.WalletBalance);
        d.AssertConserved();
    }

    [Fact]
    public void An_L2_snapshot_through_the_exchange_passes_the_engine_levels_and_accepted_order_details_on()
    {
        var d = new Driver(Instruments.Simple());
        d.Deposit(Maker, 10_000m);
        d.Mark(10_000);
        var accepted = d.Limit(Maker, Side.Sell, 10_010, 5, flags: OrderFlags.PostOnly).Single(e => e.Type == ExchangeEventType.Accepted);
        Assert.Equal((OrderType.Limit, TimeInForce.Gtc, OrderFlags.PostOnly), (accepted.Engine.OrderType, accepted.Engine.TimeInForce, accepted.Engine.Flags));
        d.Limit(Maker, Side.Sell, 10_020, 2);

        var levels = d.Place(new OrderCommand { Type = CommandType.SnapshotL2, AccountId = Maker, Quantity = new Quantity(5) });

        Assert.All(levels, e => Assert.Equal(ExchangeEventType.L2Level, e.Type));
        Assert.Equal(
            new[] { (Side.Sell, 0, 10_010L, 5L, 1), (Side.Sell, 1, 10_020L, 2L, 1) },
            levels.Select(e => (e.Engine.Side, e.Engine.Level, e.Engine.Price.Ticks, e.Engine.Quantity.Lots, e.Engine.OrderCount)));
        Assert.True(levels[0].IsEngineEvent);
    }

    [Fact]
    public void Bitmex_example_through_the_exchange_liquidates_at_99_50_not_at_99_51()
    {
        var options = Instruments.Simple() with
        {
            MaintenanceBasis = MaintenanceBasis.EntryNotional,
            Liquidation = new AdlOptions(),
        };
        var d = new Driver(options);
        d.Deposit(Maker, 10_000m);
        d.Deposit(Trader, 1m);
        d.Leverage(Trader, 100);
        d.Mark(10_000);
        d.Limit(Maker, Side.Sell, 10_000, 1);
        var buy = d.Limit(Trader, Side.Buy, 10_000, 1, TimeInForce.Ioc);
        Assert.DoesNotContain(buy, e => e.Type == ExchangeEventType.RiskRejected);

        var trader = d.Account(Trader);
        Assert.Equal(1, trader.Lots);
        Assert.Equal(new Price(9_950), trader.LiquidationPrice);
        Assert.Equal(new Price(9_900), trader.BankruptcyPrice);

        Assert.DoesNotContain(d.Mark(9_951), e => e.Type == ExchangeEventType.LiquidationTriggered);
        var triggered = Assert.Single(d.Mark(9_950), e => e.Type == ExchangeEventType.LiquidationTriggered);
        Assert.Equal(9_950, triggered.MarkPrice.Ticks);
        Assert.Equal(9_900, triggered.BankruptcyPrice.Ticks);
        Assert.Equal(FixedPoint.RateScale, triggered.MarginRatio); // equity 0.50 = MM 0.50
        Assert.Equal(Driver.Usd(0.5m), triggered.Equity);
        d.AssertConserved();
    }

    [Fact]
    public void An_order_needing_more_initial_margin_than_available_is_rejected_with_a_reason_and_changes_nothing()
    {
        var d = new Driver(Instruments.Simple());
        d.Deposit(Maker, 10_000m);
        d.Deposit(Trader, 100m);
        d.Mark(10_000);
        d.Limit(Maker, Side.Sell, 10_000, 50);

        // Leverage 10: $100 supports $1,000 notional = 10 lots at $100.
        var rejected = Assert.Single(d.Limit(Trader, Side.Buy, 10_000, 11));
        Assert.Equal(ExchangeEventType.RiskRejected, rejected.Type);
        Assert.Equal(RiskRejectReason.InsufficientMargin, rejected.RiskReason);
        Assert.Equal(0, d.Account(Trader).Lots);
        Assert.Equal(0, d.Exchange.Engine.OrderCount - 1);
        Assert.DoesNotContain(d.Limit(Trader, Side.Buy, 10_000, 10), e => e.Type == ExchangeEventType.RiskRejected);
        Assert.Equal(10, d.Account(Trader).Lots);
    }

    [Fact]
    public void Resting_orders_reserve_margin_so_a_second_order_cannot_double_spend_it()
    {
        var d = new Driver(Instruments.Simple());
        d.Deposit(Trader, 100m);
        d.Mark(10_000);
        d.Limit(Trader, Side.Buy, 9_000, 10);
        var second = Assert.Single(d.Limit(Trader, Side.Buy, 9_000, 2));
        Assert.Equal(RiskRejectReason.InsufficientMargin, second.RiskReason);
        Assert.Equal(10, d.Account(Trader).OpenBuyLots);
    }

    [Fact]
    public void Reduce_only_order_that_would_open_a_position_is_rejected()
    {
        var d = new Driver(Instruments.Simple());
        d.Deposit(Trader, 100m);
        d.Mark(10_000);
        var rejected = Assert.Single(d.Limit(Trader, Side.Sell, 10_000, 1, flags: OrderFlags.ReduceOnly));
        Assert.Equal(RiskRejectReason.ReduceOnlyWouldIncrease, rejected.RiskReason);
    }

    [Fact]
    public void Resting_reduce_only_order_is_cancelled_when_the_position_it_reduces_is_gone()
    {
        var d = new Driver(Instruments.Simple());
        d.Deposit(Maker, 10_000m);
        d.Deposit(Trader, 1_000m);
        d.Mark(10_000);
        d.Limit(Maker, Side.Sell, 10_000, 5);
        d.Limit(Trader, Side.Buy, 10_000, 5, TimeInForce.Ioc);
        d.Limit(Trader, Side.Sell, 11_000, 5, flags: OrderFlags.ReduceOnly, id: 500);
        d.Limit(Maker, Side.Buy, 10_000, 5);
        var close = d.Limit(Trader, Side.Sell, 10_000, 5, TimeInForce.Ioc);

        Assert.Equal(0, d.Account(Trader).Lots);
        var cancel = Assert.Single(close, e => e.Type == ExchangeEventType.RiskCancel);
        Assert.Equal(500, cancel.Engine.OrderId.Value);
        Assert.Contains(close, e => e.Type == ExchangeEventType.Cancelled && e.Engine.OrderId.Value == 500);
        Assert.False(d.Exchange.Engine.TryGetOrder(new OrderId(500), out _));
    }

    [Fact]
    public void Withdrawal_beyond_free_margin_is_refused_and_within_it_is_paid()
    {
        var d = new Driver(Instruments.Simple());
        d.Deposit(Maker, 10_000m);
        d.Deposit(Trader, 200m);
        d.Mark(10_000);
        d.Limit(Maker, Side.Sell, 10_000, 10);
        d.Limit(Trader, Side.Buy, 10_000, 10, TimeInForce.Ioc);
        Assert.Equal(RiskRejectReason.InsufficientMargin, Assert.Single(d.Withdraw(Trader, 100.01m)).RiskReason);
        Assert.Equal(ExchangeEventType.Withdrawal, Assert.Single(d.Withdraw(Trader, 100m)).Type);
        d.AssertConserved();
    }

    [Fact]
    public void Isolated_losses_stop_at_the_position_margin_and_the_free_balance_is_untouched()
    {
        var d = new Driver(Instruments.Simple() with { Liquidation = new FullCloseOptions { CoverDeficitsFromFund = false } });
        d.Deposit(Maker, 10_000m);
        d.Mode(Trader, MarginMode.Isolated);
        d.Deposit(Trader, 500m);
        d.Mark(10_000);
        d.Limit(Maker, Side.Sell, 10_000, 10);
        d.Limit(Trader, Side.Buy, 10_000, 10, TimeInForce.Ioc);
        var trader = d.Account(Trader);
        Assert.Equal(Driver.Usd(400m), trader.FreeCash);          // $100 initial margin moved into the position
        Assert.Equal(Driver.Usd(100m - 1_000m), trader.MarginCash);

        // The only bid is far below bankruptcy: the close loses more than the position margin.
        d.Limit(Maker, Side.Buy, 8_000, 10);
        d.Mark(9_000);
        var after = d.Account(Trader);
        Assert.Equal(0, after.Lots);
        Assert.Equal(Driver.Usd(400m), after.FreeCash);
        Assert.Equal(0, after.MarginCash);
        Assert.Equal(Driver.Usd(100m), d.Exchange.BadDebt);  // 1,000 − 100 − 800 = 100 written off
        d.AssertConserved();
    }

    [Fact]
    public void Commands_for_unknown_and_system_accounts_are_refused()
    {
        var d = new Driver(Instruments.Simple());
        Assert.Equal(RiskRejectReason.UnknownAccount, Assert.Single(d.Deposit(9_999, 1m)).RiskReason);
        Assert.Equal(RiskRejectReason.SystemAccount, Assert.Single(d.Limit(d.Exchange.InsuranceFundAccountId, Side.Buy, 100, 1)).RiskReason);
        Assert.Equal(RiskRejectReason.ReservedOrderId, Assert.Single(d.Limit(Trader, Side.Buy, 100, 1, id: -5)).RiskReason);
    }
}
