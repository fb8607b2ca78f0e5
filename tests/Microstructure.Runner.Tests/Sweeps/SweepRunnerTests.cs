using Microstructure.Analysis.Recording;
using Microstructure.Runner.Sweeps;
using Microstructure.Runner.Tests.TestSupport;

namespace Microstructure.Runner.Tests.Sweeps;

public sealed class SweepRunnerTests
{
    private static SweepPlan Plan(TempFolder folder, string directory, int parallel = 1, SweepKeep keep = SweepKeep.Liquidations)
    {
        string scenario = folder.Sub("small.json");
        if (!File.Exists(scenario))
        {
            File.WriteAllText(scenario, TestScenarios.SmallJson);
        }

        return new SweepPlan
        {
            ScenarioPath = scenario,
            Parameters = [new("agents[4].leverage.max", ["40", "80"]), new("shocks[0].quantity", ["1000", "3000"])],
            Designs = ["full-close"],
            Seeds = [3, 4],
            Directory = folder.Sub(directory),
            MaxParallelism = parallel,
            DurationSeconds = 25,
            Keep = keep,
        };
    }

    [Fact]
    public void The_grid_is_the_product_of_the_values_with_the_first_field_varying_slowest()
    {
        var points = SweepRunner.Points([new("a", ["1", "2"]), new("b", ["x", "y", "z"])]);

        Assert.Equal(
            ["a=1 b=x", "a=1 b=y", "a=1 b=z", "a=2 b=x", "a=2 b=y", "a=2 b=z"],
            points.Select(p => string.Join(' ', p.Select(kv => $"{kv.Key}={kv.Value}"))));
        Assert.Single(SweepRunner.Points([]));
    }

    [Fact]
    public void Every_run_file_and_the_catalog_are_the_same_whatever_the_parallelism()
    {
        using var folder = new TempFolder();

        var one = SweepRunner.Run(Plan(folder, "p1", parallel: 1));
        var two = SweepRunner.Run(Plan(folder, "p2", parallel: 2));

        Assert.Equal(8, one.Runs);
        Assert.Equal(File.ReadAllText(one.CatalogPath), File.ReadAllText(two.CatalogPath));
        Assert.Equal(DirectoryHash.Files(Path.Combine(one.Directory, "runs")), DirectoryHash.Files(Path.Combine(two.Directory, "runs")));
        string[] catalog = File.ReadAllLines(one.CatalogPath);
        Assert.Equal(9, catalog.Length);
        Assert.StartsWith("key,agents[4].leverage.max,shocks[0].quantity,design,seed,liquidations,", catalog[0], StringComparison.Ordinal);
        Assert.Contains(",40,1000,full-close,3,", catalog[1], StringComparison.Ordinal);
        Assert.Contains(",80,3000,full-close,4,", catalog[8], StringComparison.Ordinal);
    }

    [Fact]
    public void The_report_and_statistics_files_are_byte_identical_whatever_the_parallelism()
    {
        using var folder = new TempFolder();
        SweepPlan Compare(string directory, int parallel) => Plan(folder, directory, parallel) with
        {
            Parameters = [new("shocks[0].quantity", ["1000", "3000"])],
            Designs = ["full-close", "tiered-partial"],
            Baseline = "tiered-partial",
        };

        var one = SweepRunner.Run(Compare("p1", 1));
        var two = SweepRunner.Run(Compare("p2", 2));

        string[] files = ["report.md", "report.html", "statistics.csv", "differences.csv", "statistics.json"];
        foreach (string file in files)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(one.Directory, file)), File.ReadAllBytes(Path.Combine(two.Directory, file)));
        }

        Assert.NotEmpty(DirectoryHash.Files(Path.Combine(one.Directory, "plots")));
        Assert.Equal(DirectoryHash.Files(Path.Combine(one.Directory, "plots")), DirectoryHash.Files(Path.Combine(two.Directory, "plots")));
        Assert.Equal("tiered-partial", one.Statistics.Baseline);
        Assert.Contains("baseline **tiered-partial**", File.ReadAllText(one.ReportPath), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sweep_without_parameters_is_a_compare_with_seeds_paired_across_designs()
    {
        using var folder = new TempFolder();

        var result = SweepRunner.Run(Plan(folder, "c") with { Parameters = [], Designs = ["full-close", "tiered-partial"] });

        Assert.Empty(result.Statistics.Parameters);
        Assert.Single(result.Statistics.Points);
        Assert.Equal("full-close", result.Statistics.Baseline);
        string report = File.ReadAllText(result.ReportPath);
        Assert.StartsWith("# Design comparison: small.json", report, StringComparison.Ordinal);
        Assert.Contains("seeds paired", report, StringComparison.Ordinal);
        Assert.All(result.Statistics.Differences, d => Assert.Equal(2, d.Pairs));
    }

    [Fact]
    public void A_baseline_that_is_not_a_design_is_refused_before_anything_runs()
    {
        using var folder = new TempFolder();

        var e = Assert.Throws<ArgumentException>(() => SweepRunner.Run(Plan(folder, "b") with { Baseline = "adl" }));

        Assert.Contains("'adl' is not one of the designs", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Sub("b")));
    }

    [Fact]
    public void A_points_value_reaches_its_run_and_changes_what_it_does()
    {
        using var folder = new TempFolder();

        var result = SweepRunner.Run(Plan(folder, "s"));

        var rows = File.ReadAllLines(result.CatalogPath).Skip(1).Select(l => l.Split(',')).ToList();
        string key = rows.Single(r => r[1] == "80" && r[2] == "3000" && r[4] == "3")[0];
        string ran = File.ReadAllText(Path.Combine(result.Directory, "runs", key, "scenario.json"));
        Assert.Contains("\"quantity\": 3000", ran, StringComparison.Ordinal);
        Assert.Contains("\"max\": 80", ran, StringComparison.Ordinal);
        Assert.NotEqual(rows[0][5..], rows[^1][5..]); // different points, different metrics
    }

    [Fact]
    public void A_stopped_sweep_resumes_running_only_what_is_missing_to_the_same_catalog()
    {
        using var folder = new TempFolder();
        var first = SweepRunner.Run(Plan(folder, "s"));
        string catalog = File.ReadAllText(first.CatalogPath);
        string[] runs = Directory.GetDirectories(Path.Combine(first.Directory, "runs")).Order(StringComparer.Ordinal).ToArray();
        Directory.Delete(runs[0], recursive: true);
        Directory.Move(runs[1], runs[1] + ".partial"); // killed before its rename
        var finished = new List<string>();

        var again = SweepRunner.Run(Plan(folder, "s"), p => finished.Add(p.Key));

        Assert.Equal(6, again.Resumed);
        Assert.Equal([Path.GetFileName(runs[0]), Path.GetFileName(runs[1])], finished.Order(StringComparer.Ordinal));
        Assert.Equal(catalog, File.ReadAllText(again.CatalogPath));
        Assert.Empty(Directory.GetDirectories(Path.Combine(first.Directory, "runs"), "*.partial"));
    }

    [Fact]
    public void A_directory_holding_another_sweep_is_refused_and_kept()
    {
        using var folder = new TempFolder();
        SweepRunner.Run(Plan(folder, "s") with { Seeds = [3] });
        var before = DirectoryHash.Files(folder.Sub("s"));

        var e = Assert.Throws<RunOutputException>(() => SweepRunner.Run(Plan(folder, "s")));

        Assert.Contains("holds a different sweep", e.Message, StringComparison.Ordinal);
        Assert.Equal(before, DirectoryHash.Files(folder.Sub("s")));
    }

    [Theory]
    [InlineData(SweepKeep.Summary, new[] { "point.json", "report.md", "scenario.json", "summary.json" })]
    [InlineData(SweepKeep.Liquidations, new[] { "point.json", "report.md", "scenario.json", "summary.json", "tape/liquidation_events.parquet" })]
    public void Keep_decides_what_a_run_leaves_on_disk(SweepKeep keep, string[] files)
    {
        using var folder = new TempFolder();
        var result = SweepRunner.Run(Plan(folder, "s", keep: keep) with { Parameters = [], Seeds = [3] });

        string run = Directory.GetDirectories(Path.Combine(result.Directory, "runs")).Single();
        Assert.Equal(files, Directory.GetFiles(run, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(run, f)).Order(StringComparer.Ordinal));

        // The run's own description stays true: summary.json lists what is there, and what is not; report.md links nothing deleted.
        var summary = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(run, "summary.json")))!;
        var listed = summary["files"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
        var notKept = summary["not_kept"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
        Assert.All(listed, f => Assert.True(File.Exists(Path.Combine(run, f)), $"summary.json lists {f}, which is not there"));
        Assert.Contains("tape/trades.parquet", notKept);
        Assert.All(notKept, f => Assert.False(File.Exists(Path.Combine(run, f))));
        string report = File.ReadAllText(Path.Combine(run, "report.md"));
        var links = System.Text.RegularExpressions.Regex.Matches(report, @"\]\(([^)\s]+)\)").Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, l => Assert.True(File.Exists(Path.Combine(run, l)), $"report.md links {l}, which is not there"));
        Assert.Contains($"tape/trades.parquet (not kept: --keep {(keep == SweepKeep.Summary ? "summary" : "liquidations")})", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Unlinking_replaces_links_and_images_of_deleted_files_only()
    {
        var gone = new HashSet<string>(StringComparer.Ordinal) { "tape/a.parquet", "plots/p.png" };
        string markdown = "see [the tape](tape/a.parquet), [b](tape/b.parquet) and ![price](plots/p.png); [](tape/a.parquet)";

        string result = PrunedRunFiles.Unlink(markdown, gone, "summary");

        Assert.Equal("see the tape (not kept: --keep summary), [b](tape/b.parquet) and price (not kept: --keep summary); tape/a.parquet (not kept: --keep summary)", result);
    }

    [Fact]
    public void Keep_all_keeps_the_run_directory_simulate_writes()
    {
        using var folder = new TempFolder();
        var result = SweepRunner.Run(Plan(folder, "s", keep: SweepKeep.All) with { Parameters = [], Seeds = [3] });

        string run = Directory.GetDirectories(Path.Combine(result.Directory, "runs")).Single();
        Assert.True(File.Exists(Path.Combine(run, "plots", "price.png")));
        Assert.True(File.Exists(Path.Combine(run, "report.html")));
        Assert.True(File.Exists(Path.Combine(run, "tape", "trades.csv")));
    }
}

public sealed class LatinHypercubeTests
{
    [FsCheck.Xunit.Property(MaxTest = 200)]
    public bool Every_stratum_of_every_range_holds_exactly_one_point(FsCheck.PositiveInt n, long seed)
    {
        int count = 1 + (n.Get % 60);
        var points = LatinHypercube.Sample([new("a", ["0.0", "1.0"]), new("b", ["-5.0", "5.0"])], count, seed);

        return new[] { ("a", 0.0, 1.0), ("b", -5.0, 5.0) }.All(range =>
        {
            var strata = points.Select(p => double.Parse(p.Single(kv => kv.Key == range.Item1).Value, System.Globalization.CultureInfo.InvariantCulture))
                .Select(v => (int)Math.Floor((v - range.Item2) / (range.Item3 - range.Item2) * count))
                .Order().ToArray();
            return strata.SequenceEqual(Enumerable.Range(0, count));
        });
    }

    [Fact]
    public void The_same_seed_draws_the_same_points_and_whole_bounds_give_whole_values()
    {
        SweepParameter[] ranges = [new("quantity", ["1000", "9000"]), new("rate", ["0.1", "0.9"])];

        var first = LatinHypercube.Sample(ranges, 8, seed: 42);
        var again = LatinHypercube.Sample(ranges, 8, seed: 42);
        var other = LatinHypercube.Sample(ranges, 8, seed: 43);

        Assert.Equal(first.Select(p => string.Join(' ', p)), again.Select(p => string.Join(' ', p)));
        Assert.NotEqual(first.Select(p => string.Join(' ', p)), other.Select(p => string.Join(' ', p)));
        Assert.All(first, p => Assert.Matches("^[0-9]+$", p[0].Value));
        Assert.Throws<ArgumentException>(() => LatinHypercube.Sample([new("x", ["5", "1"])], 3, 1));
    }
}
