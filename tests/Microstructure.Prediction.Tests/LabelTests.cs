using FsCheck;
using FsCheck.Fluent;
using Microstructure.Analysis.Cascades;
using Microstructure.Engine;
using Microstructure.Prediction.Labels;

namespace Microstructure.Prediction.Tests;

public sealed class LabelTests
{
    private const long S = 1_000_000_000;

    private static LiquidationRecord L(long id, long parent, long timeS, long notional) =>
        new(id, parent, timeS * S, notional, Side.Sell, 100, 99);

    [Fact]
    public void A_cascade_counts_by_its_trees_total_notional_and_starts_at_its_roots_trigger()
    {
        // Tree A: root 1 at 10 s (40) with children 2 (12 s, 40) and 3 (15 s, 30): 110 in all — qualifies at X = 100,
        // though no member alone does. Tree B: lone root 4 at 20 s (90): does not. Tree C: root 5 at 30 s (100) with
        // child 6 at 31 s: qualifies, starting at 30 s.
        LiquidationRecord[] records =
        [
            L(1, LiquidationRecord.NoParent, 10, 40), L(2, 1, 12, 40), L(3, 2, 15, 30),
            L(4, LiquidationRecord.NoParent, 20, 90), L(5, LiquidationRecord.NoParent, 30, 100), L(6, 5, 31, 5),
        ];

        long[] starts = CascadeLabels.QualifyingStarts(records, 100);

        Assert.Equal([10 * S, 30 * S], starts);
        // Samples each second from 0 to 35 with H = 5 s: positive on t in [5, 10) and [25, 30): (t, t + H] holds a start.
        long[] samples = [.. Enumerable.Range(0, 36).Select(t => t * S)];
        long?[] next = CascadeLabels.NextStartWithin(samples, starts, 5 * S);
        int[] positive = [.. Enumerable.Range(0, 36).Where(t => next[t] is not null)];
        Assert.Equal([5, 6, 7, 8, 9, 25, 26, 27, 28, 29], positive);
        Assert.Equal(10 * S, next[5]);
        Assert.Equal(30 * S, next[29]);
        // A start at exactly t is not "within (t, t + H]": the sample at the start itself is negative.
        Assert.Null(next[10]);
    }

    [Fact]
    public void The_table_marker_of_no_parent_makes_separate_cascades()
    {
        LiquidationRecord[] records = [L(1, LiquidationRecord.NoParent, 10, 60), L(2, LiquidationRecord.NoParent, 11, 60)];
        Assert.Empty(CascadeLabels.QualifyingStarts(records, 100));
        Assert.Equal([10 * S], CascadeLabels.QualifyingStarts([L(1, LiquidationRecord.NoParent, 10, 60), L(2, 1, 11, 60)], 100));
    }

    /// <summary>Model-based: the linear scan equals "the first start s with t &lt; s ≤ t + H" checked over every start.</summary>
    [FsCheck.Xunit.Property(MaxTest = 300)]
    public Property Labels_equal_the_definition_checked_naively()
    {
        var gen =
            from sampleGaps in Gen.ListOf(Gen.Choose(0, 5)).Select(l => l.ToArray())
            from starts in Gen.ListOf(Gen.Choose(0, 200)).Select(l => l.Select(x => (long)x).Order().ToArray())
            from horizon in Gen.Choose(0, 30)
            select (sampleGaps, starts, horizon);
        return Prop.ForAll(gen.ToArbitrary(), input =>
        {
            long[] samples = new long[input.sampleGaps.Length];
            long t = 0;
            for (int i = 0; i < samples.Length; i++)
            {
                t += input.sampleGaps[i];
                samples[i] = t;
            }

            long?[] fast = CascadeLabels.NextStartWithin(samples, input.starts, input.horizon);
            for (int i = 0; i < samples.Length; i++)
            {
                long? naive = null;
                foreach (long s in input.starts)
                {
                    if (s > samples[i] && s <= samples[i] + input.horizon)
                    {
                        naive = s;
                        break;
                    }
                }

                if (fast[i] != naive)
                {
                    return false;
                }
            }

            return true;
        });
    }
}
