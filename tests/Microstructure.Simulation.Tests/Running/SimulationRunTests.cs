using Microstructure.Simulation.Kernel;
using Microstructure.Simulation.Running;
using Microstructure.Simulation.Scenarios;
using Microstructure.Simulation.Tests.TestSupport;

namespace Microstructure.Simulation.Tests.Running;

public class SimulationRunTests
{
    [Fact]
    public void Two_runs_of_the_same_scenario_and_seed_write_byte_identical_journals()
    {
        var scenario = TestScenarios.Small();
        byte[] first = Journal(scenario, KernelMode.Direct, seed: 5);
        byte[] second = Journal(scenario, KernelMode.Direct, seed: 5);
        Assert.True(first.Length > 100_000, "the run should be busy enough to mean something");
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void Direct_and_pipelined_runs_write_byte_identical_journals(long seed)
    {
        var scenario = TestScenarios.Small();
        byte[] direct = Journal(scenario, KernelMode.Direct, seed);
        byte[] pipelined = Journal(scenario, KernelMode.Pipelined, seed);
        byte[] again = Journal(scenario, KernelMode.Pipelined, seed);
        Assert.Equal(direct, pipelined);
        Assert.Equal(direct, again);
    }

    [Fact]
    public void Another_seed_gives_another_run()
    {
        var scenario = TestScenarios.Small();
        Assert.NotEqual(Journal(scenario, KernelMode.Direct, 5), Journal(scenario, KernelMode.Direct, 6));
    }

    [Fact]
    public void Info_describes_the_run_before_it_starts()
    {
        var scenario = TestScenarios.Small();
        using var run = new SimulationRun(scenario, new RunOptions { Seed = 9, Design = "tiered-partial" });
        var info = run.Info;
        Assert.Equal(("small", 9L, "tiered-partial"), (info.ScenarioName, info.Seed, info.DesignName));
        Assert.Equal((0.1m, 0.001m, 10_000L), (info.Instrument.TickSize, info.Instrument.LotSize, info.CashPerTickLot));
        Assert.Equal(100_000_000, info.CashScale);
        Assert.Equal((0L, 40_000_000_000L, 2_000_000_000L, 5), (info.StartNs, info.EndNs, info.SnapshotIntervalNs, info.SnapshotDepth));
        var shock = Assert.Single(info.Shocks, s => !s.IsIndexJump);
        Assert.Equal((20_000_000_000L, Side.Sell, 3_000L), (shock.TimeNs, shock.Side, shock.Lots));
        Assert.Equal(3_000L * 500_000 * 10_000, shock.NotionalEstimate);
        Assert.Equal(-0.01, Assert.Single(info.Shocks, s => s.IsIndexJump).Relative);
        Assert.Equal(AccountRoleKind.Kernel, info.RoleOf(0).Kind);
        Assert.Equal(AccountRoleKind.Noise, info.RoleOf(1).Kind);
        Assert.Equal(AccountRoleKind.MarketMaker, info.RoleOf(61).Kind);
        Assert.Equal(AccountRoleKind.Leveraged, info.RoleOf(74).Kind); // 60 noise, 3 makers, 5 value, 5 momentum first
        Assert.Equal(AccountRoleKind.Shock, info.RoleOf(shock.AccountId).Kind);
        Assert.Equal(AccountRoleKind.InsuranceFund, info.RoleOf(run.Exchange.InsuranceFundAccountId).Kind);
        Assert.Equal(AccountRoleKind.PoolSupplier, info.RoleOf(scenario.Layout.PoolSupplierAccount).Kind);
        Assert.Equal(AccountRoleKind.Unused, info.RoleOf(1_000_000).Kind);
        Assert.Equal(run.Agents.Count, info.Accounts.Count(a => a.Kind is >= AccountRoleKind.Noise and <= AccountRoleKind.Shock));
    }

    [Fact]
    public void A_0_0001_tick_under_a_10M_cap_runs_and_trades_where_the_price_is()
    {
        // 10^11 ticks: refused before issue 12 §2 (the book held 2^31). Same crowd, a thousand times finer tick.
        var json = TestScenarios.SmallJson.Replace(
            "\"initialPrice\": 50000,", "\"initialPrice\": 50000, \"instrument\": { \"tickSize\": 0.0001, \"lotSize\": 0.001, \"maxPrice\": 10000000 },", StringComparison.Ordinal);
        var scenario = ScenarioLoader.Parse(json, "fine.json");
        Assert.Equal(100_000_000_000L, scenario.Instrument.MaxPrice.Ticks);
        using var run = new SimulationRun(scenario, new RunOptions { Seed = 5 });
        var events = new RecordingObserver();
        var result = run.Execute(events);
        var trades = events.Events.Where(e => e.Type == ExchangeEventType.Trade).ToList();
        Assert.True(trades.Count > 1_000, $"{trades.Count} trades");
        Assert.True(result.FeesCollected > 0);
        Assert.All(trades, t => Assert.InRange(t.Engine.Price.Ticks, 400_000_000L, 600_000_000L)); // 40k–60k quote
        Assert.InRange(result.FinalMarkTicks, 400_000_000L, 600_000_000L);
    }

    [Fact]
    public void A_run_reports_progress_to_the_end_and_executes_only_once()
    {
        using var run = new SimulationRun(TestScenarios.Small(), new RunOptions { DurationSeconds = 10 });
        var reports = new List<RunProgress>();
        var result = run.Execute(null, reports.Add);
        Assert.True(reports.Count >= 50);
        Assert.Equal(1.0, reports[^1].Fraction);
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.First.NowNs <= p.Second.NowNs));
        Assert.Equal(result.Counters, reports[^1].Counters);
        Assert.Throws<InvalidOperationException>(() => run.Execute());
    }

    [Fact]
    public void Cancellation_stops_a_run_between_items()
    {
        using var run = new SimulationRun(TestScenarios.Small());
        using var cancel = new CancellationTokenSource();
        Assert.ThrowsAny<OperationCanceledException>(() => run.Execute(null, p =>
        {
            if (p.Fraction > 0.2)
            {
                cancel.Cancel();
            }
        }, cancel.Token));
    }

    private static byte[] Journal(Microstructure.Simulation.Scenarios.Scenario scenario, KernelMode mode, long seed)
    {
        using var run = new SimulationRun(scenario, new RunOptions { Seed = seed, Mode = mode });
        return JournalHash.Journal(run).Journal;
    }
}
