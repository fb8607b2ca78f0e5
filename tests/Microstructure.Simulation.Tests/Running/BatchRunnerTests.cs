using Microstructure.Simulation.Running;
using Microstructure.Simulation.Tests.TestSupport;

namespace Microstructure.Simulation.Tests.Running;

public class BatchRunnerTests
{
    [Fact]
    public void One_and_two_workers_give_every_seed_the_same_result_in_job_order()
    {
        var scenario = TestScenarios.Small();
        var jobs = new[] { 1L, 2, 3, 4 }.Select(seed => new BatchJob(scenario, new RunOptions { Seed = seed, DurationSeconds = 25 })).ToList();
        var alone = BatchRunner.Run(jobs, 1, (job, run) => (job.Options.Seed, JournalHash.Of(run)));
        var together = BatchRunner.Run(jobs, 2, (job, run) => (job.Options.Seed, JournalHash.Of(run)));
        Assert.Equal(alone, together);
        Assert.Equal([1L, 2, 3, 4], together.Select(r => r.Seed!.Value));
        Assert.Equal(4, together.Select(r => r.Item2).Distinct().Count());
    }

    [Fact]
    public void A_failing_job_surfaces_as_an_aggregate_exception()
    {
        var jobs = new[] { new BatchJob(TestScenarios.Small(), new RunOptions { Design = "no-such-design" }) };
        var e = Assert.Throws<AggregateException>(() => BatchRunner.Run(jobs, 2, (_, run) => run.Execute()));
        Assert.IsType<Microstructure.Simulation.Scenarios.ScenarioException>(Assert.Single(e.InnerExceptions));
    }
}
