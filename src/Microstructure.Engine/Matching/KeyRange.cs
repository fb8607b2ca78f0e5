using System.Runtime.CompilerServices;

namespace Microstructure.Engine.Matching;

/// <summary>
/// The smallest and largest key a map has ever been given (never lowered by removals: they only bound what can be
/// present). A key outside them was never added, so a map can answer "absent" without a probe, which in a table
/// larger than the cache is a miss at a random slot. Ids are handed out in increasing order, so a new order's id — the
/// duplicate check every new order pays — always lies beyond them (issue 16).
/// </summary>
internal struct KeyRange
{
    private long _min;
    private long _max;

    /// <summary>A range that holds nothing yet.</summary>
    public static KeyRange Empty => new() { _min = long.MaxValue, _max = long.MinValue };

    /// <summary>Widens the range to take <paramref name="key"/>.</summary>
    public void Include(long key)
    {
        _min = Math.Min(_min, key);
        _max = Math.Max(_max, key);
    }

    /// <summary>False when <paramref name="key"/> was certainly never included.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool MayContain(long key) => key >= _min && key <= _max;
}
