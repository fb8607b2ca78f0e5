using System.Runtime.CompilerServices;

namespace Microstructure.Engine.Matching;

/// <summary>
/// Price → level index for one side, as a paged direct array over the price range: a lookup is one or two array
/// reads at an address next to its neighbouring prices', instead of a hash probe at a random address. Books cluster
/// around the touch, so the levels an order flow works on share a few cache lines.
/// </summary>
/// <remarks>
/// Pages of 4,096 prices (16 KB) are allocated the first time a level is created inside them and kept, like the
/// <see cref="PriceBitmap"/>'s pages: memory follows where prices have been, not the instrument's whole range.
/// </remarks>
internal sealed class LevelDirectory
{
    private const int PageShift = 12;
    private const int PageSize = 1 << PageShift;

    private readonly int[]?[] _pages;
    private readonly long _minPrice;

    public LevelDirectory(long minPrice, long maxPrice)
    {
        _minPrice = minPrice;
        _pages = new int[((maxPrice - minPrice) >> PageShift) + 1][];
    }

    /// <summary>The level at <paramref name="price"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(long price)
    {
        var offset = price - _minPrice;
        var page = _pages[offset >> PageShift];

        // Entries hold level + 1, so a fresh page's zeros read as "no level".
        return page is null ? -1 : page[offset & (PageSize - 1)] - 1;
    }

    /// <summary>Records that <paramref name="level"/> now holds <paramref name="price"/>.</summary>
    public void Add(long price, int level)
    {
        var offset = price - _minPrice;
        ref var page = ref _pages[offset >> PageShift];
        page ??= new int[PageSize];
        page[offset & (PageSize - 1)] = level + 1;
    }

    /// <summary>Forgets the level at <paramref name="price"/>.</summary>
    public void Remove(long price)
    {
        var offset = price - _minPrice;
        _pages[offset >> PageShift]![offset & (PageSize - 1)] = 0;
    }
}
