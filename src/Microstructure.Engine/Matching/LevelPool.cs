namespace Microstructure.Engine.Matching;

/// <summary>
/// The price levels of both sides of a book, in one pool with one free list. (Each side finds its levels by price in
/// its own <see cref="LevelDirectory"/>.) The pool starts small and grows by doubling, on demand, up to its maximum.
/// </summary>
/// <remarks>
/// One pool for both sides rather than one per side: a book can never hold more levels than resting orders, so a
/// shared pool of that size always suffices, where per-side pools would each need it (twice the memory). The pool
/// may also be limited below the number of orders (<c>maxPriceLevels</c>); the engine checks <see cref="HasFree"/>
/// (and then <see cref="TryGrow"/>) before anything would need a new level and refuses the command instead.
/// Growing replaces <see cref="Levels"/>: whoever caches the array must take the new one (the engine rebinds both
/// sides), and no <c>ref</c> into the old array may be held across a call that can grow.
/// </remarks>
internal sealed class LevelPool
{
    private readonly int _maxCapacity;
    private PriceLevel[] _levels;
    private int _free;
    private int _inUse;

    /// <summary>Creates a pool of <paramref name="initialCapacity"/> levels that may grow to <paramref name="maxCapacity"/>.</summary>
    public LevelPool(int initialCapacity, int maxCapacity)
    {
        _maxCapacity = maxCapacity;
        _levels = [];
        _free = -1;
        Extend(Math.Min(initialCapacity, maxCapacity));
    }

    /// <summary>The pooled levels, indexed by level number (replaced when the pool grows).</summary>
    public PriceLevel[] Levels => _levels;

    /// <summary>Levels the pool holds now (in use or free).</summary>
    public int Capacity => _levels.Length;

    /// <summary>Whether a new level can be created without growing.</summary>
    public bool HasFree => _free >= 0;

    /// <summary>Levels in use on both sides.</summary>
    public int InUse => _inUse;

    /// <summary>Doubles the pool (at most to its maximum); false when it is already at its maximum.</summary>
    public bool TryGrow()
    {
        if (_levels.Length >= _maxCapacity)
        {
            return false;
        }

        Extend((int)Math.Min(Math.Max(16L, _levels.Length * 2L), _maxCapacity));
        return true;
    }

    /// <summary>Takes a free level for <paramref name="price"/>, empty; the caller checked <see cref="HasFree"/>.</summary>
    public int Allocate(long price)
    {
        var level = _free;
        if (level < 0)
        {
            ThrowHelper.ThrowInvalidOperation("Price level pool exhausted: the engine must refuse a command before it needs a new level.");
        }

        ref var l = ref _levels[level];
        _free = l.Head;
        l.Price = price;
        l.Head = -1;
        l.Tail = -1;
        l.Count = 0;
        l.Visible = 0;
        l.Open = 0;
        _inUse++;
        return level;
    }

    /// <summary>Returns an emptied level to the pool.</summary>
    public void Release(int level)
    {
        _levels[level].Head = _free;
        _free = level;
        _inUse--;
    }

    /// <summary>Copies the levels into an array of <paramref name="capacity"/> and puts the new ones on the free list.</summary>
    private void Extend(int capacity)
    {
        var old = _levels.Length;
        var levels = new PriceLevel[capacity];
        Array.Copy(_levels, levels, old);
        for (var i = old; i < capacity; i++)
        {
            levels[i].Head = i + 1 < capacity ? i + 1 : _free;
        }

        if (capacity > old)
        {
            _free = old;
        }

        _levels = levels;
    }
}
