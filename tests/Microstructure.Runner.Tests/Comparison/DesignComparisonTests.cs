using Microstructure.Analysis.Recording;
using Microstructure.Runner.Comparison;
using Microstructure.Runner.Tests.TestSupport;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.Runner.Tests.Comparison;

public sealed class DesignComparisonTests
{
    private static ComparisonPlan Plan(string directory, int parallelism) => new()
    {
        Scenario = TestScenarios.Small(),
        Designs = ["full-close", "tiered-partial"],
        Seeds = [3, 4],
        Directory = directory,
        MaxParallelism = parallelism,
        Recorder = new RecorderOptions { WritePlots = false },
    };

    [Fact]
    public void Every_design_runs_every_seed_and_the_report_is_written()
    {
        using var temp = new TempFolder();

        var result = DesignComparison.Run(Plan(temp.Sub("out"), 2));

        Assert.Equal(4, result.Runs.Count);
        Assert.Equal(["full-close", "full-close", "tiered-partial", "tiered-partial"], result.Runs.Select(r => r.Design));
        Assert.Equal([3L, 4L, 3L, 4L], result.Runs.Select(r => r.Seed));
        Assert.True(File.Exists(result.ReportPath));
        Assert.True(File.Exists(Path.Combine(DesignComparison.RunDirectory(temp.Sub("out"), "tiered-partial", 4), "report.md")));
        Assert.Equal(["full-close", "tiered-partial"], result.Summary.Designs);
    }

    [Fact]
    public void Per_seed_results_are_byte_identical_with_one_or_two_workers()
    {
        using var temp = new TempFolder();
        var progress = new List<ComparisonProgress>();

        DesignComparison.Run(Plan(temp.Sub("one"), 1), progress.Add);
        DesignComparison.Run(Plan(temp.Sub("two"), 2));

        foreach (string design in new[] { "full-close", "tiered-partial" })
        {
            foreach (long seed in new long[] { 3, 4 })
            {
                var one = DirectoryHash.Files(Path.Combine(DesignComparison.RunDirectory(temp.Sub("one"), design, seed), "tape"));
                var two = DirectoryHash.Files(Path.Combine(DesignComparison.RunDirectory(temp.Sub("two"), design, seed), "tape"));
                Assert.NotEmpty(one);
                Assert.Equal(one, two);
            }
        }

        Assert.Equal(File.ReadAllBytes(temp.Sub("one", "comparison", "comparison.csv")), File.ReadAllBytes(temp.Sub("two", "comparison", "comparison.csv")));
        Assert.Equal([1, 2, 3, 4], progress.Select(p => p.Completed));
        Assert.All(progress, p => Assert.Equal(4, p.Total));
    }

    [Fact]
    public void An_unknown_design_fails_before_anything_runs_or_is_created()
    {
        using var temp = new TempFolder();
        var plan = Plan(temp.Sub("out"), 1) with { Designs = ["full-close", "no-such-design"] };

        var error = Assert.Throws<ScenarioException>(() => DesignComparison.Run(plan));

        Assert.Contains("no-such-design", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.Sub("out")));
    }

    [Fact]
    public void A_design_named_twice_is_refused()
    {
        using var temp = new TempFolder();
        var plan = Plan(temp.Sub("out"), 1) with { Designs = ["adl", "adl"] };

        var error = Assert.Throws<ArgumentException>(() => DesignComparison.Run(plan));

        Assert.Contains("'adl' is named twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_empty_output_directory_is_refused_and_left_alone()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.Sub("keep.txt"), "mine");

        Assert.Throws<RunOutputException>(() => DesignComparison.Run(Plan(temp.Path, 1)));

        Assert.Single(Directory.EnumerateFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Seeds_come_from_the_scenario_list_then_continue_consecutively()
    {
        var scenario = ScenarioLoader.Parse("""{ "seeds": [7, 3, 9], "agents": [ { "kind": "noise", "count": 1 } ] }""", "s.json");

        Assert.Equal([7L, 3L], DesignComparison.SeedsFor(scenario, 2));
        Assert.Equal([7L, 3L, 9L, 10L, 11L], DesignComparison.SeedsFor(scenario, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => DesignComparison.SeedsFor(scenario, 0));
    }
}
