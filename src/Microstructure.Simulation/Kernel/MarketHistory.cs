using Microstructure.Agents.Market;

namespace Microstructure.Simulation.Kernel;

/// <summary>
/// The public state over the recent past: one snapshot per exchange time at which it changed, so an agent whose
/// data is one latency old sees exactly the state after every command that arrived up to then. Only a window as long
/// as the largest outbound delay (or the index lag, when longer) is kept (plus the last state before it).
/// </summary>
internal sealed class MarketHistory
{
    private MarketSnapshot[] _entries = new MarketSnapshot[256];
    private int _head;
    private int _count;

    /// <summary>Records the state at its exchange time (replacing a record for the same time).</summary>
    public void Record(in MarketSnapshot snapshot)
    {
        if (_count > 0)
        {
            ref var last = ref At(_count - 1);
            if (last.TimeNs == snapshot.TimeNs)
            {
                last = snapshot;
                return;
            }
        }

        if (_count == _entries.Length)
        {
            Grow();
        }

        At(_count++) = snapshot;
    }

    /// <summary>The state as of <paramref name="timeNs"/>: the last record at or before it, stamped with that time.</summary>
    public MarketSnapshot At(long timeNs)
    {
        int lo = 0, hi = _count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (At(mid).TimeNs <= timeNs)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found < 0 ? new MarketSnapshot { TimeNs = timeNs } : At(found) with { TimeNs = timeNs };
    }

    /// <summary>Drops records no query can need: those older than <paramref name="oldestQueryNs"/> except the last of them.</summary>
    public void Forget(long oldestQueryNs)
    {
        while (_count > 1 && At(1).TimeNs <= oldestQueryNs)
        {
            _head = (_head + 1) & (_entries.Length - 1);
            _count--;
        }
    }

    private ref MarketSnapshot At(int index) => ref _entries[(_head + index) & (_entries.Length - 1)];

    private void Grow()
    {
        var entries = new MarketSnapshot[_entries.Length * 2];
        for (int i = 0; i < _count; i++)
        {
            entries[i] = At(i);
        }

        _entries = entries;
        _head = 0;
    }
}
