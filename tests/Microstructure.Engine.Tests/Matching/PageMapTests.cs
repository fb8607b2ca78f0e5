using Microstructure.Engine.Matching;

namespace Microstructure.Engine.Tests.Matching;

public sealed class PageMapTests
{
    [Theory]
    [InlineData(1L)]
    [InlineData(1_000L)]
    [InlineData(PageMap<int>.DirectLimit)]
    [InlineData(PageMap<int>.DirectLimit + 1)]
    [InlineData(1L << 50)]
    public void Pages_come_back_as_written_and_absent_pages_read_as_null(long pageCount)
    {
        var map = new PageMap<int>(pageCount, 8);
        var written = new Dictionary<long, int[]>();
        var random = new Random((int)(pageCount % 1_000_003));

        // Clustered page numbers (a book near one price), far ones, both ends, and numbers that collide in a small
        // hash table; enough of them that a sparse table grows several times.
        var numbers = Enumerable.Range(0, 600).Select(i => i switch
        {
            < 200 => Math.Min(pageCount - 1, (pageCount / 2) + i),
            < 400 => random.NextInt64(pageCount),
            < 500 => Math.Min(pageCount - 1, (i - 400) * 64L),
            _ => Math.Max(0, pageCount - 1 - (i - 500)),
        }).ToArray();
        foreach (var n in numbers)
        {
            var page = map.GetOrAdd(n);
            page[n % 8] = (int)(n % 1_000) + 1;
            if (written.TryGetValue(n, out var same))
            {
                Assert.Same(same, page);
            }

            written[n] = page;
            Assert.Equal(written.Count, map.Count);
        }

        foreach (var (n, page) in written)
        {
            Assert.Same(page, map.Find(n));
            Assert.Equal((int)(n % 1_000) + 1, map.Find(n)![n % 8]);
        }

        for (var i = 0; i < 2_000; i++)
        {
            var n = random.NextInt64(pageCount);
            Assert.Equal(written.GetValueOrDefault(n), map.Find(n));
        }
    }

    [Fact]
    public void A_sparse_map_allocates_only_the_pages_it_was_given_plus_a_small_table()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var map = new PageMap<int>(1L << 50, 4_096);
        for (var i = 0; i < 10; i++)
        {
            map.GetOrAdd(i * (1L << 46));
        }

        long used = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(used < (10 * 16_500) + 4_000, $"{used:N0} bytes for 10 pages of 16 KB in a range of 2^50 pages");
    }

    [Theory]
    [InlineData(100_000_000L, 2_000, 16_384)] // a 0.1 tick up to 10M quote: one 16 KB page per 4,096 ticks, as before
    [InlineData(1_000_000_000_000L, 5_000, 16_384)] // a 0.00001 tick, levels 0.1 quote apart
    public void A_level_directory_over_a_fine_tick_costs_a_small_page_per_isolated_level(long maxPrice, int levels, long spacing)
    {
        var directory = new LevelDirectory(1, maxPrice);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < levels; i++)
        {
            directory.Add(1 + (i * spacing), i);
        }

        long perLevel = (GC.GetAllocatedBytesForCurrentThread() - before) / levels;
        Assert.True(perLevel <= (maxPrice < 1L << 27 ? 16_500 : 400), $"{perLevel:N0} bytes per level");
        for (var i = 0; i < levels; i++)
        {
            Assert.Equal(i, directory.Find(1 + (i * spacing)));
            Assert.Equal(-1, directory.Find(2 + (i * spacing)));
        }

        directory.Remove(1 + spacing);
        Assert.Equal(-1, directory.Find(1 + spacing));
    }
}
