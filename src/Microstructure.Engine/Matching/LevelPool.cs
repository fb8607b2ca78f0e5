namespace Microstructure.Engine.Matching;

/// <summary>
/// The price levels of both sides of a book, in one pre-allocated pool with one free list. (Each side finds its
/// levels by price in its own <see cref="LevelDirectory"/>.)
/// </summary>
/// <remarks>
/// One pool for both sides rather than one per side: a book can never hold more levels than resting orders, so a
/// shared pool of that size always suffices, where per-side pools would each need it (twice the memory). The pool
/// may also be sized below the number of orders (<c>maxPriceLevels</c>); the engine then checks
/// <see cref="HasFree"/> before anything would need a new level and refuses the command instead.
/// </remarks>
internal sealed class LevelPool
{
    private readonly PriceLevel[] _levels;
    private int _free;
    private int _inUse;

    public LevelPool(int capacity)
    {
        _levels = new PriceLevel[capacity];
        for (var i = 0; i < capacity; i++)
        {
            _levels[i].Head = i + 1 < capacity ? i + 1 : -1;
        }

        _free = capacity > 0 ? 0 : -1;
    }

    /// <summary>The pooled levels, indexed by level number.</summary>
    public PriceLevel[] Levels => _levels;

    /// <summary>Whether a new level can be created.</summary>
    public bool HasFree => _free >= 0;

    /// <summary>Levels in use on both sides.</summary>
    public int InUse => _inUse;

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
}
