using System.Runtime.CompilerServices;

namespace Microstructure.Engine.Matching;

/// <summary>
/// One side of the book: pooled price levels, each an intrusive FIFO list of <see cref="OrderNode"/> indices, and a
/// sorted array of the live level indices. The array is kept with the <em>best</em> level at the end, so best-price
/// access is O(1) and inserting or removing a level near the top of the book (where almost all activity is) moves
/// only a few entries.
/// </summary>
internal sealed class BookSide
{
    private readonly OrderNode[] _nodes;
    private readonly PriceLevel[] _levels;
    private readonly int[] _sorted;
    private readonly long _sign;
    private int _count;
    private int _freeLevel;

    public BookSide(Side side, OrderNode[] nodes, int maxLevels)
    {
        _nodes = nodes;
        _levels = new PriceLevel[maxLevels];
        _sorted = new int[maxLevels];
        _sign = side == Side.Buy ? 1 : -1;
        for (var i = 0; i < maxLevels; i++)
        {
            _levels[i].Head = i + 1 < maxLevels ? i + 1 : -1;
        }

        _freeLevel = maxLevels > 0 ? 0 : -1;
    }

    /// <summary>Number of live price levels.</summary>
    public int LevelCount => _count;

    /// <summary>Index of the best level, or -1 when the side is empty.</summary>
    public int BestLevel
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _count > 0 ? _sorted[_count - 1] : -1;
    }

    /// <summary>The level at <paramref name="rank"/> (0 = best); rank must be below <see cref="LevelCount"/>.</summary>
    public int LevelAtRank(int rank) => _sorted[_count - 1 - rank];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref PriceLevel Level(int index) => ref _levels[index];

    /// <summary>Position of <paramref name="price"/> in the sorted array, or its bitwise complement insertion point.</summary>
    private int Search(long price)
    {
        var key = price * _sign;
        int lo = 0, hi = _count - 1;
        var sorted = _sorted;
        var levels = _levels;

        // Fast path: most lookups hit the best level.
        if (hi >= 0 && levels[sorted[hi]].Price * _sign <= key)
        {
            return levels[sorted[hi]].Price == price ? hi : ~(hi + 1);
        }

        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var midKey = levels[sorted[mid]].Price * _sign;
            if (midKey < key)
            {
                lo = mid + 1;
            }
            else if (midKey > key)
            {
                hi = mid - 1;
            }
            else
            {
                return mid;
            }
        }

        return ~lo;
    }

    /// <summary>Index of the level at <paramref name="price"/>, or -1.</summary>
    public int Find(long price)
    {
        var pos = Search(price);
        return pos >= 0 ? _sorted[pos] : -1;
    }

    /// <summary>Appends <paramref name="node"/> (with its Price, Open and Visible set) at the back of its price level.</summary>
    public void Append(int node)
    {
        ref var n = ref _nodes[node];
        var pos = Search(n.Price);
        int level;
        if (pos >= 0)
        {
            level = _sorted[pos];
        }
        else
        {
            level = CreateLevel(~pos, n.Price);
        }

        ref var l = ref _levels[level];
        n.Level = level;
        n.Next = -1;
        n.Prev = l.Tail;
        if (l.Tail >= 0)
        {
            _nodes[l.Tail].Next = node;
        }
        else
        {
            l.Head = node;
        }

        l.Tail = node;
        l.Count++;
        l.Visible += n.Visible;
        l.Open += n.Open;
    }

    private int CreateLevel(int insertAt, long price)
    {
        var level = _freeLevel;
        if (level < 0)
        {
            ThrowHelper.ThrowInvalidOperation("Price level pool exhausted.");
        }

        ref var l = ref _levels[level];
        _freeLevel = l.Head;
        l.Price = price;
        l.Head = -1;
        l.Tail = -1;
        l.Count = 0;
        l.Visible = 0;
        l.Open = 0;
        if (insertAt < _count)
        {
            Array.Copy(_sorted, insertAt, _sorted, insertAt + 1, _count - insertAt);
        }

        _sorted[insertAt] = level;
        _count++;
        return level;
    }

    /// <summary>Unlinks <paramref name="node"/> from its level, subtracting its Open and Visible; frees an emptied level.</summary>
    public void Remove(int node)
    {
        ref var n = ref _nodes[node];
        var level = n.Level;
        ref var l = ref _levels[level];
        l.Visible -= n.Visible;
        l.Open -= n.Open;
        if (--l.Count == 0)
        {
            FreeLevel(level, l.Price);
            return;
        }

        Unlink(ref n, ref l);
    }

    /// <summary>Moves <paramref name="node"/> to the back of its level (iceberg refresh); totals are the caller's job.</summary>
    public void MoveToBack(int node)
    {
        ref var n = ref _nodes[node];
        ref var l = ref _levels[n.Level];
        if (l.Tail == node)
        {
            return;
        }

        Unlink(ref n, ref l);
        n.Next = -1;
        n.Prev = l.Tail;
        _nodes[l.Tail].Next = node;
        l.Tail = node;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Unlink(ref OrderNode n, ref PriceLevel l)
    {
        if (n.Prev >= 0)
        {
            _nodes[n.Prev].Next = n.Next;
        }
        else
        {
            l.Head = n.Next;
        }

        if (n.Next >= 0)
        {
            _nodes[n.Next].Prev = n.Prev;
        }
        else
        {
            l.Tail = n.Prev;
        }
    }

    private void FreeLevel(int level, long price)
    {
        var pos = _sorted[_count - 1] == level ? _count - 1 : Search(price);
        if (pos < _count - 1)
        {
            Array.Copy(_sorted, pos + 1, _sorted, pos, _count - 1 - pos);
        }

        _count--;
        _levels[level].Head = _freeLevel;
        _freeLevel = level;
    }
}
