using System.Numerics;
using System.Runtime.CompilerServices;

namespace Microstructure.Engine.Matching;

/// <summary>
/// A hierarchical bitset over price offsets (64-way fan-out): each bit of level k+1 says whether the matching word
/// of level k is non-zero. Set, clear and find-next/previous cost one word per level (5 levels for 2^27 prices, 10
/// for 2^62) and no branch-heavy search, so keeping price levels ordered is O(1) in practice with no shifting.
/// </summary>
/// <remarks>
/// The bottom level (one bit per tick) is the only large one, so it is paged: 512-word pages (32,768 ticks each)
/// are allocated the first time a price inside them is set, and kept. A book whose prices stay in one region costs a
/// few kilobytes instead of one bit per tick of the instrument's whole range (12.5 MB per side for 10^8 ticks); the
/// price of it is one small allocation when trading first reaches a new 32,768-tick region. That layout serves ranges
/// up to 2^27 ticks (a 0.1 tick up to 13.4M quote: at most 4,096 page pointers, 16 MB if every page were touched); a
/// wider range (a fine tick, up to the engine's 2^62) is a <see cref="WidePriceBitmap"/> of small pages in hash tables
/// behind the same methods, each of which tests for it once on entry, so the ordinary path is the one it always was.
/// Shared with the risk layer, which keys its liquidation-threshold index by price with the same structure.
/// </remarks>
internal sealed class PriceBitmap
{
    private const int PageShift = 9; // 512 words = 32,768 bits per page
    private const int PageWords = 1 << PageShift;

    /// <summary>Ranges up to this many ticks use the page-pointer layout below; wider ones a <see cref="WidePriceBitmap"/>.</summary>
    private const long DenseRange = 1L << 27;

    private readonly ulong[]?[] _pages;
    private readonly ulong[][] _upper;
    private readonly WidePriceBitmap? _wide;

    /// <summary>Creates an empty bitset over indices [0, <paramref name="size"/>).</summary>
    /// <param name="size">Number of indices (price offsets) the bitset covers.</param>
    public PriceBitmap(long size)
    {
        if (size > DenseRange)
        {
            _wide = new WidePriceBitmap(size);
            _pages = [];
            _upper = [];
            return;
        }

        var words = (Math.Max(1, size) + 63) >> 6;
        _pages = new ulong[(words + PageWords - 1) >> PageShift][];
        var upper = new List<ulong[]>();
        var bits = words;
        while (bits > 1)
        {
            var levelWords = (bits + 63) >> 6;
            upper.Add(new ulong[levelWords]);
            bits = levelWords;
        }

        _upper = upper.ToArray();
    }

    /// <summary>Marks index <paramref name="i"/> as present.</summary>
    /// <param name="i">An index in [0, size).</param>
    public void Set(long i)
    {
        if (_wide is not null)
        {
            _wide.Set(i);
            return;
        }

        ref var word = ref BottomWordForWrite(i >> 6);
        var wasEmpty = word == 0;
        word |= 1UL << (int)(i & 63);
        if (!wasEmpty)
        {
            return;
        }

        i >>= 6;
        var upper = _upper;
        for (var k = 0; k < upper.Length; k++)
        {
            ref var w = ref upper[k][i >> 6];
            wasEmpty = w == 0;
            w |= 1UL << (int)(i & 63);
            if (!wasEmpty)
            {
                return;
            }

            i >>= 6;
        }
    }

    /// <summary>Marks index <paramref name="i"/>, which must be present, as absent.</summary>
    /// <param name="i">An index in [0, size) that was set.</param>
    public void Clear(long i)
    {
        if (_wide is not null)
        {
            _wide.Clear(i);
            return;
        }

        ref var word = ref _pages[i >> (6 + PageShift)]![(i >> 6) & (PageWords - 1)];
        word &= ~(1UL << (int)(i & 63));
        if (word != 0)
        {
            return;
        }

        i >>= 6;
        var upper = _upper;
        for (var k = 0; k < upper.Length; k++)
        {
            ref var w = ref upper[k][i >> 6];
            w &= ~(1UL << (int)(i & 63));
            if (w != 0)
            {
                return;
            }

            i >>= 6;
        }
    }

    /// <summary>Smallest set index ≥ <paramref name="i"/>, or -1.</summary>
    /// <param name="i">Where to start looking (inclusive).</param>
    /// <returns>The index found, or -1.</returns>
    public long FindNext(long i)
    {
        if (_wide is not null)
        {
            return _wide.FindNext(i);
        }

        var k = 0; // 0 = bottom level, k > 0 = _upper[k - 1]
        while (true)
        {
            var w = i >> 6;
            if (w >= WordCount(k))
            {
                return -1;
            }

            var masked = Word(k, w) & (ulong.MaxValue << (int)(i & 63));
            if (masked != 0)
            {
                i = (w << 6) + BitOperations.TrailingZeroCount(masked);
                break;
            }

            if (k == _upper.Length)
            {
                return -1;
            }

            i = w + 1;
            k++;
        }

        while (k > 0)
        {
            k--;
            i = (i << 6) + BitOperations.TrailingZeroCount(Word(k, i));
        }

        return i;
    }

    /// <summary>Largest set index ≤ <paramref name="i"/>, or -1.</summary>
    /// <param name="i">Where to start looking (inclusive).</param>
    /// <returns>The index found, or -1.</returns>
    public long FindPrevious(long i)
    {
        if (_wide is not null)
        {
            return _wide.FindPrevious(i);
        }

        var k = 0;
        while (true)
        {
            if (i < 0)
            {
                return -1;
            }

            var w = i >> 6;
            var masked = Word(k, w) & (ulong.MaxValue >> (63 - (int)(i & 63)));
            if (masked != 0)
            {
                i = (w << 6) + 63 - BitOperations.LeadingZeroCount(masked);
                break;
            }

            if (k == _upper.Length)
            {
                return -1;
            }

            i = w - 1;
            k++;
        }

        while (k > 0)
        {
            k--;
            i = (i << 6) + 63 - BitOperations.LeadingZeroCount(Word(k, i));
        }

        return i;
    }

    /// <summary>Pages allocated so far, all levels.</summary>
    public int PageCount => _wide?.PageCount ?? _pages.Count(p => p is not null);

    private long WordCount(int k) => k == 0 ? (long)_pages.Length << PageShift : _upper[k - 1].Length;

    /// <summary>Word <paramref name="w"/> of level <paramref name="k"/>; a bottom-level page never set reads as zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Word(int k, long w)
    {
        if (k > 0)
        {
            return _upper[k - 1][w];
        }

        var page = _pages[w >> PageShift];
        return page is null ? 0 : page[w & (PageWords - 1)];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref ulong BottomWordForWrite(long w)
    {
        ref var page = ref _pages[w >> PageShift];
        page ??= new ulong[PageWords];
        return ref page[w & (PageWords - 1)];
    }
}
