using System.Runtime.CompilerServices;

namespace Microstructure.Engine.Matching;

/// <summary>
/// Price → level index for one side, as a paged direct array over the price range: a lookup is two reads (the page's
/// entry, then the slot) at an address next to its neighbouring prices', instead of a hash probe at a random address.
/// Books cluster around the touch, so the levels an order flow works on share a few cache lines.
/// </summary>
/// <remarks>
/// Pages of 4,096 prices (16 KB) are allocated the first time a level is created inside them and kept, like the
/// <see cref="PriceBitmap"/>'s pages, and found through a <see cref="PageMap{T}"/> (a direct table up to 2²⁸ ticks,
/// a hash table of the touched pages beyond): memory follows where prices have been, not the instrument's whole
/// range, so a 0.00001 tick under a 10M cap (10¹² ticks) costs what a 0.1 tick does.
/// </remarks>
internal sealed class LevelDirectory
{
    private const int PageShift = 12;
    private const int PageSize = 1 << PageShift;

    private readonly PageMap<int> _pages;
    private readonly long _minPrice;

    public LevelDirectory(long minPrice, long maxPrice)
    {
        _minPrice = minPrice;
        _pages = new PageMap<int>(((maxPrice - minPrice) >> PageShift) + 1, PageSize);
    }

    /// <summary>Pages allocated so far (4,096 prices each).</summary>
    public int PageCount => _pages.Count;

    /// <summary>The level at <paramref name="price"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(long price)
    {
        var offset = price - _minPrice;
        var page = _pages.Find(offset >> PageShift);

        // Entries hold level + 1, so a fresh page's zeros read as "no level".
        return page is null ? -1 : page[offset & (PageSize - 1)] - 1;
    }

    /// <summary>Records that <paramref name="level"/> now holds <paramref name="price"/>.</summary>
    public void Add(long price, int level)
    {
        var offset = price - _minPrice;
        _pages.GetOrAdd(offset >> PageShift)[offset & (PageSize - 1)] = level + 1;
    }

    /// <summary>Forgets the level at <paramref name="price"/>.</summary>
    public void Remove(long price)
    {
        var offset = price - _minPrice;
        _pages.Find(offset >> PageShift)![offset & (PageSize - 1)] = 0;
    }
}
