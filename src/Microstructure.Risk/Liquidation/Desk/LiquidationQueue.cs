namespace Microstructure.Risk.Liquidation.Desk;

/// <summary>FIFO of liquidation tickets (a growable ring: allocates only while reaching its high-water mark).</summary>
internal sealed class LiquidationQueue
{
    private LiquidationTicket[] _items = new LiquidationTicket[256];
    private int _head;
    private int _count;

    public int Count => _count;

    public void Enqueue(in LiquidationTicket ticket)
    {
        if (_count == _items.Length)
        {
            var bigger = new LiquidationTicket[_items.Length * 2];
            for (int i = 0; i < _count; i++)
            {
                bigger[i] = _items[(_head + i) & (_items.Length - 1)];
            }

            _items = bigger;
            _head = 0;
        }

        _items[(_head + _count) & (_items.Length - 1)] = ticket;
        _count++;
    }

    public bool TryDequeue(out LiquidationTicket ticket)
    {
        if (_count == 0)
        {
            ticket = default;
            return false;
        }

        ticket = _items[_head];
        _head = (_head + 1) & (_items.Length - 1);
        _count--;
        return true;
    }
}
