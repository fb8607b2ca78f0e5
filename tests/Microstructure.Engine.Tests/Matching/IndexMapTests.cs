using Microstructure.Engine.Matching;

namespace Microstructure.Engine.Tests.Matching;

public sealed class IndexMapTests
{
    [Fact]
    public void Random_adds_and_removes_agree_with_a_dictionary()
    {
        var map = new IndexMap(256);
        var reference = new Dictionary<long, int>();
        var random = new Random(42);
        for (var i = 0; i < 200_000; i++)
        {
            long key = random.Next(0, 600) * (random.Next(2) == 0 ? 1 : -7919);
            if (reference.ContainsKey(key))
            {
                Assert.True(map.Remove(key));
                reference.Remove(key);
            }
            else if (reference.Count < 256)
            {
                map.Add(key, i);
                reference[key] = i;
            }

            var probe = (long)random.Next(0, 600);
            Assert.Equal(reference.TryGetValue(probe, out var v) ? v : -1, map.Get(probe));
        }

        Assert.Equal(reference.Count, map.Count);
        foreach (var (key, value) in reference)
        {
            Assert.Equal(value, map.Get(key));
        }
    }
}
