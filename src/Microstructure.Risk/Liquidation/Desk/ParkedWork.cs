namespace Microstructure.Risk.Liquidation.Desk;

/// <summary>
/// Liquidation work waiting for a time (cool-downs, cap intervals, halts, vault unwind slices, retries). Small in
/// practice, so a list scanned once per command; due entries come out by due time, then in the order they were parked.
/// </summary>
internal sealed class ParkedWork
{
    private LiquidationTicket[] _tickets = new LiquidationTicket[64];
    private long[] _due = new long[64];
    private int _count;

    public int Count => _count;

    public void Add(in LiquidationTicket ticket, long due)
    {
        if (_count == _tickets.Length)
        {
            Array.Resize(ref _tickets, _tickets.Length * 2);
            Array.Resize(ref _due, _due.Length * 2);
        }

        _tickets[_count] = ticket;
        _due[_count] = due;
        _count++;
    }

    public bool Contains(int account, TicketKind kind)
    {
        for (int i = 0; i < _count; i++)
        {
            if (_tickets[i].Account == account && _tickets[i].Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Moves every entry due at or before <paramref name="now"/> to the queue, earliest first (stable).</summary>
    public void MoveDue(long now, LiquidationQueue queue)
    {
        while (_count > 0)
        {
            int pick = -1;
            for (int i = 0; i < _count; i++)
            {
                if (_due[i] <= now && (pick < 0 || _due[i] < _due[pick]))
                {
                    pick = i;
                }
            }

            if (pick < 0)
            {
                return;
            }

            queue.Enqueue(_tickets[pick]);
            for (int i = pick + 1; i < _count; i++)
            {
                _tickets[i - 1] = _tickets[i];
                _due[i - 1] = _due[i];
            }

            _count--;
        }
    }
}
