using Microstructure.Risk.Pricing;

namespace Microstructure.Risk.Liquidation.Desk;

/// <summary>
/// FIFO of liquidation tickets (a growable ring: allocates only while reaching its high-water mark). A breach ticket
/// is stamped with the earliest time it may be worked (its detection time + the processing delay); the head blocks the
/// queue until then, which keeps the order first in, first out.
/// </summary>
internal sealed class LiquidationQueue(MarketState market, long processingDelay)
{
    private LiquidationTicket[] _items = new LiquidationTicket[256];
    private int _head;
    private int _count;

    public int Count => _count;

    public void Enqueue(LiquidationTicket ticket)
    {
        ticket.NotBefore = ticket.Kind is TicketKind.Breach or TicketKind.PoolBreach ? market.Now + processingDelay : long.MinValue;
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

    /// <summary>Whether the head ticket may be worked at <paramref name="now"/>.</summary>
    public bool HeadIsDue(long now) => _count > 0 && _items[_head].NotBefore <= now;

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
