using System.Runtime.CompilerServices;

namespace Microstructure.Engine.Matching;

/// <summary>
/// One side of the book: price levels (from the <see cref="LevelPool"/> both sides share), each an intrusive FIFO
/// list of <see cref="OrderNode"/> indices. Levels are found by price through a <see cref="LevelDirectory"/> and kept in price order
/// by a hierarchical <see cref="PriceBitmap"/> over the instrument's price range; the best level is cached, so
/// best-price access is O(1) and adding or removing a level never shifts an array.
/// </summary>
internal sealed class BookSide
{
    private readonly LevelPool _pool;
    private readonly LevelDirectory _byPrice;
    private readonly PriceBitmap _bitmap;
    private readonly long _minPrice;
    private readonly bool _isBid;
    private OrderNode[] _nodes;
    private PriceLevel[] _levels;
    private int _count;
    private int _best = -1;

    public BookSide(Side side, OrderNode[] nodes, LevelPool pool, long minPrice, long maxPrice)
    {
        _nodes = nodes;
        _pool = pool;
        _levels = pool.Levels;
        _byPrice = new LevelDirectory(minPrice, maxPrice);
        _bitmap = new PriceBitmap(maxPrice - minPrice + 1);
        _minPrice = minPrice;
        _isBid = side == Side.Buy;
    }

    /// <summary>Takes the current arrays after the order pool or the level pool grew (same contents, longer).</summary>
    public void Rebind(OrderNode[] nodes)
    {
        _nodes = nodes;
        _levels = _pool.Levels;
    }

    /// <summary>Number of live price levels.</summary>
    public int LevelCount => _count;

    /// <summary>Index of the best level, or -1 when the side is empty.</summary>
    public int BestLevel
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _best;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref PriceLevel Level(int index) => ref _levels[index];

    /// <summary>The level a resting order <paramref name="n"/> is queued in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref PriceLevel LevelOf(ref OrderNode n) => ref _levels[_byPrice.Find(n.Price)];

    /// <summary>The next worse level after <paramref name="level"/>, or -1.</summary>
    public int NextLevel(int level)
    {
        var offset = _levels[level].Price - _minPrice;
        var next = _isBid ? _bitmap.FindPrevious(offset - 1) : _bitmap.FindNext(offset + 1);
        return next < 0 ? -1 : _byPrice.Find(next + _minPrice);
    }

    /// <summary>Index of the level at <paramref name="price"/>, or -1.</summary>
    public int Find(long price) => _byPrice.Find(price);

    /// <summary>Whether an order can rest at <paramref name="price"/>: its level exists, or the pool has a free one (without growing).</summary>
    public bool CanRestAt(long price) => _pool.HasFree || _byPrice.Find(price) >= 0;

    /// <summary>Appends <paramref name="node"/> (with its Price, Open and Visible set) at the back of its price level.</summary>
    public void Append(int node)
    {
        ref var n = ref _nodes[node];
        var level = _byPrice.Find(n.Price);
        if (level < 0)
        {
            level = CreateLevel(n.Price);
        }

        ref var l = ref _levels[level];
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

    private int CreateLevel(long price)
    {
        var level = _pool.Allocate(price);
        _byPrice.Add(price, level);
        _bitmap.Set(price - _minPrice);
        _count++;
        if (_best < 0 || (_isBid ? price > _levels[_best].Price : price < _levels[_best].Price))
        {
            _best = level;
        }

        return level;
    }

    /// <summary>Unlinks <paramref name="node"/> from its level, subtracting its Open and Visible; frees an emptied level.</summary>
    public void Remove(int node)
    {
        ref var n = ref _nodes[node];
        var level = _byPrice.Find(n.Price);
        ref var l = ref _levels[level];
        l.Visible -= n.Visible;
        l.Open -= n.Open;
        if (--l.Count == 0)
        {
            FreeLevel(level);
            return;
        }

        Unlink(ref n, ref l);
    }

    /// <summary>Moves <paramref name="node"/> to the back of its level (iceberg refresh); totals are the caller's job.</summary>
    public void MoveToBack(int node)
    {
        ref var n = ref _nodes[node];
        ref var l = ref LevelOf(ref n);
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

    private void FreeLevel(int level)
    {
        if (level == _best)
        {
            _best = NextLevel(level);
        }

        var price = _levels[level].Price;
        _byPrice.Remove(price);
        _bitmap.Clear(price - _minPrice);
        _count--;
        _pool.Release(level);
    }
}
