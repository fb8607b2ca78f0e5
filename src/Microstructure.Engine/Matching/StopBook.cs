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

        // Rank key (ascending, best last): buy = (-stop, -arrival); sell = (+stop, -arrival).
        _sign = side == Side.Buy ? -1 : 1;
    }

    public int Count => _count;

    /// <summary>The stop that would trigger next, or -1.</summary>
    public int Next => _count > 0 ? _sorted[_count - 1] : -1;

    private int Compare(int a, int b)
    {
        ref var x = ref _nodes[a];
        ref var y = ref _nodes[b];
        var c = (x.StopPriceOrDisplay * _sign).CompareTo(y.StopPriceOrDisplay * _sign);
        return c != 0 ? c : y.Arrival.CompareTo(x.Arrival);
    }

    private int Search(int node)
    {
        int lo = 0, hi = _count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var c = Compare(_sorted[mid], node);
            if (c < 0)
            {
                lo = mid + 1;
            }
            else if (c > 0)
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

    public void Add(int node)
    {
        var pos = ~Search(node);
        if (pos < _count)
        {
            Array.Copy(_sorted, pos, _sorted, pos + 1, _count - pos);
        }

        _sorted[pos] = node;
        _count++;
    }

    public void Remove(int node)
    {
        var pos = Search(node);
        if (pos < 0)
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
