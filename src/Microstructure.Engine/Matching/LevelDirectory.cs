using System.Runtime.CompilerServices;

namespace Microstructure.Engine.Matching;

/// <summary>
/// Price → level index for one side, as a paged direct array over the price range: a lookup is one or two array
/// reads at an address next to its neighbouring prices', instead of a hash probe at a random address. Books cluster
/// around the touch, so the levels an order flow works on share a few cache lines.
/// </summary>
/// <remarks>
/// Pages of 4,096 prices (16 KB) are allocated the first time a level is created inside them and kept, like the
/// <see cref="PriceBitmap"/>'s pages: memory follows where prices have been, not the instrument's whole range. That
/// layout serves ranges up to 2^27 ticks (a 0.1 tick up to 13.4M quote: at most 32,768 page pointers); a wider range
/// (a fine tick, up to the engine's 2^62) is a <see cref="WideLevelDirectory"/> of small pages in a hash table behind
/// the same methods, each of which tests for it once on entry, so the ordinary path is the one it always was.
/// </remarks>
internal sealed class LevelDirectory
{
    private const int PageShift = 12;
    private const int DensePageSize = 1 << PageShift;

    /// <summary>Ranges up to this many ticks use the page-pointer layout below; wider ones a <see cref="WideLevelDirectory"/>.</summary>
    private const long DenseRange = 1L << 27;

    private readonly int[]?[] _pages;
    private readonly long _minPrice;
    private readonly WideLevelDirectory? _wide;

    public LevelDirectory(long minPrice, long maxPrice)
    {
        _minPrice = minPrice;
        if (maxPrice - minPrice >= DenseRange)
        {
            _wide = new WideLevelDirectory(minPrice, maxPrice);
            _pages = [];
            return;
        }

        _pages = new int[((maxPrice - minPrice) >> PageShift) + 1][];
    }

    /// <summary>Prices per page: 4,096 up to 2^27 ticks, 64 beyond.</summary>
    public int PageSize => _wide is null ? DensePageSize : 64;

    /// <summary>Pages allocated so far.</summary>
    public int PageCount => _wide?.PageCount ?? _pages.Count(p => p is not null);

    /// <summary>The level at <paramref name="price"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(long price)
    {
        if (_wide is not null)
        {
            return _wide.Find(price);
        }

        var offset = price - _minPrice;
        var page = _pages[offset >> PageShift];

        // Entries hold level + 1, so a fresh page's zeros read as "no level".
        return page is null ? -1 : page[offset & (DensePageSize - 1)] - 1;
    }

    /// <summary>Records that <paramref name="level"/> now holds <paramref name="price"/>.</summary>
    public void Add(long price, int level)
    {
        if (_wide is not null)
        {
            _wide.Set(price, level + 1);
            return;
        }

        var offset = price - _minPrice;
        ref var page = ref _pages[offset >> PageShift];
        page ??= new int[DensePageSize];
        page[offset & (DensePageSize - 1)] = level + 1;
    }

    /// <summary>Forgets the level at <paramref name="price"/>.</summary>
    public void Remove(long price)
    {
        if (_wide is not null)
        {
            _wide.Set(price, 0);
            return;
        }

        var offset = price - _minPrice;
        _pages[offset >> PageShift]![offset & (DensePageSize - 1)] = 0;
    }
}
