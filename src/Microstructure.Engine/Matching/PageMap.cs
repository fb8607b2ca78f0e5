using System.Numerics;
using System.Runtime.CompilerServices;

namespace Microstructure.Engine.Matching;

/// <summary>
/// The pages of a paged array over a wide long index range, allocated the first time they are written and kept: page
/// number → page. A range of at most <see cref="DirectLimit"/> pages is a direct table (slot = page number); a wider
/// one (a fine tick on a high price cap: 10¹² ticks are 1.6 × 10¹⁰ pages of 64) is an open-addressing hash table of
/// the pages actually touched, grown as they are, so memory follows where prices have been, never the range.
/// </summary>
/// <remarks>
/// Both forms share one lookup: slot = (page × multiplier) &gt;&gt; shift, with multiplier 1 and shift 0 for the direct
/// table (whose slots are keyed by their own number up front, so the key test always passes) and Fibonacci hashing
/// for the sparse one. A hit costs one read of a 16-byte entry before the page, as a plain page-pointer array's slot
/// would; only a collision or a miss takes the probing path. Pages are never freed. The level directory and the price
/// bitmap use it only past 2^27 ticks; below, their plain pointer arrays are smaller than any table.
/// </remarks>
/// <typeparam name="T">The page's element type.</typeparam>
internal sealed class PageMap<T>
    where T : struct
{
    /// <summary>Page counts up to this (64 KB of entries) use a direct table.</summary>
    internal const long DirectLimit = 1 << 12;

    private const int SparseInitialCapacity = 64;
    private const ulong Fibonacci = 0x9E3779B97F4A7C15UL;
    private const long NoKey = -1;

    private readonly int _pageLength;
    private readonly bool _direct;
    private Entry[] _entries;
    private readonly ulong _multiplier;
    private int _shift;
    private int _count;

    /// <summary>Creates an empty map of pages 0 … <paramref name="pageCount"/> − 1, each <paramref name="pageLength"/> long.</summary>
    public PageMap(long pageCount, int pageLength)
    {
        _pageLength = pageLength;
        _direct = pageCount <= DirectLimit;
        if (_direct)
        {
            _entries = new Entry[Math.Max(1, pageCount)];
            for (var i = 0; i < _entries.Length; i++)
            {
                _entries[i].Key = i;
            }

            _multiplier = 1;
            _shift = 0;
        }
        else
        {
            _entries = NewSparse(SparseInitialCapacity);
            _multiplier = Fibonacci;
            _shift = 64 - BitOperations.Log2(SparseInitialCapacity);
        }
    }

    /// <summary>Pages allocated so far.</summary>
    public int Count => _count;

    /// <summary>The page numbered <paramref name="page"/>, or null when it was never written.</summary>
    /// <remarks>
    /// Inlined whole, probing loop included, so that a caller's hot path holds no call: a direct table's slot always
    /// carries its own key (first iteration returns); a sparse one ends at the key or at an empty slot.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T[]? Find(long page)
    {
        var entries = _entries;
        var i = (int)(((ulong)page * _multiplier) >> _shift);
        while (true)
        {
            ref var e = ref entries[i];
            if (e.Key == page)
            {
                return e.Page;
            }

            if (e.Key == NoKey)
            {
                return null;
            }

            i = (i + 1) & (entries.Length - 1);
        }
    }

    /// <summary>The page numbered <paramref name="page"/>, allocated (zeroed) when it was never written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public T[] GetOrAdd(long page) => Find(page) ?? Add(page);

    private static Entry[] NewSparse(int capacity)
    {
        var entries = new Entry[capacity];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i].Key = NoKey;
        }

        return entries;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private T[] Add(long page)
    {
        var created = new T[_pageLength];
        if (_direct)
        {
            _entries[page].Page = created;
        }
        else
        {
            if ((_count + 1) * 2L > _entries.Length)
            {
                Grow();
            }

            Insert(_entries, page, created);
        }

        _count++;
        return created;
    }

    private void Insert(Entry[] entries, long page, T[] created)
    {
        var mask = entries.Length - 1;
        var i = (int)(((ulong)page * _multiplier) >> _shift);
        while (entries[i].Key != NoKey)
        {
            i = (i + 1) & mask;
        }

        entries[i].Key = page;
        entries[i].Page = created;
    }

    private void Grow()
    {
        var old = _entries;
        var grown = NewSparse(old.Length * 2);
        _shift--;
        foreach (ref readonly var e in old.AsSpan())
        {
            if (e.Key != NoKey)
            {
                Insert(grown, e.Key, e.Page!);
            }
        }

        _entries = grown;
    }

    private struct Entry
    {
        public long Key;
        public T[]? Page;
    }
}
