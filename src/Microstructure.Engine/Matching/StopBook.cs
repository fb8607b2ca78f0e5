namespace Microstructure.Engine.Matching;

/// <summary>
/// Untriggered stop orders of one side, kept sorted so the next one to trigger sits at the end of the array.
/// Buy stops (trigger when last ≥ stop) come out lowest stop price first; sell stops (trigger when last ≤ stop)
/// highest stop price first; equal stop prices come out in arrival order.
/// </summary>
internal sealed class StopBook
{
    private readonly OrderNode[] _nodes;
    private readonly int[] _sorted;
    private readonly long _sign;
    private int _count;

    public StopBook(Side side, OrderNode[] nodes, int capacity)
    {
        _nodes = nodes;
        _sorted = new int[capacity];

        // Rank key (ascending, best last): buy = -stop, sell = +stop; equal keys in reverse arrival order.
        _sign = side == Side.Buy ? -1 : 1;
    }

    public int Count => _count;

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
}
