using FsCheck;
using FsCheck.Fluent;
using Microstructure.Prediction.Learning;

namespace Microstructure.Prediction.Tests;

public sealed class SplitTests
{
    /// <summary>No run on both sides, every run on one, both sides non-empty, ⌈25%⌉ held out, the same split every time.</summary>
    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property The_split_is_by_run_and_reproducible()
    {
        var gen =
            from n in Gen.Choose(2, 60)
            from repeats in Gen.ArrayOf(Gen.Choose(1, 4), n)
            from seed in Gen.Choose(0, int.MaxValue)
            select (n, repeats, seed);
        return Prop.ForAll(gen.ToArbitrary(), input =>
        {
            // Rows of each run, in an order that interleaves runs (as a dataset may).
            string[] rows = [.. Enumerable.Range(0, input.n).SelectMany(r => Enumerable.Repeat($"run{r:D3}", input.repeats[r])).Reverse()];
            (string[] train, string[] test) = RunSplit.Split(rows, (ulong)input.seed);
            (string[] train2, string[] test2) = RunSplit.Split(rows.Reverse(), (ulong)input.seed);
            var all = rows.Distinct().ToHashSet();
            int expectedTest = Math.Clamp((int)Math.Ceiling(0.25 * input.n), 1, input.n - 1);
            return !train.Intersect(test).Any()
                && train.Concat(test).ToHashSet().SetEquals(all)
                && train.Length > 0 && test.Length == expectedTest
                && train.SequenceEqual(train2) && test.SequenceEqual(test2);
        });
    }

    [Fact]
    public void One_run_cannot_be_split()
    {
        var e = Assert.Throws<PredictionInputException>(() => RunSplit.Split(["a", "a"], 1));
        Assert.Contains("at least 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_seeds_hold_out_different_runs()
    {
        string[] runs = [.. Enumerable.Range(0, 40).Select(i => $"r{i:D2}")];
        Assert.NotEqual(RunSplit.Split(runs, 1).Test, RunSplit.Split(runs, 2).Test);
    }
}
