using System.Numerics;
using System.Runtime.CompilerServices;

namespace Microstructure.Engine.Matching;

/// <summary>
/// Order id → node index: open addressing (linear probing) over a table of node indices only, with the key read
/// from the node itself. Sized once to at least twice the order pool (load ≤ ½), never resized; backward-shift
/// deletion, so no tombstones.
/// </summary>
/// <remarks>
/// Storing 4-byte node indices instead of 16-byte (id, index) entries makes the table a quarter of the size, so far
/// more of it stays in cache; the id comparison reads the node, which a lookup was about to read anyway. A node's
/// <see cref="OrderNode.Id"/> must be set before it is added and must not change until it is removed.
/// </remarks>
internal sealed class OrderIndex
{
    private const int Empty = -1;

    private readonly OrderNode[] _nodes;
    private readonly int[] _slots;
    private readonly int _mask;
    private readonly int _shift;
    private int _count;

    public OrderIndex(OrderNode[] nodes)
    {
        _nodes = nodes;
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, nodes.Length * 2));
        _slots = new int[capacity];
        _slots.AsSpan().Fill(Empty);
        _mask = capacity - 1;
        _shift = 64 - BitOperations.Log2((uint)capacity);
    }

    public int Count => _count;

    /// <summary>The node of order <paramref name="id"/>, or -1.</summary>
    public int Get(long id)
    {
        var slots = _slots;
        var i = Home(id);
        while (true)
        {
            var node = slots[i];
            if (node == Empty || _nodes[node].Id == id)
            {
                return node;
            }

            i = (i + 1) & _mask;
        }
    }

    /// <summary>Adds <paramref name="node"/>, whose id is known to be absent.</summary>
    public void Add(int node)
    {
        var slots = _slots;
        var i = Home(_nodes[node].Id);
        while (slots[i] != Empty)
        {
            i = (i + 1) & _mask;
        }

        slots[i] = node;
        _count++;
    }

    /// <summary>Removes order <paramref name="id"/>; false if it is not there.</summary>
    public bool Remove(long id)
    {
        var slots = _slots;
        var mask = _mask;
        var i = Home(id);
        while (true)
        {
            var node = slots[i];
            if (node == Empty)
            {
                return false;
            }

            if (_nodes[node].Id == id)
            {
                break;
            }

            i = (i + 1) & mask;
        }

        // Backward-shift deletion: pull later members of the probe chain into the hole when their home slot
        // does not lie cyclically in (hole, j].
        var hole = i;
        var j = i;
        while (true)
        {
            j = (j + 1) & mask;
            var node = slots[j];
            if (node == Empty)
            {
                break;
            }

            var home = Home(_nodes[node].Id);
            var inRange = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
            if (!inRange)
            {
                slots[hole] = node;
                hole = j;
            }
        }

        slots[hole] = Empty;
        _count--;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(long id) => (int)(((ulong)id * 0x9E3779B97F4A7C15UL) >> _shift);
}
