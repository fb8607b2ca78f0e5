using System.Runtime.CompilerServices;

namespace Microstructure.Engine.Matching;

/// <summary>
/// Price → level index for one side, as a paged direct array over the price range: a lookup is two reads (the page's
/// entry, then the slot) at an address next to its neighbouring prices', instead of a hash probe at a random address.
/// Books cluster around the touch, so the levels an order flow works on share a few cache lines.
/// </summary>
/// <remarks>
/// Pages are allocated the first time a level is created inside them and kept, like the <see cref="PriceBitmap"/>'s,
/// and found through a <see cref="PageMap{T}"/>: memory follows where prices have been, not the instrument's whole
/// range. Up to 2²⁷ ticks (a 0.1 tick up to 13.4M quote) the pages hold 4,096 prices (16 KB) in a direct page table,
/// as they always did. A wider range means a fine tick (a 0.00001 tick under a 10M cap is 10¹² ticks), where a book's
/// levels lie thousands of ticks apart and a 16 KB page per level cost 4 bytes per tick of the region traded; there
/// the pages hold 64 prices (256 bytes) in a hash table of the pages touched.
/// </remarks>
internal sealed class LevelDirectory
{
    private const int DensePageShift = 12;
    private const int SparsePageShift = 6;

    /// <summary>Price ranges up to this many ticks have 16 KB pages in a direct table of 2^15 entries.</summary>
    private const long DenseRange = 1L << 27;

    private readonly PageMap<int> _pages;
    private readonly long _minPrice;
    private readonly int _pageShift;
    private readonly long _slotMask;

    public LevelDirectory(long minPrice, long maxPrice)
    {
        _minPrice = minPrice;
        _pageShift = maxPrice - minPrice < DenseRange ? DensePageShift : SparsePageShift;
        _slotMask = (1L << _pageShift) - 1;
        _pages = new PageMap<int>(((maxPrice - minPrice) >> _pageShift) + 1, 1 << _pageShift);
    }

    /// <summary>Prices per page: 4,096 up to 2²⁷ ticks, 64 beyond.</summary>
    public int PageSize => 1 << _pageShift;

    /// <summary>Pages allocated so far.</summary>
    public int PageCount => _pages.Count;

    /// <summary>The level at <paramref name="price"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(long price)
    {
        var offset = price - _minPrice;
        var page = _pages.Find(offset >> _pageShift);

        // Entries hold level + 1, so a fresh page's zeros read as "no level".
        return page is null ? -1 : page[offset & _slotMask] - 1;
    }

    /// <summary>Records that <paramref name="level"/> now holds <paramref name="price"/>.</summary>
    public void Add(long price, int level)
    {
        var offset = price - _minPrice;
        _pages.GetOrAdd(offset >> _pageShift)[offset & _slotMask] = level + 1;
    }

    /// <summary>Forgets the level at <paramref name="price"/>.</summary>
    public void Remove(long price)
    {
        var offset = price - _minPrice;
        _pages.Find(offset >> _pageShift)![offset & _slotMask] = 0;
    }
}
