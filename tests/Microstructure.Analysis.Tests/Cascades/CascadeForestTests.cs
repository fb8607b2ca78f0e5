using FsCheck;
using FsCheck.Fluent;
using Microstructure.Analysis.Cascades;
using Microstructure.Engine;

namespace Microstructure.Analysis.Tests.Cascades;

public sealed class CascadeForestTests
{
    private const long None = LiquidationRecord.NoParent;

    private static LiquidationRecord L(long id, long parent, long t) => new(id, parent, t, 100, Side.Sell, 1000, 990);

    [Fact]
    public void Hand_built_forest_has_the_expected_trees_waves_and_orphans()
    {
        LiquidationRecord[] records =
        [
            L(1, None, 0), L(2, 1, 10), L(3, 1, 12), L(4, 2, 20), L(5, None, 30), L(6, 99, 40),
        ];

        var forest = CascadeForest.Build(records);

        Assert.Equal(3, forest.TreeCount);
        Assert.Equal(1, forest.OrphanCount);
        Assert.Equal([0, 0, 0, 0, 1, 2], forest.TreeOf.ToArray());
        Assert.Equal([1, 2, 2, 3, 1, 1], forest.WaveOf.ToArray());
        Assert.Equal([0, 4, 5], forest.Roots.ToArray());
        Assert.Equal([0, 1, 2, 3], forest.Members(0).ToArray());
        Assert.Equal([5], forest.Members(2).ToArray());
    }

    [Fact]
    public void Interleaved_trees_keep_their_members_in_record_order()
    {
        LiquidationRecord[] records = [L(10, None, 0), L(20, None, 1), L(11, 10, 2), L(21, 20, 3), L(12, 11, 4)];

        var forest = CascadeForest.Build(records);

        Assert.Equal([0, 2, 4], forest.Members(0).ToArray());
        Assert.Equal([1, 3], forest.Members(1).ToArray());
    }

    [Theory]
    [InlineData("repeats id 1")]
    [InlineData("comes later at index 1")]
    [InlineData("before its parent")]
    [InlineData("names itself")]
    [InlineData("negative id")]
    [InlineData("negative notional")]
    public void Malformed_input_is_rejected_with_a_message_naming_the_record(string expected)
    {
        LiquidationRecord[] records = expected switch
        {
            "repeats id 1" => [L(1, None, 0), L(1, None, 1)],
            "comes later at index 1" => [L(1, 2, 0), L(2, None, 0)],
            "before its parent" => [L(1, None, 10), L(2, 1, 5)],
            "names itself" => [L(1, 1, 0)],
            "negative notional" => [L(1, None, 0) with { Notional = -5 }],
            _ => [L(-3, None, 0)],
        };

        var ex = Assert.Throws<ArgumentException>(() => CascadeForest.Build(records));
        Assert.Contains(expected, ex.Message);
        Assert.Contains("index", ex.Message);
    }

    [Fact]
    public void Waves_and_trees_agree_with_a_naive_parent_walk_on_random_forests()
    {
        Prop.ForAll(
            Gen.ArrayOf(Gen.Choose(-1, 40), 60).ToArbitrary(),
            (int[] parentChoice) =>
            {
                // Record i picks a parent among earlier records (choice mod i) or none (negative choice).
                var records = new LiquidationRecord[parentChoice.Length];
                for (int i = 0; i < records.Length; i++)
                {
                    long parent = parentChoice[i] < 0 || i == 0 ? None : parentChoice[i] % i;
                    records[i] = L(i, parent, i);
                }

                var forest = CascadeForest.Build(records);
                var seen = new HashSet<int>();
                for (int t = 0; t < forest.TreeCount; t++)
                {
                    foreach (int m in forest.Members(t))
                    {
                        if (!seen.Add(m) || forest.TreeOf[m] != t)
                        {
                            return false;
                        }
                    }
                }

                for (int i = 0; i < records.Length; i++)
                {
                    int depth = 1;
                    long p = records[i].ParentId;
                    int root = i;
                    while (p != None)
                    {
                        depth++;
                        root = (int)p;
                        p = records[(int)p].ParentId;
                    }

                    if (forest.WaveOf[i] != depth || forest.Roots[forest.TreeOf[i]] != root)
                    {
                        return false;
                    }
                }

                return seen.Count == records.Length;
            }).QuickCheckThrowOnFailure();
    }
}
