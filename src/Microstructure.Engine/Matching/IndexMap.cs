using System.Numerics;
using System.Runtime.CompilerServices;

namespace Microstructure.Engine.Matching;

/// <summary>
/// Open-addressing (linear probing) map from a <see langword="long"/> key (an order id, a price) to an int index
/// into an array, sized at construction to at least twice the expected number of entries and doubled (rehashed) by
/// <see cref="Add"/> whenever it would pass half full, so the load factor stays at or under one half; a map that
/// never holds more than it was created for never resizes. Removal uses backward-shift deletion, so there are no
/// tombstones and probe chains never degrade.
/// </summary>
/// <remarks>
/// Key and value sit side by side in one 16-byte entry: a lookup in a table larger than the cache costs one cache
/// miss, not two (separate key and value arrays cost one each). Public for the layers above (the risk layer's order
/// table and threshold buckets); the matching engine itself uses the leaner <see cref="OrderIndex"/>.
/// </remarks>
internal sealed class IndexMap
{
    private const int Empty = -1;

    /// <summary>
    /// Keys that differ only in their low <see cref="RunBits"/> bits share a hashed home and sit in consecutive slots
    /// after it: ids handed out in sequence and used in sequence (a ladder of resting orders being swept) then share
    /// cache lines (four 16-byte entries to a line) instead of costing a cache miss each.
    /// </summary>
    private const int RunBits = 2;

    private const ulong RunMask = (1UL << RunBits) - 1;

    /// <summary>The largest table: 2^30 entries (the largest power-of-two array .NET allows); load ½ holds up to 2^29 keys.</summary>
    private const int MaxTable = 1 << 30;

    private Entry[] _entries;
    private int _mask;
    private int _shift;
    private int _count;

    /// <summary>Keys ever added: a key outside them is answered without a probe.</summary>
    private KeyRange _added = KeyRange.Empty;

    /// <summary>Creates a map that holds <paramref name="expectedEntries"/> keys without resizing (and grows past that on demand).</summary>
    /// <param name="expectedEntries">Keys the map should hold before its first resize; at most 2^29.</param>
    public IndexMap(int expectedEntries)
    {
        _entries = CreateTable((int)BitOperations.RoundUpToPowerOf2((uint)Math.Clamp(expectedEntries * 2L, 16, MaxTable)));
    }

    /// <summary>Keys present.</summary>
    public int Count => _count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Slot(long key) => (int)(((((ulong)key >> RunBits) * 0x9E3779B97F4A7C15UL) >> _shift) + ((ulong)key & RunMask)) & _mask;

    /// <summary>The value of <paramref name="key"/>, or -1 when absent.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value, or -1.</returns>
    public int Get(long key)
    {
        if (!_added.MayContain(key))
        {
            return Empty;
        }

        var entries = _entries;
        var i = Slot(key);
        while (true)
        {
            ref var e = ref entries[i];
            if (e.Value == Empty || e.Key == key)
            {
                return e.Value;
            }

            i = (i + 1) & _mask;
        }
    }

    /// <summary>Adds a key known to be absent.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">Its value (not -1).</param>
    public void Add(long key, int value)
    {
        if ((_count + 1) * 2L > _entries.Length)
        {
            Grow();
        }

        _added.Include(key);

        var entries = _entries;
        var i = Slot(key);
        while (entries[i].Value != Empty)
        {
            i = (i + 1) & _mask;
        }

        entries[i].Key = key;
        entries[i].Value = value;
        _count++;
    }

    /// <summary>Removes <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>False when it was not present.</returns>
    public bool Remove(long key)
    {
        var entries = _entries;
        var mask = _mask;
        var i = Slot(key);
        while (true)
        {
            if (entries[i].Value == Empty)
            {
                return false;
            }

            if (entries[i].Key == key)
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
            if (entries[j].Value == Empty)
            {
                break;
            }

            var home = Slot(entries[j].Key);
            var inRange = hole <= j ? (home > hole && home <= j) : (home > hole || home <= j);
            if (!inRange)
            {
                entries[hole] = entries[j];
                hole = j;
            }
        }

        entries[hole].Value = Empty;
        entries[hole].Key = 0;
        _count--;
        return true;
    }

    private Entry[] CreateTable(int capacity)
    {
        var entries = new Entry[capacity];
        for (var i = 0; i < capacity; i++)
        {
            entries[i].Value = Empty;
        }

        _mask = capacity - 1;
        _shift = 64 - BitOperations.Log2((uint)capacity);
        return entries;
    }

    /// <summary>
    /// Doubles the table and re-inserts every key. The largest table instead fills past half (probes get longer) and
    /// refuses only when one empty slot is left, which every probe needs to end.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow()
    {
        if (_entries.Length >= MaxTable)
        {
            if (_count + 2 > MaxTable)
            {
                ThrowHelper.ThrowInvalidOperation($"IndexMap is full: at most {MaxTable - 1} keys.");
            }

            return;
        }

        var old = _entries;
        _entries = CreateTable(old.Length * 2);
        _count = 0;
        foreach (ref var e in old.AsSpan())
        {
            if (e.Value != Empty)
            {
                Add(e.Key, e.Value);
            }
        }
    }

    private struct Entry
    {
        public long Key;
        public int Value;
    }
}
