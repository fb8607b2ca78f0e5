using FsCheck;
using FsCheck.Fluent;
using Microstructure.Engine.Matching;

namespace Microstructure.Engine.Tests.Matching;

/// <summary>
/// The engine's id index against a dictionary: adds, removals (the backward shift), lookups and pool growth (the
/// table's rebuild), over runs of consecutive ids, strides, random ids, and pairs of ids whose hashes agree in their
/// top 32 bits (so they share a home slot at every table size).
/// </summary>
public sealed class OrderIndexTests
{
    /// <summary>
    /// Pairs of ids whose Fibonacci hashes agree in the top 32 bits, found among random ids (a birthday search: about
    /// 80,000 draws a pair; consecutive ids never collide this early, their hashes are evenly spread).
    /// </summary>
    private static readonly long[] SameHomeIds = FindSameHomeIds(pairs: 4);

    [Fact]
    public void Ids_at_the_edges_of_those_ever_added_are_found_and_ids_beyond_them_are_absent()
    {
        var nodes = new OrderNode[16];
        var index = new OrderIndex(nodes);
        Assert.Equal(-1, index.Get(1));
        (nodes[0].Id, nodes[1].Id, nodes[2].Id) = (-5, 7, 100);
        index.Add(0);
        index.Add(1);
        index.Add(2);
        Assert.Equal(0, index.Get(-5));
        Assert.Equal(2, index.Get(100));
        Assert.Equal(-1, index.Get(101));
        Assert.Equal(-1, index.Get(-6));
        Assert.Equal(-1, index.Get(long.MaxValue));
        Assert.Equal(-1, index.Get(long.MinValue));

        // Removing the largest id keeps the bound where it was; what is inside is still looked up, and found or not.
        Assert.True(index.Remove(100));
        Assert.Equal(-1, index.Get(100));
        Assert.Equal(1, index.Get(7));
        nodes[3].Id = 100;
        index.Add(3);
        Assert.Equal(3, index.Get(100));

        // Ids at the ends of the range, and 0, are ids like any other.
        (nodes[4].Id, nodes[5].Id, nodes[6].Id) = (long.MinValue, long.MaxValue, 0);
        index.Add(4);
        index.Add(5);
        index.Add(6);
        Assert.Equal(4, index.Get(long.MinValue));
        Assert.Equal(5, index.Get(long.MaxValue));
        Assert.Equal(6, index.Get(0));
        Assert.Equal(1, index.Get(7));
    }

    [Fact]
    public void Random_operations_agree_with_a_dictionary()
    {
        var property = Prop.ForAll(Arb.From(Gen.Choose(1, 600).SelectMany(n => Gen.ArrayOf(OperationGen, n))), RunAndCompare);
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(400), property);
    }

    /// <summary>Op kinds: 0 add, 1 remove, 2 look up, 3 grow the pool (weighted toward adds and removals).</summary>
    private static readonly Gen<(int Kind, long Id)> OperationGen =
        from kind in Gen.Frequency((5, Gen.Constant(0)), (4, Gen.Constant(1)), (3, Gen.Constant(2)), (1, Gen.Constant(3)))
        from id in Gen.OneOf(
            Gen.Choose(1, 64).Select(i => (long)i),                          // a run of consecutive ids
            Gen.Choose(0, 40).Select(i => 1_000_000_007L + (i * 4096L)),     // strides of a table's size
            Gen.Elements(SameHomeIds),                                        // the same home at every table size
            Gen.Choose(int.MinValue, int.MaxValue).Select(i => (long)i * 2_654_435_761L))
        select (kind, id);

    private static bool RunAndCompare((int Kind, long Id)[] operations)
    {
        var nodes = new OrderNode[8];
        var index = new OrderIndex(nodes);
        var free = new Stack<int>(Enumerable.Range(0, nodes.Length).Reverse());
        var reference = new Dictionary<long, int>();
        foreach (var (kind, id) in operations)
        {
            switch (kind)
            {
                case 0 when !reference.ContainsKey(id) && free.Count > 0:
                    var node = free.Pop();
                    nodes[node].Id = id;
                    index.Add(node);
                    reference[id] = node;
                    break;
                case 1:
                    var present = reference.Remove(id, out var removed);
                    Assert.Equal(present, index.Remove(id));
                    if (present)
                    {
                        free.Push(removed);
                    }

                    break;
                case 3 when nodes.Length < 512:
                    var grown = new OrderNode[nodes.Length * 2];
                    Array.Copy(nodes, grown, nodes.Length);
                    for (var i = grown.Length - 1; i >= nodes.Length; i--)
                    {
                        free.Push(i);
                    }

                    nodes = grown;
                    index.Rebind(nodes);
                    break;
            }

            Assert.Equal(reference.TryGetValue(id, out var expected) ? expected : -1, index.Get(id));
        }

        Assert.Equal(reference.Count, index.Count);
        foreach (var (id, node) in reference)
        {
            Assert.Equal(node, index.Get(id));
        }

        return true;
    }

    private static long[] FindSameHomeIds(int pairs)
    {
        var seen = new Dictionary<uint, long>();
        var found = new List<long>();
        var random = new Random(16);
        while (found.Count < pairs * 2)
        {
            var id = random.NextInt64(1, long.MaxValue);
            var top = (uint)(((ulong)id * 0x9E3779B97F4A7C15UL) >> 32);
            if (seen.TryGetValue(top, out var other) && other != id)
            {
                found.Add(other);
                found.Add(id);
            }
            else
            {
                seen[top] = id;
            }
        }

        return [.. found];
    }
}
