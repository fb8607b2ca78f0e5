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

    [Fact]
    public void Keys_at_the_edges_of_those_ever_added_are_found_and_keys_beyond_them_are_absent()
    {
        var map = new IndexMap(4);
        Assert.Equal(-1, map.Get(0));
        map.Add(-5, 1);
        map.Add(100, 2);
        Assert.Equal(1, map.Get(-5));
        Assert.Equal(2, map.Get(100));
        Assert.Equal(-1, map.Get(101));
        Assert.Equal(-1, map.Get(-6));

        // Removals leave the bounds where they were; growth (a rehash through Add) keeps them; the extremes are keys too.
        Assert.True(map.Remove(100));
        Assert.Equal(-1, map.Get(100));
        for (var key = 0L; key < 40; key++)
        {
            map.Add(key, (int)key + 10);
        }

        map.Add(long.MinValue, 3);
        map.Add(long.MaxValue, 4);
        Assert.Equal(3, map.Get(long.MinValue));
        Assert.Equal(4, map.Get(long.MaxValue));
        Assert.Equal(1, map.Get(-5));
        Assert.Equal(49, map.Get(39));
        Assert.Equal(-1, map.Get(100));
    }

    [Fact]
    public void A_map_grows_past_what_it_was_created_for_and_keeps_every_key()
    {
        // Created for 16 keys, filled to 50,000 (a dozen doublings, each a rehash), with removals along the way.
        var map = new IndexMap(16);
        var reference = new Dictionary<long, int>();
        var random = new Random(7);
        for (var i = 0; i < 80_000; i++)
        {
            long key = random.NextInt64(-1_000_000_000, 1_000_000_000);
            if (random.Next(5) == 0 && reference.Count > 0)
            {
                var victim = reference.Keys.First();
                Assert.True(map.Remove(victim));
                reference.Remove(victim);
            }
            else if (!reference.ContainsKey(key))
            {
                map.Add(key, i);
                reference[key] = i;
            }
        }

        Assert.True(reference.Count > 40_000);
        Assert.Equal(reference.Count, map.Count);
        foreach (var (key, value) in reference)
        {
            Assert.Equal(value, map.Get(key));
        }

        Assert.Equal(-1, map.Get(1_000_000_001));
    }
    [Theory]
    [InlineData(1L)]
    [InlineData(4L)]
    [InlineData(1L << 10)]
    [InlineData(-3L)]
    [InlineData(1L << 40)]
    public void Keys_in_runs_and_strides_agree_with_a_dictionary(long stride)
    {
        // Sequential ids share hashed homes four at a time and sit in consecutive slots (wrapping at the table's end):
        // runs, strides that fix the low bits, and strides of the table's size must all still find every key, through
        // removals from the front, the back and the middle of runs (the backward shift) and rehashes.
        var map = new IndexMap(64);
        var reference = new Dictionary<long, int>();
        var random = new Random(11);
        for (var i = 0; i < 20_000; i++)
        {
            long key = 1_000 + (stride * random.Next(0, 3_000));
            if (reference.ContainsKey(key))
            {
                Assert.True(map.Remove(key));
                reference.Remove(key);
            }
            else
            {
                map.Add(key, i);
                reference[key] = i;
            }

            long probe = 1_000 + (stride * random.Next(0, 3_000));
            Assert.Equal(reference.TryGetValue(probe, out var v) ? v : -1, map.Get(probe));
        }

        Assert.Equal(reference.Count, map.Count);
        foreach (var (key, value) in reference)
        {
            Assert.Equal(value, map.Get(key));
        }

        // A ladder swept in order, then in reverse.
        var ladder = new IndexMap(16);
        for (var i = 0; i < 5_000; i++)
        {
            ladder.Add(i + 1, i);
        }

        for (var i = 0; i < 2_500; i++)
        {
            Assert.Equal(i, ladder.Get(i + 1));
            Assert.True(ladder.Remove(i + 1));
        }

        for (var i = 4_999; i >= 2_500; i--)
        {
            Assert.Equal(i, ladder.Get(i + 1));
            Assert.True(ladder.Remove(i + 1));
        }

        Assert.Equal(0, ladder.Count);
    }
}
