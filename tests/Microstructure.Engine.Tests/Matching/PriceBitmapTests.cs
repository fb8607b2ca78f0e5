using Microstructure.Engine.Matching;

namespace Microstructure.Engine.Tests.Matching;

public sealed class PriceBitmapTests
{
    [Theory]
    [InlineData(1, 10)]
    [InlineData(64, 100)]
    [InlineData(4097, 300)]
    [InlineData(100_000_000, 2_000)]
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

    [Fact]
    public void A_wide_range_costs_memory_only_where_prices_are_set()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var bitmap = new PriceBitmap(MatchingEngine.MaxPriceRange);
        long empty = GC.GetAllocatedBytesForCurrentThread() - before;
        bitmap.Set(1_000_000_000);
        bitmap.Set(1_000_000_001);
        long afterTwoPrices = GC.GetAllocatedBytesForCurrentThread() - before;

        // The upper levels stay dense (1/64 of a bit per tick: 4 MB here) plus the page directory (0.5 MB).
        Assert.True(empty < 5_000_000, $"{empty:N0} bytes for an empty 2^31-tick bitmap; one bit per tick would be 256 MB");
        Assert.True(afterTwoPrices - empty <= 4_200, "two nearby prices need one 4 KB page");
        Assert.Equal(1_000_000_000, bitmap.FindNext(0));
        Assert.Equal(1_000_000_001, bitmap.FindPrevious(MatchingEngine.MaxPriceRange - 1));
    }
}
