using Microstructure.Runner.Budget;
using Microstructure.Runner.Recording;
using Microstructure.Runner.Tests.TestSupport;
using Microstructure.Simulation.Running;

namespace Microstructure.Runner.Tests.Budget;

public sealed class RunEstimateTests
{
    /// <summary>
    /// The estimate is a model of what runs do; here it meets them. Each shipped scenario runs 120 simulated seconds
    /// and its events and bytes written must fall within a factor of 2.5 of the estimate (the budget only has to tell a
    /// run that fits from one that is orders of magnitude too large).
    /// </summary>
    [Theory]
    [InlineData("leveraged-cascade.json")]
    [InlineData("calm.json")]
    [InlineData("design-comparison.json")]
    [InlineData("lending-unwind.json")]
    public void Events_and_disk_of_a_shipped_scenario_are_within_a_factor_of_two_and_a_half_of_the_estimate(string file)
    {
        const double Duration = 120;
        var scenario = TestScenarios.LoadShipped(file);
        var estimate = RunEstimate.For(scenario, Duration);
        using var folder = new TempFolder();
        using var run = new SimulationRun(scenario, new RunOptions { DurationSeconds = Duration });

        var summary = RecordedSimulation.Execute(run, folder.Sub("run"));

        long written = new DirectoryInfo(folder.Sub("run")).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length);
        AssertWithin(2.5, estimate.Events, summary.Counts.Events, "events");
        AssertWithin(2.5, estimate.DiskBytes, written, "bytes written");
    }

    [Fact]
    public void Events_and_disk_grow_with_duration_and_runs_and_memory_with_runs_at_once()
    {
        var scenario = TestScenarios.LoadShipped("leveraged-cascade.json");
        var one = RunEstimate.For(scenario, 600);
        var twice = RunEstimate.For(scenario, 1200);
        var batch = RunEstimate.For(scenario, 600, runs: 10, parallel: 2);

        Assert.Equal(2 * one.Events, twice.Events, 6);
        Assert.True(twice.DiskBytes > 1.9 * one.DiskBytes && twice.DiskBytes < 2 * one.DiskBytes);
        Assert.Equal(10 * one.Events, batch.Events, 6);
        Assert.Equal(10 * one.DiskBytes, batch.DiskBytes, 6);
        Assert.Equal(2 * (one.MemoryBytes - RunEstimate.BaseMemoryBytes), batch.MemoryBytes - RunEstimate.BaseMemoryBytes, 6);
        Assert.Equal(5 * one.WallTime.TotalSeconds, batch.WallTime.TotalSeconds, 6);
    }

    /// <summary>
    /// A sweep that prunes its runs (--keep liquidations, the default) keeps a small part of each: the estimate counts
    /// what is kept per run plus the runs in flight at full size — a bound from above, not the full tapes of every run
    /// (before, 180 runs of the shipped sweep file were estimated at 2.9 GB and kept 9 MB).
    /// </summary>
    [Fact]
    public void A_pruned_sweep_is_estimated_at_what_its_runs_keep_plus_the_runs_in_flight()
    {
        var scenario = TestScenarios.LoadShipped("leveraged-cascade.json");
        var full = RunEstimate.For(scenario, 300, runs: 40, parallel: 2);
        var plan = new Microstructure.Runner.Sweeps.SweepPlan { ScenarioPath = "x", Designs = ["full-close"], Seeds = [1], Directory = "x" };
        var pruned = RunEstimate.For(scenario, 300, runs: 40, parallel: 2, keptBytesPerRun: plan.KeptBytesPerRun);
        double onePerRun = full.DiskBytes / 40;

        Assert.Equal((40 * plan.KeptBytesPerRun!.Value) + (2 * onePerRun), pruned.DiskBytes, 6);
        Assert.True(pruned.DiskBytes < full.DiskBytes / 5, $"{pruned.DiskBytes} vs {full.DiskBytes}");
        Assert.Null((plan with { Keep = Microstructure.Runner.Sweeps.SweepKeep.All }).KeptBytesPerRun);
    }

    [Fact]
    public void A_year_long_run_of_the_default_scenario_is_estimated_at_terabytes_and_names_the_duration_as_the_remedy()
    {
        var estimate = RunEstimate.For(TestScenarios.LoadShipped("leveraged-cascade.json"), 31_536_000);

        Assert.True(estimate.DiskBytes > 1e12, $"{estimate.DiskBytes}");
        Assert.True(estimate.WallTime > TimeSpan.FromHours(24));
        Assert.Equal("shorten --duration", estimate.MemoryRemedy);
        Assert.Contains(" TB written", estimate.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(999, "999 B")]
    [InlineData(1_000, "1 kB")]
    [InlineData(34_123_456, "34.1 MB")]
    [InlineData(1.8e12, "1.8 TB")]
    public void Bytes_read_as_people_read_them(double bytes, string expected) => Assert.Equal(expected, RunEstimate.Bytes(bytes));

    private static void AssertWithin(double factor, double estimate, double actual, string what) =>
        Assert.True(actual > 0 && estimate / actual <= factor && actual / estimate <= factor, $"{what}: estimated {estimate:N0}, measured {actual:N0}");
}
