namespace Microstructure.Engine.Matching;

/// <summary>
/// Untriggered stop orders of one side, kept sorted so the next one to trigger sits at the end of the array.
/// Buy stops (trigger when last ≥ stop) come out lowest stop price first; sell stops (trigger when last ≤ stop)
/// highest stop price first; equal stop prices come out in arrival order.
/// </summary>
/// <remarks>
/// The array starts small and doubles when full, never beyond the order pool's maximum (a stop holds a node, so
/// there are never more stops than that).
/// </remarks>
internal sealed class StopBook
{
    private const int InitialCapacity = 64;

    private readonly long _sign;
    private readonly int _maxCapacity;
    private OrderNode[] _nodes;
    private int[] _sorted;
    private int _count;

    public StopBook(Side side, OrderNode[] nodes, int maxCapacity)
    {
        _nodes = nodes;
        _maxCapacity = maxCapacity;
        _sorted = new int[Math.Min(InitialCapacity, maxCapacity)];

        // Rank key (ascending, best last): buy = -stop, sell = +stop; equal keys in reverse arrival order.
        _sign = side == Side.Buy ? -1 : 1;
    }

    public int Count => _count;

    /// <summary>Takes the node array after the order pool grew.</summary>
    public void Rebind(OrderNode[] nodes) => _nodes = nodes;

    /// <summary>The stop that would trigger next, or -1.</summary>
    public int Next => _count > 0 ? _sorted[_count - 1] : -1;

    /// <summary>The sort key of a stop: ascending, the next to trigger last.</summary>
    private long Key(int node) => _nodes[node].StopPriceOrDisplay * _sign;

    /// <summary>First position whose key is not below <paramref name="key"/>.</summary>
    private int LowerBound(long key)
    {
        int lo = 0, hi = _count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Key(_sorted[mid]) < key)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// Inserts a new stop in front of the stops with the same trigger price: they arrived earlier, so they stay
    /// nearer the end and trigger first. Arrival order needs no stored number.
    /// </summary>
    public void Add(int node)
    {
        if (_count == _sorted.Length)
        {
            Grow();
        }

        var pos = LowerBound(Key(node));
        if (pos < _count)
        {
            Array.Copy(_sorted, pos, _sorted, pos + 1, _count - pos);
        }

        _sorted[pos] = node;
        _count++;
    }

    public void Remove(int node)
    {
        var key = Key(node);
        var pos = LowerBound(key);
        while (pos < _count && _sorted[pos] != node && Key(_sorted[pos]) == key)
        {
            pos++;
        }

        if (pos == _count || _sorted[pos] != node)
        {
            ThrowHelper.ThrowInvalidOperation("Stop order not found in the stop book.");
        }

        if (pos < _count - 1)
        {
            Array.Copy(_sorted, pos + 1, _sorted, pos, _count - 1 - pos);
        }

        _count--;
    }

    public void RemoveNext() => _count--;

    private void Grow()
    {
        if (_sorted.Length >= _maxCapacity)
        {
            ThrowHelper.ThrowInvalidOperation("Stop book full: there cannot be more stops than order nodes.");
        }

        Array.Resize(ref _sorted, (int)Math.Min(_sorted.Length * 2L, _maxCapacity));
    }
}
