using System.Runtime.CompilerServices;
using Microstructure.Engine.Matching;

namespace Microstructure.Engine.Tests.Matching;

public sealed class OrderIndexTests
{
    [Fact]
    public void An_order_node_stays_one_cache_line()
    {
        Assert.Equal(64, Unsafe.SizeOf<OrderNode>());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_adds_and_removes_agree_with_a_dictionary_while_the_table_grows_and_the_pool_is_rebound(int seed)
    {
        const int Pool = 4096;
        var nodes = new OrderNode[Pool / 4];
        var index = new OrderIndex(nodes);
        var reference = new Dictionary<long, int>();
        var free = new Stack<int>(Enumerable.Range(0, Pool).Reverse());
        var random = new Random(seed);
        long nextId = 1;
        for (var i = 0; i < 100_000; i++)
        {
            // The live count wanders from empty to the whole pool and back, so the table doubles many times and the
            // pool is rebound (as the engine's grows) twice along the way.
            var target = (int)(Pool * (0.5 + (0.5 * Math.Sin(i / 4000.0))));
            if (reference.Count < target && free.Count > 0)
            {
                var node = free.Pop();
                if (node >= nodes.Length)
                {
                    var grown = new OrderNode[nodes.Length * 2];
                    Array.Copy(nodes, grown, nodes.Length);
                    nodes = grown;
                    index.Rebind(nodes);
                }

                var id = (nextId++ * 7919) ^ (random.Next() & 0xFF00);
                nodes[node].Id = id;
                index.Add(node);
                reference[id] = node;
            }
            else if (reference.Count > 0)
            {
                var id = reference.Keys.ElementAt(random.Next(reference.Count));
                Assert.True(index.Remove(id));
                free.Push(reference[id]);
                reference.Remove(id);
                Assert.False(nodes[free.Peek()].Indexed);
            }

            Assert.True(index.ActiveSlots >= 2 * index.Count);
            if (i % 97 == 0)
            {
                Assert.Equal(-1, index.Get(-i - 1));
                foreach (var (id, node) in reference)
                {
                    Assert.Equal(node, index.Get(id));
                }
            }
        }

        Assert.Equal(reference.Count, index.Count);
    }

    [Fact]
    public void The_table_in_use_follows_the_live_orders_not_the_reserved_pool()
    {
        var nodes = new OrderNode[1 << 14];
        var index = new OrderIndex(nodes);
        for (var n = 0; n < 1000; n++)
        {
            nodes[n].Id = n + 1;
            index.Add(n);
        }

        Assert.Equal(2048, index.ActiveSlots);
        for (var n = 0; n < 1000; n++)
        {
            Assert.Equal(n, index.Get(n + 1));
        }
    }
}
