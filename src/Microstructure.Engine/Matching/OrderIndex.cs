using System.Numerics;
using System.Runtime.CompilerServices;

namespace Microstructure.Engine.Matching;

/// <summary>
/// Order id → node index: open addressing (linear probing) over a table of node indices only, with the key read
/// from the node itself. The table in use is sized to the orders actually indexed (at least twice as many slots,
/// load ≤ ½), not to the pool: it doubles in place as the book grows, inside an array allocated once for the
/// pool's size (twice its nodes), and is rebuilt larger when the pool grows (<see cref="Rebind"/>). Backward-shift
/// deletion, so no tombstones.
/// </summary>
/// <remarks>
/// Storing 4-byte node indices instead of 16-byte (id, index) entries makes the table a quarter of the size, so far
/// more of it stays in cache; the id comparison reads the node, which a lookup was about to read anyway. Sizing the
/// table in use to the live orders rather than to the pool keeps it in the L1 cache for a book of a few thousand
/// orders in an engine reserved for many more (exchange-core's mix: 1,000 orders, 16,384 reserved — 8 KB of slots
/// in use instead of 128 KB; the lookup was the engine's hottest cache miss). A node's <see cref="OrderNode.Id"/>
/// must be set before it is added and must not change until it is removed; <see cref="OrderNode.Indexed"/> marks
/// the nodes in the index, so a growth step rebuilds from the nodes without a second table.
/// </remarks>
internal sealed class OrderIndex
{
    private const int Empty = -1;

    /// <summary>Slots in use at first (grows by doubling while the index is more than half full).</summary>
    private const int MinimumActive = 64;

    private OrderNode[] _nodes;
    private int[] _slots;
    private int _active;
    private int _mask;
    private int _shift;
    private int _count;

    /// <summary>An empty index over <paramref name="nodes"/> (at most 2^29 of them, so the table fits 2^30 slots).</summary>
    public OrderIndex(OrderNode[] nodes)
    {
        _nodes = nodes;
        _slots = CreateTable(nodes.Length);
        SetActive(Math.Min(MinimumActive, _slots.Length));
        _slots.AsSpan(0, _active).Fill(Empty);
    }

    /// <summary>
    /// Takes the node array after the order pool grew (same nodes at the same indices, more of them) and, when the
    /// table could not hold the pool at load ½, allocates one twice the pool's size and rebuilds the index in it.
    /// </summary>
    public void Rebind(OrderNode[] nodes)
    {
        _nodes = nodes;
        if (nodes.Length * 2L <= _slots.Length)
        {
            return;
        }

        _slots = CreateTable(nodes.Length);
        Rebuild(_active);
    }

    public int Count => _count;

    /// <summary>Slots of the table in use (a power of two, at least twice <see cref="Count"/>).</summary>
    internal int ActiveSlots => _active;

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
        if ((_count + 1) * 2L > _active && _active < _slots.Length)
        {
            Rebuild(_active * 2);
        }

        Insert(node);
        _nodes[node].Indexed = true;
        _count++;
    }

    /// <summary>Removes order <paramref name="id"/>; false if it is not there.</summary>
    public bool Remove(long id)
    {
        var slots = _slots;
        var mask = _mask;
        var i = Home(id);
        int removed;
        while (true)
        {
            removed = slots[i];
            if (removed == Empty)
            {
                return false;
            }

            if (_nodes[removed].Id == id)
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
        _nodes[removed].Indexed = false;
        _count--;
        return true;
    }

    private void Insert(int node)
    {
        var slots = _slots;
        var i = Home(_nodes[node].Id);
        while (slots[i] != Empty)
        {
            i = (i + 1) & _mask;
        }

        slots[i] = node;
    }

    /// <summary>Makes the first <paramref name="active"/> slots the table and re-inserts every indexed node.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Rebuild(int active)
    {
        SetActive(Math.Min(active, _slots.Length));
        _slots.AsSpan(0, _active).Fill(Empty);
        var nodes = _nodes;
        for (var n = 0; n < nodes.Length; n++)
        {
            if (nodes[n].Indexed)
            {
                Insert(n);
            }
        }
    }

    private void SetActive(int active)
    {
        _active = active;
        _mask = active - 1;
        _shift = 64 - BitOperations.Log2((uint)active);
    }

    private static int[] CreateTable(int nodes) =>
        new int[(int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, nodes * 2))];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Home(long id) => (int)(((ulong)id * 0x9E3779B97F4A7C15UL) >> _shift);
}
