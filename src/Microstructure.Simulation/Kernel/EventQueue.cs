using System.Runtime.CompilerServices;

namespace Microstructure.Simulation.Kernel;

/// <summary>
/// A 4-ary min-heap of <see cref="ScheduledItem"/> ordered by (time, order): the far part of the kernel's
/// <see cref="CalendarQueue"/> (items more than about 4 s ahead), and the reference its tests compare it with. Four
/// children per node halve the depth of a binary heap, and the four siblings share a cache line or two, so a pop costs
/// fewer cache misses. Grows by doubling; never shrinks.
/// </summary>
internal sealed class EventQueue
{
    private ScheduledItem[] _items = new ScheduledItem[1024];
    private int _count;

    public int Count => _count;

    /// <summary>Time of the earliest item (the queue must not be empty).</summary>
    public long PeekTime => _items[0].Time;

    public void Push(in ScheduledItem item)
    {
        if (_count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        var items = _items;
        int i = _count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 2;
            if (!Less(in item, in items[parent]))
            {
                break;
            }

            items[i] = items[parent];
            i = parent;
        }

        items[i] = item;
    }

    public ScheduledItem Pop()
    {
        var items = _items;
        var top = items[0];
        int n = --_count;
        if (n > 0)
        {
            SiftDown(items[n], n);
        }

        return top;
    }

    private void SiftDown(ScheduledItem item, int n)
    {
        var items = _items;
        int i = 0;
        while (true)
        {
            int first = (i << 2) + 1;
            if (first >= n)
            {
                break;
            }

            int best = first;
            int last = Math.Min(first + 4, n);
            for (int c = first + 1; c < last; c++)
            {
                if (Less(in items[c], in items[best]))
                {
                    best = c;
                }
            }

            if (!Less(in items[best], in item))
            {
                break;
            }

            items[i] = items[best];
            i = best;
        }

        items[i] = item;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Less(in ScheduledItem a, in ScheduledItem b) =>
        a.Time < b.Time || (a.Time == b.Time && a.Order < b.Order);
}
