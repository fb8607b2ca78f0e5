using System.Runtime.CompilerServices;

namespace Microstructure.Engine.Matching;

/// <summary>
/// The <see cref="LevelDirectory"/> of a range wider than 2^27 ticks (a fine tick: a 0.00001 tick under a 10M cap is
/// 10^12 ticks), where a page-pointer array would be gigabytes and a book's levels lie thousands of ticks apart (a
/// 16 KB page per level would cost 4 bytes per tick of the region traded): pages of 64 prices (256 bytes), allocated
/// when a level is first created in them and found through a <see cref="PageMap{T}"/>, a hash table of the pages
/// touched. Its methods stay out of line, so the ordinary directory's inlined lookups keep their size.
/// </summary>
internal sealed class WideLevelDirectory
{
    private const int PageShift = 6;
    private const int PageSize = 1 << PageShift;

    private readonly PageMap<int> _pages;
    private readonly long _minPrice;

    public WideLevelDirectory(long minPrice, long maxPrice)
    {
        _minPrice = minPrice;
        _pages = new PageMap<int>(((maxPrice - minPrice) >> PageShift) + 1, PageSize);
    }

    /// <summary>Pages allocated so far.</summary>
    public int PageCount => _pages.Count;

    /// <summary>The level at <paramref name="price"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public int Find(long price)
    {
        var offset = price - _minPrice;
        var page = _pages.Find(offset >> PageShift);
        return page is null ? -1 : page[offset & (PageSize - 1)] - 1;
    }

    /// <summary>Sets the entry (level + 1, or 0 for none) at <paramref name="price"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public void Set(long price, int entry)
    {
        var offset = price - _minPrice;
        _pages.GetOrAdd(offset >> PageShift)[offset & (PageSize - 1)] = entry;
    }
}
