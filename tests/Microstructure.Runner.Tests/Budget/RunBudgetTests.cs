using Microstructure.Runner.Budget;

namespace Microstructure.Runner.Tests.Budget;

public sealed class RunBudgetTests
{
    private static readonly RunEstimate Estimate = new(1, 1e6, DiskBytes: 50e6, MemoryBytes: 400e6, TimeSpan.FromSeconds(4), "use fewer agents");

    [Fact]
    public void A_run_that_fits_memory_free_disk_and_the_disk_budget_has_no_problem() =>
        Assert.Null(RunBudget.Problem(Estimate, new MachineResources(1e9, 1e9, "/"), maxDiskBytes: 60e6));

    [Fact]
    public void Too_much_memory_is_refused_with_the_estimate_and_the_remedy()
    {
        string? problem = RunBudget.Problem(Estimate, new MachineResources(300e6, 1e12, "/"), null);

        Assert.Equal(
            "this run would need 400 MB of memory, more than the 300 MB this process may use (estimate: about 1 million exchange events, 50 MB written, 400 MB of memory, 4 s); use fewer agents, or pass --force to run anyway",
            problem);
    }

    [Fact]
    public void More_than_the_disk_budget_is_refused_naming_max_disk()
    {
        string? problem = RunBudget.Problem(Estimate with { Runs = 3 }, new MachineResources(1e12, 1e12, "/"), maxDiskBytes: 10e6);

        Assert.NotNull(problem);
        Assert.StartsWith("these runs would write 50 MB, more than --max-disk 10 MB (estimate: about 1 million exchange events in 3 runs,", problem, StringComparison.Ordinal);
        Assert.EndsWith("shorten --duration, raise --max-disk, or pass --force to run anyway", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_the_free_disk_is_refused_naming_the_file_system()
    {
        string? problem = RunBudget.Problem(Estimate, new MachineResources(1e12, 20e6, "/data"), null);

        Assert.NotNull(problem);
        Assert.StartsWith("this run would write 50 MB, more than the 20 MB free on /data", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_machine_of_a_directory_that_does_not_exist_yet_is_the_file_system_it_will_be_created_on()
    {
        var machine = MachineResources.For(Path.Combine(Path.GetTempPath(), "ms-budget-" + Guid.NewGuid().ToString("N"), "deeper"));

        Assert.True(machine.FreeDiskBytes > 0);
        Assert.True(machine.AvailableMemoryBytes > 0);
        Assert.StartsWith("/", machine.DiskRoot, StringComparison.Ordinal);
    }
}
