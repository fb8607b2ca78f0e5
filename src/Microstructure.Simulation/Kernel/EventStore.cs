namespace Microstructure.Simulation.Kernel;

/// <summary>
/// The exchange's events as the kernel reads them back: written in order by the exchange port, read once by the
/// kernel (observer, tape, routing), and kept until every agent it was routed to has had it delivered. Inboxes hold
/// an event's index here, not a copy of the 272-byte event. Indices are absolute (0, 1, 2, … in write order); a ring
/// that grows by doubling and never shrinks, so steady state allocates nothing.
/// </summary>
/// <remarks>
/// Slots between the oldest kept event and the next one to read may still be held by inboxes; an event is dropped
/// once it was read and no inbox holds it, oldest first. References from the indexer stay valid until the next
/// <see cref="Enqueue"/> (which may grow the ring); agents' calls never enqueue (only the exchange port does).
/// </remarks>
internal sealed class EventStore
{
    private ExchangeEvent[] _events;
    private int[] _holds;
    private long _head;
    private long _read;
    private long _tail;

    public EventStore(int capacity = 16)
    {
        int size = 1;
        while (size < capacity)
        {
            size <<= 1;
        }

        _events = new ExchangeEvent[size];
        _holds = new int[size];
    }

    /// <summary>Events written and not read yet.</summary>
    public int Unread => (int)(_tail - _read);

    /// <summary>Index of the next event to read (<see cref="Unread"/> must be positive for it to exist).</summary>
    public long NextIndex => _read;

    /// <summary>The event at an index that is still kept.</summary>
    public ref readonly ExchangeEvent this[long index] => ref _events[(int)index & (_events.Length - 1)];

    /// <summary>Appends an event written by the exchange.</summary>
    public void Enqueue(in ExchangeEvent e)
    {
        if (_tail - _head == _events.Length)
        {
            Grow();
        }

        int at = (int)_tail & (_events.Length - 1);
        _events[at] = e;
        _holds[at] = 0;
        _tail++;
    }

    /// <summary>Marks the next event read; it is dropped as soon as no inbox holds it.</summary>
    public void MarkRead()
    {
        _read++;
        Trim();
    }

    /// <summary>An inbox keeps the event at <paramref name="index"/> until it <see cref="Release"/>s it.</summary>
    public void Hold(long index) => _holds[(int)index & (_events.Length - 1)]++;

    /// <summary>An inbox is done with the event at <paramref name="index"/>.</summary>
    public void Release(long index)
    {
        _holds[(int)index & (_events.Length - 1)]--;
        Trim();
    }

    private void Trim()
    {
        int mask = _events.Length - 1;
        while (_head < _read && _holds[(int)_head & mask] == 0)
        {
            _head++;
        }
    }

    private void Grow()
    {
        int oldMask = _events.Length - 1;
        var events = new ExchangeEvent[_events.Length * 2];
        var holds = new int[_events.Length * 2];
        int newMask = events.Length - 1;
        for (long i = _head; i < _tail; i++)
        {
            events[(int)i & newMask] = _events[(int)i & oldMask];
            holds[(int)i & newMask] = _holds[(int)i & oldMask];
        }

        _events = events;
        _holds = holds;
    }
}
