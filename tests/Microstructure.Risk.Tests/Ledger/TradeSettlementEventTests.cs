using Microstructure.Risk.Accounts;
using Microstructure.Risk.Processing;
using Microstructure.Risk.Tests.TestSupport;

namespace Microstructure.Risk.Tests.Ledger;

/// <summary>
/// A trade event states what settlement did — each side's fee and cash after the fill — so that no consumer has to
/// re-derive it. Checked against the exchange's own rule and its own account view over random streams (every design,
/// cross and isolated margin, the lending pool, system accounts unwinding).
/// </summary>
public class TradeSettlementEventTests
{
    private const int Seeds = 80;
    private const int Steps = 200;

    [Fact]
    public void Every_trade_states_the_fees_charged_by_the_exchange_rule_and_each_sides_cash_as_the_exchange_sees_it()
    {
        var seen = new Coverage();
        for (int seed = 0; seed < Seeds; seed++)
        {
            var scenario = new RandomScenario(seed);
            var d = new Driver(scenario.Options);
            var check = new SeedCheck(d.Exchange, seen);
            foreach (var setup in scenario.Setup())
            {
                check.Command(setup(d));
            }

            for (int i = 0; i < Steps; i++)
            {
                check.Command(scenario.Step(d));
            }

            Assert.True(check.FeesOnEvents == d.Exchange.FeesCollected, $"seed {seed}: fees on events {check.FeesOnEvents}, exchange collected {d.Exchange.FeesCollected}");
        }

        // The streams reach every case the fields distinguish.
        Assert.True(seen.Trades > 1_000, $"{seen.Trades} trades");
        Assert.True(seen.SystemSides > 0, "no system account traded");
        Assert.True(seen.IsolatedBalances > 0, "no isolated account's balance was checked");
        Assert.True(seen.CrossBalances > 0, "no cross account's balance was checked");
        Assert.True(seen.NegativeBalances > 0, "no fill left an account below zero");
    }

    [Fact]
    public void Fees_and_balances_are_zero_on_every_other_event()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            var scenario = new RandomScenario(seed);
            var d = new Driver(scenario.Options);
            foreach (var setup in scenario.Setup())
            {
                setup(d);
            }

            for (int i = 0; i < Steps; i++)
            {
                scenario.Step(d);
            }

            Assert.All(
                d.All.Where(e => e.Type != ExchangeEventType.Trade),
                e => Assert.Equal((0L, 0L, 0L, 0L), (e.TakerFee, e.MakerFee, e.TakerBalance, e.MakerBalance)));
        }
    }

    [Fact]
    public void A_taker_pays_the_taker_rate_rounded_up_a_maker_the_maker_rate_and_each_balance_is_the_cash_after_both()
    {
        // k = 0.01 × 0.0001 × 10⁸ = 100: 3 lots at 10,001 ticks are worth 3,000,300 cash units; 0.04% of that is
        // 1,200.12 → 1,201 against the taker, 0.02% is 600.06 → 601 against the maker.
        var instrument = new InstrumentSpec("TEST", 0.01m, 0.0001m, new Price(1), new Price(1_000_000), new Quantity(1_000_000));
        var d = new Driver(Instruments.Simple() with { Instrument = instrument, TakerFeeRate = 0.0004m, MakerFeeRate = 0.0002m });
        d.Deposit(1, 10_000m);
        d.Deposit(2, 10_000m);
        d.Mark(10_000);
        d.Limit(2, Side.Sell, 10_001, 3);
        var trade = Assert.Single(d.Market(1, Side.Buy, 3), e => e.Type == ExchangeEventType.Trade);
        Assert.Equal((1_201L, 601L), (trade.TakerFee, trade.MakerFee));
        Assert.Equal(Driver.Usd(10_000m) - 3_000_300 - 1_201, trade.TakerBalance);
        Assert.Equal(Driver.Usd(10_000m) + 3_000_300 - 601, trade.MakerBalance);
        Assert.Equal((trade.TakerBalance, trade.MakerBalance), (d.Account(1).MarginCash, d.Account(2).MarginCash));
    }

    private sealed class Coverage
    {
        public long Trades;
        public long SystemSides;
        public long IsolatedBalances;
        public long CrossBalances;
        public long NegativeBalances;
    }

    private sealed class SeedCheck(Exchange exchange, Coverage seen)
    {
        private readonly long _k = exchange.CashPerTickLot;
        private readonly long _takerRate = FixedPoint.ToRate(exchange.Options.TakerFeeRate);
        private readonly long _makerRate = FixedPoint.ToRate(exchange.Options.MakerFeeRate);
        private readonly long _fund = exchange.InsuranceFundAccountId;

        public long FeesOnEvents { get; private set; }

        /// <summary>Checks the events of one command, with the exchange in the state the command left it.</summary>
        public void Command(List<ExchangeEvent> events)
        {
            for (int i = 0; i < events.Count; i++)
            {
                var e = events[i];
                if (e.Type != ExchangeEventType.Trade)
                {
                    continue;
                }

                seen.Trades++;
                long value = e.Engine.Quantity.Lots * e.Engine.Price.Ticks * _k;
                Assert.Equal(ExpectedFee(e.Engine.AccountId, value, _takerRate), e.TakerFee);
                Assert.Equal(ExpectedFee(e.Engine.MakerAccountId, value, _makerRate), e.MakerFee);
                FeesOnEvents += e.TakerFee + e.MakerFee;
                CheckBalance(events, i, e.Engine.AccountId, e.TakerBalance);
                CheckBalance(events, i, e.Engine.MakerAccountId, e.MakerBalance);
            }
        }

        private long ExpectedFee(long account, long value, long rate)
        {
            if (exchange.GetAccount(account).IsSystem)
            {
                seen.SystemSides++;
                return 0;
            }

            return FixedPoint.RateCeil(value, rate);
        }

        /// <summary>
        /// The exchange is only seen after the command: a balance is compared when nothing later in the command can
        /// have moved that account's cash (no later event names it; for the fund, no later fund movement or write-off).
        /// </summary>
        private void CheckBalance(List<ExchangeEvent> events, int index, long account, long balance)
        {
            if (balance < 0)
            {
                seen.NegativeBalances++;
            }

            for (int j = index + 1; j < events.Count; j++)
            {
                var later = events[j];
                bool names = later.Engine.AccountId == account
                    || (later.Type == ExchangeEventType.Trade && later.Engine.MakerAccountId == account)
                    || later.CounterpartyAccountId == account;
                bool movesFund = account == _fund && later.Type is ExchangeEventType.InsuranceFund or ExchangeEventType.BadDebt or ExchangeEventType.FundingSettled;
                if (names || movesFund)
                {
                    return;
                }
            }

            AccountView view = exchange.GetAccount(account);
            Assert.True(
                balance == view.MarginCash + view.FreeCash,
                $"account {account} ({view.Mode}): balance on the trade {balance}, exchange's cash after the command {view.MarginCash + view.FreeCash}");
            if (view.Mode == MarginMode.Isolated && view.Lots != 0)
            {
                seen.IsolatedBalances++;
            }
            else
            {
                seen.CrossBalances++;
            }
        }
    }
}
