using System.Numerics;
using System.Runtime.CompilerServices;

namespace Microstructure.Engine.Matching;

/// <summary>
/// A hierarchical bitset over price offsets (64-way fan-out): each bit of level k+1 says whether the matching word
/// of level k is non-zero. Set, clear and find-next/previous cost one word per level (6 levels for 2^31 prices, 10
/// for 2^62) and no branch-heavy search, so keeping price levels ordered is O(1) in practice with no shifting.
/// </summary>
/// <remarks>
/// Every level too large to keep whole (the bottom one, one bit per tick, always; an upper one past 2^15 words, i.e.
/// past 2^27 ticks for the first) is paged: pages are allocated the first time a bit inside them is set, and kept. Up
/// to 2^27 ticks (a 0.1 tick up to 13.4M quote) the bottom level has 512-word pages (32,768 bits, 4 KB) in a plain
/// array of page pointers, as it always had: at most 16 MB even if every one is touched. Past that, and for every
/// paged upper level, pages are 16 words (1,024 bits, 128 bytes) found through a <see cref="PageMap{T}"/> (a hash
/// table of the pages touched), because a range that wide means a fine tick and set bits far apart — levels thousands
/// of ticks from each other, the liquidation thresholds of a few thousand accounts across a wide band — where a
/// pointer array would be gigabytes and a 4 KB page per bit cost tens of MB. So a book costs a few kilobytes per
/// region it trades in instead of one bit per tick of the instrument's whole range (12.5 MB per side for 10^8 ticks,
/// 125 GB for 10^12); the price of it is one small allocation when trading first reaches a new region. Shared with
/// the risk layer, which keys its liquidation-threshold index by price with the same structure.
/// </remarks>
internal sealed class PriceBitmap
{
    private const int DensePageShift = 9; // 512 words = 32,768 bits per page
    private const int DensePageWords = 1 << DensePageShift;
    private const int SparsePageShift = 4; // 16 words = 1,024 bits per page
    private const int SparsePageWords = 1 << SparsePageShift;

    /// <summary>Upper levels up to this many words (256 KB) are one array; larger ones are paged.</summary>
    private const long DenseWords = 1 << 15;

    /// <summary>Ranges up to this many ticks have 4 KB bottom pages in a plain pointer array (at most 16 MB even if every page is touched).</summary>
    private const long DenseRange = 1L << 27;

    // The bottom level, as in the level directory: the plain pointer array is the hot path of ordinary instruments,
    // unchanged; a wide range has an empty one, so the array's own bounds test sends every access to a hash table of
    // small pages (no extra branch on the dense path).
    private readonly ulong[]?[] _denseBottom;
    private readonly PageMap<ulong>? _sparseBottom;

    // Upper level k (level k + 1 counting the bottom as 0) is _dense[k] when small, else (_dense[k] empty) pages in _paged[k].
    private readonly ulong[][] _dense;
    private readonly PageMap<ulong>?[] _paged;
    private readonly long[] _wordCount;

    /// <summary>Creates an empty bitset over indices [0, <paramref name="size"/>).</summary>
    /// <param name="size">Number of indices (price offsets) the bitset covers.</param>
    public PriceBitmap(long size)
    {
        size = Math.Max(1, size);
        var words = (size + 63) >> 6;
        if (size <= DenseRange)
        {
            _denseBottom = new ulong[(words + DensePageWords - 1) >> DensePageShift][];
        }
        else
        {
            _denseBottom = [];
            _sparseBottom = new PageMap<ulong>(((words - 1) >> SparsePageShift) + 1, SparsePageWords);
        }

        var counts = new List<long> { words };
        var bits = words;
        while (bits > 1)
        {
            bits = (bits + 63) >> 6;
            counts.Add(bits);
        }

        _wordCount = counts.ToArray();
        var upper = _wordCount.Length - 1;
        _dense = new ulong[upper][];
        _paged = new PageMap<ulong>?[upper];
        for (var k = 0; k < upper; k++)
        {
            var levelWords = _wordCount[k + 1];
            if (levelWords <= DenseWords)
            {
                _dense[k] = new ulong[levelWords];
            }
            else
            {
                // An upper level is paged only past 2^27 ticks, where its set bits lie far apart: small pages.
                _dense[k] = [];
                _paged[k] = new PageMap<ulong>(((levelWords - 1) >> SparsePageShift) + 1, SparsePageWords);
            }
        }
    }

    /// <summary>Pages allocated so far, all levels.</summary>
    public int PageCount
    {
        get
        {
            var pages = _sparseBottom?.Count ?? _denseBottom.Count(p => p is not null);
            foreach (var paged in _paged)
            {
                pages += paged?.Count ?? 0;
            }

            return pages;
        }
    }

    /// <summary>Marks index <paramref name="i"/> as present.</summary>
    /// <param name="i">An index in [0, size).</param>
    public void Set(long i)
    {
        ref var word = ref BottomWordForWrite(i >> 6);
        var wasEmpty = word == 0;
        word |= 1UL << (int)(i & 63);
        if (!wasEmpty)
        {
            return;
        }

        i >>= 6;
        for (var k = 0; k < _dense.Length; k++)
        {
            ref var w = ref UpperWordForWrite(k, i >> 6);
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
        // The words on the way up were non-zero (they had this bit), so their pages exist: "for write" allocates nothing.
        ref var word = ref BottomWordForWrite(i >> 6);
        word &= ~(1UL << (int)(i & 63));
        if (word != 0)
        {
            return;
        }

        i >>= 6;
        for (var k = 0; k < _dense.Length; k++)
        {
            ref var w = ref UpperWordForWrite(k, i >> 6);
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
        var k = 0; // 0 = bottom level, k > 0 = upper level k - 1
        var top = _wordCount.Length - 1;
        while (true)
        {
            var w = i >> 6;
            if (w >= _wordCount[k])
            {
                return -1;
            }

            var masked = Word(k, w) & (ulong.MaxValue << (int)(i & 63));
            if (masked != 0)
            {
                i = (w << 6) + BitOperations.TrailingZeroCount(masked);
                break;
            }

            if (k == top)
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
        var k = 0;
        var top = _wordCount.Length - 1;
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

            if (k == top)
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

    /// <summary>Word <paramref name="w"/> of level <paramref name="k"/> (0 = bottom); a page never set reads as zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Word(int k, long w)
    {
        if (k > 0)
        {
            var dense = _dense[k - 1];
            return (uint)(int)w < (uint)dense.Length ? dense[(int)w] : PagedWord(_paged[k - 1]!, w);
        }

        var bottom = _denseBottom;
        var index = (int)(w >> DensePageShift);
        if ((uint)index < (uint)bottom.Length)
        {
            var page = bottom[index];
            return page is null ? 0 : page[w & (DensePageWords - 1)];
        }

        return PagedWord(_sparseBottom!, w);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong PagedWord(PageMap<ulong> pages, long w)
    {
        var page = pages.Find(w >> SparsePageShift);
        return page is null ? 0 : page[w & (SparsePageWords - 1)];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref ulong BottomWordForWrite(long w)
    {
        var bottom = _denseBottom;
        var index = (int)(w >> DensePageShift);
        if ((uint)index < (uint)bottom.Length)
        {
            ref var page = ref bottom[index];
            page ??= new ulong[DensePageWords];
            return ref page[w & (DensePageWords - 1)];
        }

        return ref SparseWordForWrite(_sparseBottom!, w);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ref ulong SparseWordForWrite(PageMap<ulong> pages, long w) =>
        ref pages.GetOrAdd(w >> SparsePageShift)[w & (SparsePageWords - 1)];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref ulong UpperWordForWrite(int k, long w)
    {
        var dense = _dense[k];
        if ((uint)(int)w < (uint)dense.Length)
        {
            return ref dense[(int)w];
        }

        return ref SparseWordForWrite(_paged[k]!, w);
    }
}
