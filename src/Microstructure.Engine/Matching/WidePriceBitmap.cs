using System.Numerics;

namespace Microstructure.Engine.Matching;

/// <summary>
/// The <see cref="PriceBitmap"/> of a range wider than 2^27 ticks (a fine tick: 10^11 ticks for 0.0001 under a 10M
/// cap), where set bits lie far apart — levels thousands of ticks from each other, the liquidation thresholds of a few
/// thousand accounts across a wide band — and a pointer array per level would be gigabytes. The same 64-way hierarchy,
/// but every level too large to keep whole (the bottom one always, an upper one past 2^15 words) has 16-word pages
/// (1,024 bits, 128 bytes) allocated when first set and found through a <see cref="PageMap{T}"/>, a hash table of the
/// pages touched: memory follows the bits set, never the range.
/// </summary>
internal sealed class WidePriceBitmap
{
    private const int PageShift = 4; // 16 words = 1,024 bits per page
    private const int PageWords = 1 << PageShift;

    /// <summary>Upper levels up to this many words (256 KB) are one array; larger ones are paged.</summary>
    private const long DenseWords = 1 << 15;

    private readonly PageMap<ulong> _bottom;

    // Upper level k (level k + 1 counting the bottom as 0) is _dense[k] when small, else (_dense[k] empty) pages in _paged[k].
    private readonly ulong[][] _dense;
    private readonly PageMap<ulong>?[] _paged;
    private readonly long[] _wordCount;

    /// <summary>Creates an empty bitset over indices [0, <paramref name="size"/>).</summary>
    /// <param name="size">Number of indices (price offsets) the bitset covers.</param>
    public WidePriceBitmap(long size)
    {
        var words = (Math.Max(1, size) + 63) >> 6;
        _bottom = new PageMap<ulong>(((words - 1) >> PageShift) + 1, PageWords);
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
                _dense[k] = [];
                _paged[k] = new PageMap<ulong>(((levelWords - 1) >> PageShift) + 1, PageWords);
            }
        }
    }

    /// <summary>Pages allocated so far, all levels.</summary>
    public int PageCount
    {
        get
        {
            var pages = _bottom.Count;
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
        ref var word = ref WordForWrite(_bottom, i >> 6);
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
        ref var word = ref WordForWrite(_bottom, i >> 6);
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
    private ulong Word(int k, long w)
    {
        if (k > 0)
        {
            var dense = _dense[k - 1];
            if ((uint)(int)w < (uint)dense.Length)
            {
                return dense[(int)w];
            }
        }

        var page = (k == 0 ? _bottom : _paged[k - 1]!).Find(w >> PageShift);
        return page is null ? 0 : page[w & (PageWords - 1)];
    }

    private static ref ulong WordForWrite(PageMap<ulong> pages, long w) =>
        ref pages.GetOrAdd(w >> PageShift)[w & (PageWords - 1)];

    private ref ulong UpperWordForWrite(int k, long w)
    {
        var dense = _dense[k];
        if ((uint)(int)w < (uint)dense.Length)
        {
            return ref dense[(int)w];
        }

        return ref WordForWrite(_paged[k]!, w);
    }
}
