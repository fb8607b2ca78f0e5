using Microstructure.Engine.Matching;

namespace Microstructure.Engine.Tests.Matching;

public sealed class PriceBitmapTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(64, 100)]
    [InlineData(4097, 300)]
    [InlineData(100_000_000, 2_000)]
    [InlineData(1_000_000_000_000, 2_000)]
    [InlineData(MatchingEngine.MaxPriceRange, 2_000)]
    public void Find_next_and_previous_agree_with_a_sorted_set(long size, int distinct)
    {
        var bitmap = new PriceBitmap(size);
        var reference = new SortedSet<long>();
        var random = new Random((int)size);
        var pool = Enumerable.Range(0, distinct).Select(_ => random.NextInt64(size)).Append(0).Append(size - 1).ToArray();
        for (var step = 0; step < 20_000; step++)
        {
            var x = pool[random.Next(pool.Length)];
            if (reference.Remove(x))
            {
                bitmap.Clear(x);
            }
            else
            {
                reference.Add(x);
                bitmap.Set(x);
            }

            var probe = random.Next(3) == 0 ? pool[random.Next(pool.Length)] : random.NextInt64(size);
            var next = reference.GetViewBetween(probe, size).FirstOrDefault(-1);
            var previous = reference.GetViewBetween(0, probe).Count > 0 ? reference.GetViewBetween(0, probe).Max : -1;
            Assert.Equal(next, bitmap.FindNext(probe));
            Assert.Equal(previous, bitmap.FindPrevious(probe));
        }
    }

    [Theory]
    [InlineData(1L << 31)]
    [InlineData(1_000_000_000_000)]
    [InlineData(MatchingEngine.MaxPriceRange)]
    public void A_wide_range_costs_memory_only_where_prices_are_set(long size)
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var bitmap = new PriceBitmap(size);
        long empty = GC.GetAllocatedBytesForCurrentThread() - before;
        bitmap.Set(1_000_000_000);
        bitmap.Set(1_000_000_001);
        long afterTwoPrices = GC.GetAllocatedBytesForCurrentThread() - before;
        bitmap.Set(size - 1);
        long afterAFarPrice = GC.GetAllocatedBytesForCurrentThread() - before;

        // Dense levels stay under 256 KB each (here at most 64 KB); a paged level starts as a 1 KB hash table.
        // One bit per tick would be 256 MB at 2^31, 125 GB at 10^12.
        Assert.True(empty < 150_000, $"{empty:N0} bytes for an empty bitmap of {size:N0} ticks");
        Assert.True(afterTwoPrices - empty <= 30_000, $"two nearby prices took {afterTwoPrices - empty:N0} bytes: one 4 KB page per paged level");
        Assert.True(afterAFarPrice - afterTwoPrices <= 40_000, $"a far price took {afterAFarPrice - afterTwoPrices:N0} bytes");
        Assert.Equal(1_000_000_000, bitmap.FindNext(0));
        Assert.Equal(size - 1, bitmap.FindNext(1_000_000_002));
        Assert.Equal(1_000_000_001, bitmap.FindPrevious(size - 2));
        Assert.Equal(size - 1, bitmap.FindPrevious(size - 1));
        bitmap.Clear(size - 1);
        Assert.Equal(-1, bitmap.FindNext(1_000_000_002));
        Assert.Equal(1_000_000_001, bitmap.FindPrevious(size - 1));
    }

    [Theory]
    [InlineData(100_000_000_000)] // a 0.0001 tick under a 10M cap
    [InlineData(2_000_000_000)] // a 0.0001 tick under a 200k cap: accepted before, with 4 KB pages
    public void Far_apart_bits_in_a_wide_range_cost_bytes_not_kilobytes_each(long size)
    {
        // Liquidation thresholds of 5,000 accounts across ±25% of 50,000 quote: thousands of ticks apart.
        var random = new Random(7);
        var bitmap = new PriceBitmap(size);
        long before = GC.GetAllocatedBytesForCurrentThread();
        var keys = Enumerable.Range(0, 5_000).Select(_ => 375_000_000 + random.NextInt64(250_000_000)).Distinct().ToArray();
        foreach (var key in keys)
        {
            bitmap.Set(key);
        }

        long used = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(used < 5_000 * 600, $"{used:N0} bytes for {keys.Length:N0} bits ({used / keys.Length:N0} each); a 4 KB page each would be 20 MB");
        Array.Sort(keys);
        Assert.Equal(keys[0], bitmap.FindNext(0));
        Assert.Equal(keys[^1], bitmap.FindPrevious(size - 1));
        Assert.Equal(keys[2_500], bitmap.FindNext(keys[2_499] + 1));
    }
}
