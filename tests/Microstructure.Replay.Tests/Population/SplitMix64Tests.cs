using Microstructure.Replay.Population;

namespace Microstructure.Replay.Tests.Population;

public sealed class SplitMix64Tests
{
    [Fact]
    public void The_sequence_is_the_published_splitmix64_sequence()
    {
        // Reference values of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        var random = new SplitMix64(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, random.Next());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.Next());
        Assert.Equal(0x06C45D188009454FUL, random.Next());
    }

    [Fact]
    public void Between_covers_its_inclusive_range_and_nothing_else()
    {
        var random = new SplitMix64(42);
        var seen = new HashSet<long>();
        for (var i = 0; i < 2_000; i++)
        {
            seen.Add(random.Between(-3, 3));
        }

        Assert.Equal(Enumerable.Range(-3, 7).Select(i => (long)i).ToHashSet(), seen);
    }
}
