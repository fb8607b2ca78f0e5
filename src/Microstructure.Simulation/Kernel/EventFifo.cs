namespace Microstructure.Simulation.Kernel;

/// <summary>
/// A first-in first-out ring of exchange events, each with a time (its delivery time in an agent's inbox; unused for
/// the exchange's pending output). Grows by doubling, never shrinks, so steady state allocates nothing.
/// </summary>
internal sealed class EventFifo
{
    private ExchangeEvent[] _events;
    private long[] _times;
    private int _head;
    private int _count;

    public EventFifo(int capacity = 16)
    {
        int size = 1;
        while (size < capacity)
        {
            size <<= 1;
        }

        _events = new ExchangeEvent[size];
        _times = new long[size];
    }

    public int Count => _count;

    /// <summary>The oldest event (the FIFO must not be empty).</summary>
    public ref readonly ExchangeEvent Peek => ref _events[_head];

    /// <summary>The oldest event's time (the FIFO must not be empty).</summary>
    public long PeekTime => _times[_head];

    public void Enqueue(in ExchangeEvent e, long time = 0)
    {
        if (_count == _events.Length)
        {
            Grow();
        }

        int at = (_head + _count) & (_events.Length - 1);
        _events[at] = e;
        _times[at] = time;
        _count++;
    }

    /// <summary>Drops the oldest event. Read it with <see cref="Peek"/> first; the slot stays valid until the next enqueue.</summary>
    public void Dequeue()
    {
        _head = (_head + 1) & (_events.Length - 1);
        _count--;
    }

    private void Grow()
    {
        var events = new ExchangeEvent[_events.Length * 2];
        var times = new long[_events.Length * 2];
        for (int i = 0; i < _count; i++)
        {
            int from = (_head + i) & (_events.Length - 1);
            events[i] = _events[from];
            times[i] = _times[from];
        }

        _events = events;
        _times = times;
        _head = 0;
    }
}
