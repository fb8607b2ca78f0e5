namespace Microstructure.Simulation.Kernel;

/// <summary>
/// One agent's pending deliveries, first in first out: each an index into the kernel's <see cref="EventStore"/> and
/// its delivery time. Grows by doubling, never shrinks, so steady state allocates nothing.
/// </summary>
internal sealed class Inbox
{
    private Entry[] _entries = new Entry[8];
    private int _head;
    private int _count;

    public int Count => _count;

    /// <summary>The oldest entry's event index (the inbox must not be empty).</summary>
    public long PeekIndex => _entries[_head].Index;

    /// <summary>The oldest entry's delivery time (the inbox must not be empty).</summary>
    public long PeekTime => _entries[_head].Time;

    public void Enqueue(long index, long time)
    {
        if (_count == _entries.Length)
        {
            Grow();
        }

        _entries[(_head + _count) & (_entries.Length - 1)] = new Entry(index, time);
        _count++;
    }

    public void Dequeue()
    {
        _head = (_head + 1) & (_entries.Length - 1);
        _count--;
    }

    private void Grow()
    {
        var entries = new Entry[_entries.Length * 2];
        for (int i = 0; i < _count; i++)
        {
            entries[i] = _entries[(_head + i) & (_entries.Length - 1)];
        }

        _entries = entries;
        _head = 0;
    }

    private readonly record struct Entry(long Index, long Time);
}
