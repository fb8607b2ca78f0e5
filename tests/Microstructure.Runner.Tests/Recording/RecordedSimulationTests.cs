using System.Text.Json;
using Microstructure.Analysis.Recording;
using Microstructure.Runner.Recording;
using Microstructure.Runner.Tests.TestSupport;
using Microstructure.Simulation.Kernel;
using Microstructure.Simulation.Running;

namespace Microstructure.Runner.Tests.Recording;

public sealed class RecordedSimulationTests
{
    [Fact]
    public void A_recorded_run_writes_its_directory_and_its_summary_agrees_with_the_exchange()
    {
        using var temp = new TempFolder();
        using var run = new SimulationRun(TestScenarios.Small());

        RunSummary summary = RecordedSimulation.Execute(run, temp.Sub("run"));

        Assert.Equal(Path.GetFullPath(temp.Sub("run")), summary.Directory);
        Assert.True(File.Exists(temp.Sub("run", "report.md")));
        Assert.True(File.Exists(temp.Sub("run", "tape", "trades.csv")));
        Assert.Equal("small", summary.Scenario);
        Assert.Equal(3, summary.Seed);
        Assert.Equal("insurance-fund", summary.Design);
        Assert.Equal(run.Exchange.LiquidationCount, summary.Liquidations);
        Assert.True(summary.Counts.Trades > 0);
        using var json = JsonDocument.Parse(File.ReadAllText(temp.Sub("run", "summary.json")));
        Assert.Equal(3, json.RootElement.GetProperty("run").GetProperty("seed").GetInt64());
    }

    [Fact]
    public void The_shock_notional_in_summary_json_is_what_the_shock_account_filled_not_what_it_asked()
    {
        using var temp = new TempFolder();
        using var run = new SimulationRun(TestScenarios.Small());

        RecordedSimulation.Execute(run, temp.Sub("run"), new RecorderOptions { WritePlots = false });

        var shockAccount = run.Info.Shocks[0].AccountId;
        var account = run.Exchange.GetAccount(shockAccount);
        using var json = JsonDocument.Parse(File.ReadAllText(temp.Sub("run", "summary.json")));
        long notional = json.RootElement.GetProperty("run").GetProperty("shocks")[0].GetProperty("notional").GetInt64();
        Assert.True(account.Lots < 0, "the shock sells");
        Assert.True(-account.Lots < run.Info.Shocks[0].Lots, "the small book cannot absorb the whole shock");
        Assert.Equal(-account.CostBasis, notional);
    }

    [Fact]
    public void Two_runs_with_the_same_seed_write_byte_identical_tapes_in_direct_and_pipelined_mode()
    {
        using var temp = new TempFolder();
        foreach (var (name, mode) in new[] { ("a", KernelMode.Direct), ("b", KernelMode.Direct), ("c", KernelMode.Pipelined) })
        {
            using var run = new SimulationRun(TestScenarios.Small(), new RunOptions { Mode = mode });
            RecordedSimulation.Execute(run, temp.Sub(name), new RecorderOptions { WritePlots = false });
        }

        var first = DirectoryHash.Files(temp.Sub("a", "tape"));
        Assert.NotEmpty(first);
        Assert.Equal(first, DirectoryHash.Files(temp.Sub("b", "tape")));
        Assert.Equal(first, DirectoryHash.Files(temp.Sub("c", "tape")));
    }

    [Fact]
    public void The_risk_monitor_writes_a_snapshot_a_second_and_the_same_seed_gives_the_same_bytes_in_both_kernel_modes()
    {
        using var temp = new TempFolder();
        foreach (var (name, mode) in new[] { ("a", KernelMode.Direct), ("b", KernelMode.Pipelined) })
        {
            using var run = new SimulationRun(TestScenarios.Small(), new RunOptions { Mode = mode });
            RecordedSimulation.Execute(run, temp.Sub(name), new RecorderOptions { WritePlots = name == "a" });
        }

        string[] rows = File.ReadAllLines(temp.Sub("a", "tape", "risk_monitor.csv"));
        long[] times = [.. rows.Skip(1).Select(r => long.Parse(r.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture))];
        Assert.True(times.Length > 2);
        Assert.All(times.Zip(times.Skip(1)), p => Assert.True(p.Second - p.First >= 1_000_000_000 && p.Second / 1_000_000_000 > p.First / 1_000_000_000));
        Assert.True(long.Parse(rows[^1].Split(',')[3], System.Globalization.CultureInfo.InvariantCulture) > 0, "open interest at the end");
        Assert.True(File.Exists(temp.Sub("a", "plots", "liquidation-map.png")));
        Assert.Contains("plots/liquidation-map.png", File.ReadAllText(temp.Sub("a", "report.md")), StringComparison.Ordinal);
        foreach (string file in new[] { "risk_monitor.csv", "risk_monitor.parquet", "liquidation_map.csv", "liquidation_map.parquet" })
        {
            Assert.Equal(File.ReadAllBytes(temp.Sub("a", "tape", file)), File.ReadAllBytes(temp.Sub("b", "tape", file)));
        }
    }

    [Fact]
    public void A_different_seed_writes_a_different_tape()
    {
        using var temp = new TempFolder();
        foreach (var (name, seed) in new[] { ("a", 3L), ("b", 4L) })
        {
            using var run = new SimulationRun(TestScenarios.Small(), new RunOptions { Seed = seed });
            RecordedSimulation.Execute(run, temp.Sub(name), new RecorderOptions { WritePlots = false });
        }

        Assert.NotEqual(DirectoryHash.Files(temp.Sub("a", "tape"))["trades.csv"], DirectoryHash.Files(temp.Sub("b", "tape"))["trades.csv"]);
    }

    [Fact]
    public void A_cancelled_run_stops_and_keeps_readable_tapes_of_what_it_recorded()
    {
        using var temp = new TempFolder();
        using var run = new SimulationRun(TestScenarios.Small());
        using var cancel = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => RecordedSimulation.Execute(
            run, temp.Sub("run"), new RecorderOptions { WritePlots = false }, p => { if (p.Fraction >= 0.5) { cancel.Cancel(); } }, cancel.Token));

        string trades = temp.Sub("run", "tape", "trades.csv");
        Assert.True(File.ReadAllLines(trades).Length > 1, "trades up to the cancellation were written");
        Assert.Contains("\"status\": \"cancelled\"", File.ReadAllText(temp.Sub("run", "summary.json")), StringComparison.Ordinal); // issue 12 §4: the summary says so
        Assert.False(File.Exists(temp.Sub("run", "report.md")), "an interrupted run has no report");
    }

    [Fact]
    public void A_non_empty_directory_is_refused_before_the_run_and_nothing_in_it_is_touched()
    {
        using var temp = new TempFolder();
        string keep = temp.Sub("keep.txt");
        File.WriteAllText(keep, "mine");
        using var run = new SimulationRun(TestScenarios.Small());

        var error = Assert.Throws<RunOutputException>(() => RecordedSimulation.Execute(run, temp.Path));

        Assert.Contains("not empty", error.Message, StringComparison.Ordinal);
        Assert.Equal("mine", File.ReadAllText(keep));
        Assert.Single(Directory.EnumerateFileSystemEntries(temp.Path));
    }
}
