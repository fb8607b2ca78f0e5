using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Microstructure.Analysis.Sweeps;

namespace Microstructure.Analysis.Tests.Sweeps;

[Collection(nameof(SweepStatisticsTests))] // alone: the timing test must not share the cores with other tests
public sealed class SweepStatisticsTests
{
    /// <summary>A hand-computed example: two designs × three seeds, one metric with a missing value, one constant.</summary>
    private const string Catalog = """
        key,design,seed,bad_debt,bad_debt_quote,liquidated_notional_quote,cascades
        k1,full-close,1,1000,10,100,2
        k2,full-close,2,2000,20,,2
        k3,full-close,3,3000,30,300,2
        k4,tiered-partial,1,500,5,50,2
        k5,tiered-partial,2,1000,10,60,2
        k6,tiered-partial,3,3000,30,70,2
        """;

    [Fact]
    public void A_small_example_gives_the_hand_computed_figures()
    {
        var stats = SweepStatistics.Compute(SweepTable.Parse(Catalog, "runs.csv"));

        Assert.Equal(["full-close", "tiered-partial"], stats.Designs);
        Assert.Equal("full-close", stats.Baseline);
        Assert.Equal(6, stats.Runs);
        // The integer twin of a _quote column is left out; the constant is reported once, not as a metric.
        Assert.Equal(["liquidated_notional_quote", "bad_debt_quote"], stats.Metrics.Select(m => m.Column));
        var constant = Assert.Single(stats.Constants);
        Assert.Equal(("cascades", 2.0), (constant.Metric.Column, constant.Value));

        var full = stats.Summary("bad_debt_quote", "full-close");
        Assert.Equal((3, 3, 20.0, 10.0, 20.0), (full.Runs, full.Values, full.Mean, full.StdDev, full.Median));
        Assert.Equal(11.0, full.P5, 9); // type 7: h = 2 × 0.05 = 0.1 → 10 + 0.1 × 10
        Assert.Equal(29.0, full.P95, 9); // h = 1.9 → 20 + 0.9 × 10
        Assert.InRange(full.CiLow, 10, 20);
        Assert.InRange(full.CiHigh, 20, 30);

        // Paired by seed: tiered − full = −5, −10, 0 → mean −5, −25% of full's mean 20, lower (better) in 2 of 3.
        var diff = stats.Difference("bad_debt_quote", "tiered-partial")!;
        Assert.Equal(3, diff.Pairs);
        Assert.Equal(-5.0, diff.Mean, 9);
        Assert.Equal(-25.0, diff.RelativePercent, 9);
        Assert.Equal(2.0 / 3, diff.ShareBetter, 9);
        Assert.InRange(diff.CiLow, -10, -5);
        Assert.InRange(diff.CiHigh, -5, 0);

        // Seed 2 of full-close has no notional: that seed is not paired.
        var notional = stats.Difference("liquidated_notional_quote", "tiered-partial")!;
        Assert.Equal(2, notional.Pairs);
        Assert.Equal(((50 - 100) + (70 - 300)) / 2.0, notional.Mean, 9);
        Assert.Equal(2, stats.Summary("liquidated_notional_quote", "full-close").Values);

        Assert.Equal(["tiered-partial", "full-close"], stats.Rankings.Single(r => r.Metric.Column == "bad_debt_quote").Designs);
        Assert.Null(stats.Difference("bad_debt_quote", "full-close"));
    }

    [Fact]
    public void A_clear_difference_over_enough_pairs_becomes_a_sentence_with_its_interval()
    {
        var csv = new StringBuilder("key,design,seed,liquidated_notional_quote\n");
        for (int seed = 1; seed <= 10; seed++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"a{seed},full-close,{seed},{1000 + (seed * 10)}\n");
            csv.Append(CultureInfo.InvariantCulture, $"b{seed},tiered-partial,{seed},{690 + (seed * 7)}\n");
            csv.Append(CultureInfo.InvariantCulture, $"c{seed},adl,{seed},{1000 + (seed * 10) + ((seed % 3) - 1)}\n");
        }

        var stats = SweepStatistics.Compute(SweepTable.Parse(csv.ToString(), "runs.csv"), new SweepStatisticsOptions { Designs = ["full-close", "tiered-partial", "adl"] });

        string sentence = Assert.Single(stats.Findings, f => f.StartsWith("tiered-partial:", StringComparison.Ordinal));
        Assert.Matches(@"^tiered-partial: liquidated notional 3\d% lower than full-close \(95% CI 3\d–3\d%\) over 10 paired runs; better in 10 of the 10\.$", sentence);
        Assert.Contains(stats.Findings, f => f.StartsWith("adl: no clear difference from full-close", StringComparison.Ordinal));
    }

    [Fact]
    public void A_difference_from_a_baseline_near_zero_is_stated_as_an_amount_not_a_percentage()
    {
        var csv = new StringBuilder("key,design,seed,fund_usage_quote\n");
        for (int seed = 1; seed <= 10; seed++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"a{seed},full-close,{seed},{(seed % 2) * 0.5}\n");
            csv.Append(CultureInfo.InvariantCulture, $"b{seed},insurance-fund,{seed},{30000 + (seed * 100)}\n");
        }

        var stats = SweepStatistics.Compute(SweepTable.Parse(csv.ToString(), "runs.csv"));

        Assert.Matches(@"^insurance-fund: insurance fund usage 30,\d{3} quote higher than full-close \(95% CI 30,\d{3}–30,\d{3} quote\) over 10 paired runs; worse", stats.Findings[0]);
    }

    [Property(MaxTest = 200)]
    public bool The_interval_of_a_mean_contains_the_mean(NonEmptyArray<int> values)
    {
        double[] xs = [.. values.Get.Select(v => (double)(v % 1000))];
        var stats = SweepStatistics.Compute(Table(xs, xs.Select((_, i) => (double)i).ToArray()));
        if (stats.Metrics.Count == 0)
        {
            return xs.Distinct().Count() == 1 || xs.Length == 0; // constant: reported as a constant instead
        }

        var s = stats.Summary("bad_debt_quote", "a");
        double tolerance = 1e-9 * Math.Max(1, Math.Abs(s.Mean));
        return s.CiLow <= s.Mean + tolerance && s.Mean - tolerance <= s.CiHigh && s.CiLow >= xs.Min() - tolerance && s.CiHigh <= xs.Max() + tolerance;
    }

    [Property(MaxTest = 100)]
    public bool Identical_designs_differ_by_exactly_zero(NonEmptyArray<int> values)
    {
        double[] xs = [.. values.Get.Select(v => (double)v)];
        var stats = SweepStatistics.Compute(Table(xs, xs), new SweepStatisticsOptions { Baseline = "a" });
        return stats.Differences.All(d => d.Mean == 0 && d.CiLow == 0 && d.CiHigh == 0 && d.Pairs == xs.Length && (double.IsNaN(d.ShareBetter) || d.ShareBetter == 0));
    }

    [Property(MaxTest = 100)]
    public bool Permuting_the_rows_changes_nothing(NonEmptyArray<int> values, int shuffleSeed)
    {
        double[] xs = [.. values.Get.Select(v => (double)v)];
        double[] ys = [.. values.Get.Select((v, i) => (double)((v * 7) + i))];
        var table = Table(xs, ys);
        var random = new Random(shuffleSeed);
        var shuffled = new SweepTable(table.Parameters, table.Metrics, [.. table.Rows.OrderBy(_ => random.Next())]);
        return Render(SweepStatistics.Compute(table)) == Render(SweepStatistics.Compute(shuffled));
    }

    [Property(MaxTest = 100)]
    public bool A_metric_is_constant_exactly_when_every_run_has_the_same_value(NonEmptyArray<int> values)
    {
        double[] xs = [.. values.Get.Select(v => (double)(v % 3))];
        var stats = SweepStatistics.Compute(Table(xs, xs));
        bool constant = xs.Distinct().Count() == 1;
        return constant == (stats.Constants.Count == 1 && stats.Constants[0].Value == xs[0]) && constant == (stats.Metrics.Count == 0);
    }

    /// <summary>A large sweep gets a summary per metric × design × point (and overall); its speed is a benchmark (SweepStatisticsBenchmark).</summary>
    [Fact]
    public void Three_designs_twenty_metrics_fifty_points_ten_seeds_get_a_summary_each()
    {
        var metrics = SweepMetrics.Known.Take(20).Select(m => m.Column).ToArray();
        var rows = new List<SweepTableRow>();
        var random = new Random(1);
        for (int p = 0; p < 50; p++)
        {
            foreach (string design in new[] { "a", "b", "c" })
            {
                for (int seed = 0; seed < 10; seed++)
                {
                    rows.Add(new SweepTableRow([p.ToString(CultureInfo.InvariantCulture)], design, seed, [.. metrics.Select(_ => random.NextDouble() * 1000)]));
                }
            }
        }

        var stats = SweepStatistics.Compute(new SweepTable(["x"], metrics, rows));

        Assert.Equal(20 * 3 * 51, stats.Summaries.Count);
    }

    [Fact]
    public void A_catalog_that_is_not_one_is_refused_with_its_line()
    {
        var e = Assert.Throws<InvalidDataException>(() => SweepTable.Parse("key,design,seed,x\nk,a,1,2\nk,a,one,3\n", "dir/runs.csv"));
        Assert.Equal("dir/runs.csv:3: seed 'one' is not an integer.", e.Message);
        Assert.Throws<InvalidDataException>(() => SweepTable.Parse("id,design,seed\n", "runs.csv"));
    }

    /// <summary>Two designs a and b, seeds 0…n−1, one point, metric bad_debt_quote.</summary>
    private static SweepTable Table(double[] a, double[] b) => new(
        [],
        ["bad_debt_quote"],
        [
            .. a.Select((v, i) => new SweepTableRow([], "a", i, [v])),
            .. b.Select((v, i) => new SweepTableRow([], "b", i, [v])),
        ]);

    private static string Render(SweepStatistics stats) => string.Join('\n',
        stats.Summaries.Select(s => s.ToString())
            .Concat(stats.Differences.Select(d => d.ToString()))
            .Concat(stats.Constants.Select(c => c.ToString()))
            .Concat(stats.Findings));
}

/// <summary>Runs <see cref="SweepStatisticsTests"/> with no other test class at the same time.</summary>
[CollectionDefinition(nameof(SweepStatisticsTests), DisableParallelization = true)]
public sealed class SweepStatisticsTestsAlone
{
}
