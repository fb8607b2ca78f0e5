using System.Numerics;
using System.Runtime.CompilerServices;

namespace Microstructure.Engine.Matching;

/// <summary>
/// Open-addressing (linear probing) map from order id to node index, sized once at construction to at least twice
/// the maximum number of live orders, so the load factor stays at or under one half and nothing is ever resized.
/// Removal uses backward-shift deletion, so there are no tombstones and probe chains never degrade.
/// </summary>
/// <remarks>Public because the risk layer maps order ids and threshold prices with the same structure.</remarks>
public sealed class OrderIdMap
{
    private const int Empty = -1;

    private readonly long[] _keys;
    private readonly int[] _values;
    private readonly int _mask;
    private readonly int _shift;
    private int _count;

    /// <summary>Creates a map that holds up to <paramref name="maxEntries"/> keys without resizing.</summary>
    /// <param name="maxEntries">The most keys that will ever be present at once.</param>
    public OrderIdMap(int maxEntries)
    {
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, maxEntries * 2));
        _keys = new long[capacity];
        _values = new int[capacity];
        Array.Fill(_values, Empty);
        _mask = capacity - 1;
        _shift = 64 - BitOperations.Log2((uint)capacity);
    }

    /// <summary>Number of keys present.</summary>
    public int Count => _count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>The value of <paramref name="key"/>, or -1 when absent.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value (≥ 0), or -1.</returns>
    public int Get(long key)
    {
        var keys = _keys;
        var values = _values;
        var i = Slot(key);
        while (true)
        {
            var v = values[i];
            if (v == Empty || keys[i] == key)
            {
                return v;
            }

            i = (i + 1) & _mask;
        }
    }

    /// <summary>Adds a key known to be absent.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">Its value, ≥ 0.</param>
    public void Add(long key, int value)
    {
        var i = Slot(key);
        while (_values[i] != Empty)
        {
            i = (i + 1) & _mask;
        }

        _keys[i] = key;
        _values[i] = value;
        _count++;
    }

    /// <summary>Updates the value of a key known to be present.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">Its new value, ≥ 0.</param>
    public void Set(long key, int value)
    {
        var i = Slot(key);
        while (_keys[i] != key || _values[i] == Empty)
        {
            i = (i + 1) & _mask;
        }

        _values[i] = value;
    }

    /// <summary>Removes <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>True when the key was present.</returns>
    public bool Remove(long key)
    {
        var keys = _keys;
        var values = _values;
        var mask = _mask;
        var i = Slot(key);
        while (true)
        {
            if (values[i] == Empty)
            {
                return false;
            }

            if (keys[i] == key)
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
            if (values[j] == Empty)
            {
                break;
            }

            var home = Slot(keys[j]);
            var inRange = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
            if (!inRange)
            {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }

        values[hole] = Empty;
        keys[hole] = 0;
        _count--;
        return true;
    }
}
