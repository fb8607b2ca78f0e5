using System.Numerics;
using System.Runtime.CompilerServices;

namespace Microstructure.Engine.Matching;

/// <summary>
/// Order id → node index: open addressing (linear probing) over a table of node indices only, with the key read
/// from the node itself. Sized to at least twice the order pool (load ≤ ½) and rebuilt larger when the pool grows
/// (<see cref="Rebind"/>); backward-shift deletion, so no tombstones.
/// </summary>
/// <remarks>
/// Storing 4-byte node indices instead of 16-byte (id, index) entries makes the table a quarter of the size, so far
/// more of it stays in cache; the id comparison reads the node, which a lookup was about to read anyway. A node's
/// <see cref="OrderNode.Id"/> must be set before it is added and must not change until it is removed.
/// <para>An id outside the <see cref="KeyRange"/> of those ever added is answered without touching the table.</para>
/// </remarks>
internal sealed class OrderIndex
{
    private const int Empty = -1;

    private OrderNode[] _nodes;
    private int[] _slots;
    private int _mask;
    private int _shift;
    private int _count;

    private KeyRange _added = KeyRange.Empty;

    /// <summary>An empty index over <paramref name="nodes"/> (at most 2^29 of them, so the table fits 2^30 slots).</summary>
    public OrderIndex(OrderNode[] nodes)
    {
        _nodes = nodes;
        _slots = CreateTable(nodes.Length);
    }

    /// <summary>
    /// Takes the node array after the order pool grew (same nodes at the same indices, more of them) and, when the
    /// table would now be more than half full at the pool's size, rebuilds it twice as large or more.
    /// </summary>
    public void Rebind(OrderNode[] nodes)
    {
        _nodes = nodes;
        if (nodes.Length * 2L <= _slots.Length)
        {
            return;
        }

        var old = _slots;
        _slots = CreateTable(nodes.Length);
        _count = 0;
        foreach (var node in old)
        {
            if (node != Empty)
            {
                Add(node);
            }
        }
    }

    public int Count => _count;

    /// <summary>The node of order <paramref name="id"/>, or -1.</summary>
    public int Get(long id)
    {
        if (!_added.MayContain(id))
        {
            return Empty;
        }

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
        var id = _nodes[node].Id;
        _added.Include(id);
        var slots = _slots;
        var i = Home(id);
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

    private int[] CreateTable(int nodes)
    {
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, nodes * 2));
        var slots = new int[capacity];
        slots.AsSpan().Fill(Empty);
        _mask = capacity - 1;
        _shift = 64 - BitOperations.Log2((uint)capacity);
        return slots;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(long id) => (int)(((ulong)id * 0x9E3779B97F4A7C15UL) >> _shift);
}
