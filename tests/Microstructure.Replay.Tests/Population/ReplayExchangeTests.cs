using Microstructure.Replay.Injection;
using Microstructure.Replay.Io;
using Microstructure.Replay.Lobster;
using Microstructure.Replay.Output;
using Microstructure.Replay.Population;
using Microstructure.Replay.Processing;
using Microstructure.Replay.Tests.TestSupport;
using Microstructure.Risk;
using Microstructure.Risk.Accounts;
using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Margin;

namespace Microstructure.Replay.Tests.Population;

public sealed class ReplayExchangeTests
{
    private static ReplayReport Lobster(string messages, string book, PopulationSpec? population, EventLog? log = null, TapeLog? tape = null, params InjectedOrder[] injections) =>
        LobsterReplay.Run(new LobsterReplayOptions { MessagesPath = messages, BookPath = book, Injections = injections, Population = population }, tape, log);

    private static ReplayReport Aapl(PopulationSpec population, EventLog? log = null, TapeLog? tape = null, params InjectedOrder[] injections) =>
        Lobster(TestData.LobsterMessages, TestData.LobsterBook, population, log, tape, injections);

    [Fact]
    public void A_price_shock_on_the_AAPL_sample_liquidates_longs_whose_orders_walk_the_historical_book()
    {
        var log = new EventLog();

        var report = Aapl(Populations.Aapl(), log, null, Populations.AaplShock());

        var p = report.Population!;
        Assert.Equal(30, p.Opened);
        Assert.True(p.Liquidations > 0);
        Assert.True(p.RiskOrderLotsFromHistory > 0);
        var liquidationTrades = log.Events.Where(e => e.Type == ExchangeEventType.Trade && e.Engine.OrderId.Value <= 0).ToList();
        Assert.All(liquidationTrades, t => Assert.Equal(ReplayAccounts.Historical, t.Engine.MakerAccountId));
        var levelsSwept = liquidationTrades.GroupBy(t => t.Engine.OrderId.Value).Max(g => g.Select(t => t.Engine.Price.Ticks).Distinct().Count());
        Assert.True(levelsSwept >= 2, $"the deepest liquidation order swept {levelsSwept} level(s)");
        Assert.Equal(p.Liquidations, log.Events.Count(e => e.Type == ExchangeEventType.LiquidationTriggered));
    }

    [Fact]
    public void The_shock_liquidates_more_of_the_population_than_the_historical_flow_alone()
    {
        var historyAlone = Aapl(Populations.Aapl()).Population!;
        var withShock = Aapl(Populations.Aapl(), null, null, Populations.AaplShock()).Population!;

        Assert.Equal(30, historyAlone.Opened);
        Assert.True(withShock.Liquidations > historyAlone.Liquidations, $"with the shock {withShock.Liquidations}, history alone {historyAlone.Liquidations}");
        Assert.True(withShock.LiquidatedNotional > historyAlone.LiquidatedNotional);
    }

    [Fact]
    public void The_same_population_and_shock_liquidate_more_notional_on_a_thinner_book()
    {
        using var dir = new TempDirectory();
        var deep = LobsterFiles.Scaled(dir, 3);

        var thin = Aapl(Populations.Aapl(), null, null, Populations.AaplShock()).Population!;
        var thick = Lobster(deep.Messages, deep.Book, Populations.Aapl(), null, null, Populations.AaplShock()).Population!;

        Assert.True(thin.LiquidatedNotional > thick.LiquidatedNotional, $"real book {thin.LiquidatedNotional}, three times deeper {thick.LiquidatedNotional}");
        Assert.True(thin.Liquidations > thick.Liquidations);
    }

    [Fact]
    public void What_liquidations_consumed_stays_consumed_and_is_reconciled_like_injected_flow()
    {
        var shockOnly = Aapl(Populations.Aapl() with { Entry = new PopulationEntry(null, 100_000_000) }, null, null, Populations.AaplShock());
        var report = Aapl(Populations.Aapl(), null, null, Populations.AaplShock());

        var p = report.Population!;
        var c = report.Reconciliation;
        Assert.Equal(0, shockOnly.Population!.Opened);

        // Every lot the population's and the liquidation engine's orders took from history is recorded as depletion.
        Assert.Equal(shockOnly.Reconciliation.DepletedLots + p.OpenedLongLots + p.RiskOrderLotsFromHistory, c.DepletedLots);

        // Later historical executions and cancels of that liquidity are dropped, more than with the shock alone.
        Assert.True(c.DroppedExecutionLots + c.DroppedCancelLots > shockOnly.Reconciliation.DroppedExecutionLots + shockOnly.Reconciliation.DroppedCancelLots);

        // What history never took back itself is still missing at the end: no more bid depth than history has.
        var outstanding = c.DepletedLots - c.DroppedExecutionLots - c.DroppedCancelLots - c.UnmatchedLots;
        Assert.True(outstanding > 0);
        Assert.True(report.Impact!.FinalBidDepth <= report.Impact.FinalHistoricalBidDepth);
    }

    [Fact]
    public void A_population_size_too_large_for_64_bit_cash_is_a_user_error_naming_the_field()
    {
        var huge = Populations.Aapl() with { MinLots = 1_000_000_000_000_000, MaxLots = 1_000_000_000_000_000, Source = "pop.json" };
        var e = Assert.Throws<ReplayInputException>(() => Aapl(huge));
        Assert.StartsWith("pop.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("size.max", e.Message, StringComparison.Ordinal);
        Assert.Contains("too large for 64-bit cash", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Money_is_conserved_exactly_after_every_event_of_the_run()
    {
        ReplayExchange? exchange = null;
        var checkedEvents = 0;
        var log = new EventLog(_ =>
        {
            var totals = exchange!.Exchange.Totals();
            Assert.Equal(totals.NetDeposits, totals.Total);
            Assert.Equal(0, totals.NetLots);
            checkedEvents++;
        });
        var options = new LobsterReplayOptions
        {
            MessagesPath = TestData.LobsterMessages, BookPath = TestData.LobsterBook, Injections = [Populations.AaplShock()],
        };
        var population = Populations.Aapl(LiquidationPolicies.InsuranceFund);

        var report = LobsterReplay.Run(options, null, (spec, max) => (exchange = new ReplayExchange(population, spec, max, log)).Processor);

        var p = exchange!.Report();
        Assert.True(p.Liquidations > 0);
        Assert.True(p.MoneyConserved);
        Assert.Equal(log.Events.Count, checkedEvents);
        Assert.Equal(999, report.MessagesApplied);
    }

    [Theory]
    [InlineData(LiquidationPolicies.FullClose)]
    [InlineData(LiquidationPolicies.TieredPartial)]
    [InlineData(LiquidationPolicies.InsuranceFund)]
    [InlineData(LiquidationPolicies.Adl)]
    [InlineData(LiquidationPolicies.TimeSliced)]
    [InlineData(LiquidationPolicies.BackstopVault)]
    [InlineData(LiquidationPolicies.DutchAuction)]
    public void Every_liquidation_design_runs_through_the_replay_and_conserves_money(string design)
    {
        var report = Aapl(Populations.Aapl(design), null, null, Populations.AaplShock());

        var p = report.Population!;
        Assert.Equal(design, p.Design);
        Assert.True(p.Liquidations > 0);
        Assert.True(p.MoneyConserved, $"ledger {p.LedgerTotal} vs deposits {p.NetDeposits}, net lots {p.NetLots}");
    }

    [Fact]
    public void The_same_inputs_write_the_same_tape_rows()
    {
        static List<TapeRow> Run()
        {
            var tape = new TapeLog();
            Aapl(Populations.Aapl(LiquidationPolicies.InsuranceFund), null, tape, Populations.AaplShock());
            return tape.Rows;
        }

        var first = Run();
        var second = Run();

        Assert.Equal(first, second);
        Assert.Contains(first, r => r.Event == TapeEvent.LiquidationStart);
    }

    [Fact]
    public void The_observer_learns_the_population_s_exchange_before_its_first_event()
    {
        var log = new EventLog();

        Aapl(Populations.Aapl(), log);

        Assert.NotNull(log.Setup);
        Assert.Equal(0, log.EventsBeforeSetup);
        Assert.NotEmpty(log.Events);
        Assert.Equal(30, log.Setup.Accounts.Count);
        Assert.Equal(Populations.Aapl().Seed, log.Setup.Seed);
        Assert.Equal("full-close", log.Setup.Design);
    }

    [Fact]
    public void The_observer_sees_every_exchange_event_in_order_and_every_fill_the_replay_records()
    {
        var log = new EventLog();

        var report = Aapl(Populations.Aapl(), log, null, Populations.AaplShock());

        var sequences = log.Events.Select(e => e.Engine.CommandSequence).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(report.SimulatedFills + report.HistoricalCrossTrades, log.Events.Count(e => e.Type == ExchangeEventType.Trade));
        Assert.Equal(report.L1Changes, log.Events.Count(e => e.Type == ExchangeEventType.TopOfBook));
    }

    [Fact]
    public void A_population_entering_at_a_price_opens_at_the_first_step_where_the_mid_reaches_it()
    {
        // The replayed mid starts at 585.635 and falls to 585.55 before the shock; 585.60 is crossed on the way down.
        var population = Populations.Aapl() with { Entry = new PopulationEntry(null, 5_856_000) };
        var log = new EventLog();

        var report = Aapl(population, log);

        var opened = report.Population!.OpenedAtNs!.Value;
        var first = log.Events.FindIndex(e => e.Type == ExchangeEventType.Accepted && ReplayOrderIds.IsPopulation(e.Engine.OrderId.Value));
        var mids = log.Events.Take(first).Where(e => e.Type == ExchangeEventType.TopOfBook && e.Engine.BidPrice.Ticks > 0 && e.Engine.AskPrice.Ticks > 0).Select(e => (e.Engine.BidPrice.Ticks + e.Engine.AskPrice.Ticks) / 2).ToList();
        Assert.Equal(opened, log.Events[first].Engine.Timestamp.Nanoseconds);
        Assert.True(mids[0] > 5_856_000, $"the mid starts above the entry price: {mids[0]}");
        Assert.True(mids[^1] <= 5_856_000, $"the mid has reached the entry price when the population opens: {mids[^1]}");
        Assert.Equal(30, report.Population.Opened);
    }

    [Fact]
    public void An_entry_price_never_reached_leaves_the_population_unopened_and_the_book_as_history()
    {
        var report = Aapl(Populations.Aapl() with { Entry = new PopulationEntry(null, 100_000_000) });

        Assert.Null(report.Population!.OpenedAtNs);
        Assert.Equal(0, report.Population.Opened);
        Assert.Equal(0, report.SimulatedFills);
    }

    [Fact]
    public void Accounts_whose_leverage_exceeds_the_bracket_maximum_are_refused_and_counted()
    {
        var population = Populations.Aapl() with
        {
            Leverage = new LeverageSpec { Values = [100, 1000], Weights = [1, 1] },
            Brackets = new BracketTable([new MarginBracketSpec(1_000_000_000m, 500, 0.0005m)]),
        };

        var report = Aapl(population);

        var p = report.Population!;
        var refused = p.Refused["leverage-too-high"];
        Assert.True(refused > 0);
        Assert.Equal(30, p.Opened + refused);
        Assert.Equal(population.Accounts - refused, PopulationPlan.Draw(population).Count(a => a.Leverage == 100));
    }

    [Fact]
    public void With_a_last_trade_mark_the_shock_fills_set_the_mark_and_liquidate()
    {
        var report = Aapl(Populations.Aapl() with { Mark = MarkSource.LastTrade }, null, null, Populations.AaplShock());

        Assert.True(report.Population!.Liquidations > 0);
        Assert.True(report.Population.MoneyConserved);
    }

    [Fact]
    public void Isolated_margin_accounts_are_liquidated_from_their_own_margin_and_money_is_conserved()
    {
        var report = Aapl(Populations.Aapl(LiquidationPolicies.InsuranceFund) with { MarginMode = MarginMode.Isolated }, null, null, Populations.AaplShock());

        Assert.Equal("isolated", report.Population!.MarginMode);
        Assert.True(report.Population.Liquidations > 0);
        Assert.True(report.Population.MoneyConserved);
    }

    [Fact]
    public void Historical_orders_never_fail_for_margin_the_exchange_tops_up_their_collateral_and_the_book_follows_history()
    {
        var plainTape = new TapeLog();
        LobsterReplay.Run(new LobsterReplayOptions { MessagesPath = TestData.LobsterMessages, BookPath = TestData.LobsterBook }, plainTape);

        ReplayExchange? exchange = null;
        var never = Populations.Aapl() with { Entry = new PopulationEntry(null, 100_000_000) };
        var riskTape = new TapeLog();
        LobsterReplay.Run(new LobsterReplayOptions { MessagesPath = TestData.LobsterMessages, BookPath = TestData.LobsterBook }, riskTape,
            (spec, max) => (exchange = new ReplayExchange(never, spec, max) { CollateralDeposit = 100_000L * FixedPoint.CashScale }).Processor);

        Assert.True(exchange!.Report().CollateralTopUps > 0);
        Assert.NotEmpty(L1Rows(plainTape));
        Assert.Equal(L1Rows(plainTape), L1Rows(riskTape));

        // Time and the four book columns of every L1 row (sequence numbers differ: the exchange's deposits are commands too).
        static (long, long, long, long, long)[] L1Rows(TapeLog tape) =>
            [.. tape.Rows.Where(r => r.Event == TapeEvent.L1).Select(r => (r.TimeNs, r.BidPrice, r.BidSize, r.AskPrice, r.AskSize))];
    }

    [Fact]
    public void An_injected_liquidation_order_is_sent_as_a_plain_market_order_of_the_injected_account()
    {
        var shock = Populations.AaplShock() with { Kind = InjectedOrderKind.Liquidation };

        var report = Aapl(Populations.Aapl(), null, null, shock);

        Assert.True(report.Population!.Liquidations > 0);
        Assert.Equal(1, report.InjectedOrders);
    }

    [Fact]
    public void An_observer_without_a_population_is_refused()
    {
        var options = new LobsterReplayOptions { MessagesPath = TestData.LobsterMessages, BookPath = TestData.LobsterBook };

        Assert.Throws<ArgumentException>(() => LobsterReplay.Run(options, null, new EventLog()));
    }

    [Fact]
    public void A_ticker_mark_source_on_a_LOBSTER_replay_is_a_user_error_naming_the_field()
    {
        var error = Assert.Throws<ReplayInputException>(() => Aapl(Populations.Aapl() with { Mark = MarkSource.TickerMark, Source = "pop.json" }));

        Assert.StartsWith("pop.json: mark: 'ticker-mark' needs", error.Message, StringComparison.Ordinal);
    }
}
