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
/// past 2^27 ticks for the first) is paged: 512-word pages (32,768 bits each) are allocated the first time a bit
/// inside them is set, and kept, and found through a <see cref="PageMap{T}"/>. A book whose prices stay in one region
/// costs a few kilobytes per level instead of one bit per tick of the instrument's whole range (12.5 MB per side for
/// 10^8 ticks, 125 GB for 10^12); the price of it is one small allocation when trading first reaches a new region.
/// Shared with the risk layer, which keys its liquidation-threshold index by price with the same structure.
/// </remarks>
internal sealed class PriceBitmap
{
    private const int PageShift = 9; // 512 words = 32,768 bits per page
    private const int PageWords = 1 << PageShift;

    /// <summary>Upper levels up to this many words (256 KB) are one array; larger ones are paged.</summary>
    private const long DenseWords = 1 << 15;

    private readonly PageMap<ulong> _bottom;
    private readonly ulong[]?[] _dense;
    private readonly PageMap<ulong>?[] _paged;
    private readonly long[] _wordCount;

    /// <summary>Creates an empty bitset over indices [0, <paramref name="size"/>).</summary>
    /// <param name="size">Number of indices (price offsets) the bitset covers.</param>
    public PriceBitmap(long size)
    {
        var words = (Math.Max(1, size) + 63) >> 6;
        _bottom = new PageMap<ulong>((words + PageWords - 1) >> PageShift, PageWords);
        var counts = new List<long> { words };
        var bits = words;
        while (bits > 1)
        {
            bits = (bits + 63) >> 6;
            counts.Add(bits);
        }

        _wordCount = counts.ToArray();

        // _dense[k] / _paged[k] hold upper level k (level k + 1 counting the bottom as 0).
        var upper = _wordCount.Length - 1;
        _dense = new ulong[]?[upper];
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
                _paged[k] = new PageMap<ulong>((levelWords + PageWords - 1) >> PageShift, PageWords);
            }
        }
    }

    /// <summary>Pages allocated so far, all levels (4 KB each).</summary>
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
        ref var word = ref _bottom.GetOrAdd(i >> (6 + PageShift))[(i >> 6) & (PageWords - 1)];
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
        ref var word = ref _bottom.Find(i >> (6 + PageShift))![(i >> 6) & (PageWords - 1)];
        word &= ~(1UL << (int)(i & 63));
        if (word != 0)
        {
            return;
        }

        i >>= 6;
        for (var k = 0; k < _dense.Length; k++)
        {
            // The word was non-zero (it had this bit), so its page exists.
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
        var pages = _bottom;
        if (k > 0)
        {
            var dense = _dense[k - 1];
            if (dense is not null)
            {
                return dense[w];
            }

            pages = _paged[k - 1]!;
        }

        var page = pages.Find(w >> PageShift);
        return page is null ? 0 : page[w & (PageWords - 1)];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref ulong UpperWordForWrite(int k, long w)
    {
        var dense = _dense[k];
        if (dense is not null)
        {
            return ref dense[w];
        }

        return ref _paged[k]!.GetOrAdd(w >> PageShift)[w & (PageWords - 1)];
    }
}
