using System.Runtime.CompilerServices;

namespace Microstructure.Engine.Matching;

/// <summary>
/// Price → level index for one side, as a paged direct array over the price range: a lookup is two reads (the page's
/// entry, then the slot) at an address next to its neighbouring prices', instead of a hash probe at a random address.
/// Books cluster around the touch, so the levels an order flow works on share a few cache lines.
/// </summary>
/// <remarks>
/// Pages are allocated the first time a level is created inside them and kept, like the <see cref="PriceBitmap"/>'s:
/// memory follows where prices have been, not the instrument's whole range. Up to 2²⁷ ticks (a 0.1 tick up to 13.4M
/// quote) the pages hold 4,096 prices (16 KB) and are found through a plain array of page pointers, as they always
/// were. A wider range means a fine tick (a 0.00001 tick under a 10M cap is 10¹² ticks), where such an array would be
/// gigabytes and a book's levels lie thousands of ticks apart (a 16 KB page per level cost 4 bytes per tick of the
/// region traded): there the pages hold 64 prices (256 bytes) and are found through a <see cref="PageMap{T}"/>, a
/// hash table of the pages touched — one 16-byte entry read before the page, as the pointer array's slot was.
/// </remarks>
internal sealed class LevelDirectory
{
    private const int DensePageShift = 12;
    private const int DensePageSize = 1 << DensePageShift;
    private const int SparsePageShift = 6;
    private const int SparsePageSize = 1 << SparsePageShift;

    /// <summary>Price ranges up to this many ticks have 16 KB pages in a direct table (at most 2^15 entries, 256 KB).</summary>
    private const long DenseRange = 1L << 27;

    // The dense form is the plain page-pointer array (the hot path of ordinary instruments, unchanged); a wide range
    // has an empty one, so the array's own bounds test sends every lookup to the sparse form, a hash table of small
    // pages (no extra branch on the dense path).
    private readonly int[]?[] _dense;
    private readonly PageMap<int>? _sparse;
    private readonly long _minPrice;

    public LevelDirectory(long minPrice, long maxPrice)
    {
        _minPrice = minPrice;
        var range = maxPrice - minPrice;
        if (range < DenseRange)
        {
            _dense = new int[(range >> DensePageShift) + 1][];
        }
        else
        {
            _dense = [];
            _sparse = new PageMap<int>((range >> SparsePageShift) + 1, SparsePageSize);
        }
    }

    /// <summary>Prices per page: 4,096 up to 2²⁷ ticks, 64 beyond.</summary>
    public int PageSize => _sparse is null ? DensePageSize : SparsePageSize;

    /// <summary>Pages allocated so far.</summary>
    public int PageCount
    {
        get
        {
            if (_sparse is not null)
            {
                return _sparse.Count;
            }

            var count = 0;
            foreach (var page in _dense)
            {
                count += page is null ? 0 : 1;
            }

            return count;
        }
    }

    /// <summary>The level at <paramref name="price"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(long price)
    {
        var offset = price - _minPrice;
        var dense = _dense;
        var index = (int)(offset >> DensePageShift); // exact below 2^27 ticks; a wide range's empty array refuses any index
        if ((uint)index < (uint)dense.Length)
        {
            // Entries hold level + 1, so a fresh page's zeros read as "no level".
            var page = dense[index];
            return page is null ? -1 : page[offset & (DensePageSize - 1)] - 1;
        }

        return FindSparse(offset);
    }

    /// <summary>Records that <paramref name="level"/> now holds <paramref name="price"/>.</summary>
    public void Add(long price, int level)
    {
        var offset = price - _minPrice;
        var dense = _dense;
        var index = (int)(offset >> DensePageShift);
        if ((uint)index < (uint)dense.Length)
        {
            ref var page = ref dense[index];
            page ??= new int[DensePageSize];
            page[offset & (DensePageSize - 1)] = level + 1;
            return;
        }

        SetSparse(offset, level + 1);
    }

    /// <summary>Forgets the level at <paramref name="price"/>.</summary>
    public void Remove(long price)
    {
        var offset = price - _minPrice;
        var dense = _dense;
        var index = (int)(offset >> DensePageShift);
        if ((uint)index < (uint)dense.Length)
        {
            dense[index]![offset & (DensePageSize - 1)] = 0;
            return;
        }

        SetSparse(offset, 0);
    }

    // The wide-range paths stay out of line so the dense ones above inline as small as they always were.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int FindSparse(long offset)
    {
        var page = _sparse!.Find(offset >> SparsePageShift);
        return page is null ? -1 : page[offset & (SparsePageSize - 1)] - 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SetSparse(long offset, int entry) =>
        _sparse!.GetOrAdd(offset >> SparsePageShift)[offset & (SparsePageSize - 1)] = entry;
}
