namespace Microstructure.Risk.Liquidation.Desk;

/// <summary>
/// What the insurance fund holds, by the liquidation it took each part over from, oldest first: its unwinds sell the
/// oldest part first, so that their fills are credited to that liquidation. A growable array with a head index — it
/// allocates only while reaching its high-water mark, and is emptied whenever the fund is flat.
/// </summary>
internal sealed class FundHoldings
{
    private (long LiquidationId, long Lots)[] _items = new (long, long)[64];
    private int _head;
    private int _tail;

    /// <summary>Parts still held.</summary>
    public int Count => _tail - _head;

    /// <summary>The oldest part (call only when <see cref="Count"/> &gt; 0).</summary>
    public (long LiquidationId, long Lots) Oldest => _items[_head];

    /// <summary>Records a takeover of <paramref name="lots"/> (&gt; 0) from liquidation <paramref name="liquidationId"/>.</summary>
    public void Add(long liquidationId, long lots)
    {
        if (_tail == _items.Length)
        {
            if (_head > 0)
            {
                Array.Copy(_items, _head, _items, 0, Count);
                _tail -= _head;
                _head = 0;
            }
            else
            {
                Array.Resize(ref _items, _items.Length * 2);
            }
        }

        _items[_tail++] = (liquidationId, lots);
    }

    /// <summary>Takes <paramref name="lots"/> sold off the oldest parts, oldest first.</summary>
    public void Consume(long lots)
    {
        while (lots > 0 && Count > 0)
        {
            ref var oldest = ref _items[_head];
            long take = Math.Min(lots, oldest.Lots);
            oldest.Lots -= take;
            lots -= take;
            if (oldest.Lots == 0)
            {
                _head++;
            }
        }

        if (Count == 0)
        {
            Clear();
        }
    }

    /// <summary>Forgets every part (the fund is flat, or deleveraged what it held).</summary>
    public void Clear()
    {
        _head = 0;
        _tail = 0;
    }
}
