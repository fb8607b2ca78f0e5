using System.Numerics;

namespace Microstructure.Engine.Matching;

/// <summary>
/// A hierarchical bitset over price offsets (64-way fan-out): each bit of level k+1 says whether the matching word
/// of level k is non-zero. Set, clear and find-next/previous cost one word per level (at most 5 levels for 2^30
/// prices) and no branch-heavy search, so keeping price levels ordered is O(1) in practice with no shifting.
/// </summary>
/// <remarks>Public because the risk layer keys its liquidation-threshold index by price with the same structure.</remarks>
public sealed class PriceBitmap
{
    private readonly ulong[][] _levels;

    /// <summary>Creates an empty bitset over indices [0, <paramref name="size"/>).</summary>
    /// <param name="size">Number of indices (price offsets) the bitset covers.</param>
    public PriceBitmap(long size)
    {
        var list = new List<ulong[]>();
        var bits = Math.Max(1, size);
        do
        {
            var words = (bits + 63) >> 6;
            list.Add(new ulong[words]);
            bits = words;
        }
        while (bits > 1);

        _levels = list.ToArray();
    }

    /// <summary>Marks index <paramref name="i"/> as present.</summary>
    /// <param name="i">An index in [0, size).</param>
    public void Set(long i)
    {
        var levels = _levels;
        for (var k = 0; k < levels.Length; k++)
        {
            ref var word = ref levels[k][i >> 6];
            var wasEmpty = word == 0;
            word |= 1UL << (int)(i & 63);
            if (!wasEmpty)
            {
                return;
            }

            i >>= 6;
        }
    }

    /// <summary>Marks index <paramref name="i"/> as absent.</summary>
    /// <param name="i">An index in [0, size).</param>
    public void Clear(long i)
    {
        var levels = _levels;
        for (var k = 0; k < levels.Length; k++)
        {
            ref var word = ref levels[k][i >> 6];
            word &= ~(1UL << (int)(i & 63));
            if (word != 0)
            {
                return;
            }

            i >>= 6;
        }
    }

    /// <summary>Smallest set index ≥ <paramref name="i"/>, or -1.</summary>
    /// <param name="i">Where to start looking (inclusive).</param>
    /// <returns>The index found, or -1.</returns>
    public long FindNext(long i)
    {
        var levels = _levels;
        var k = 0;
        while (true)
        {
            var words = levels[k];
            var w = i >> 6;
            if (w >= words.Length)
            {
                return -1;
            }

            var masked = words[w] & (ulong.MaxValue << (int)(i & 63));
            if (masked != 0)
            {
                i = (w << 6) + BitOperations.TrailingZeroCount(masked);
                break;
            }

            if (k == levels.Length - 1)
            {
                return -1;
            }

            i = w + 1;
            k++;
        }

        while (k > 0)
        {
            k--;
            i = (i << 6) + BitOperations.TrailingZeroCount(levels[k][i]);
        }

        return i;
    }

    /// <summary>Largest set index ≤ <paramref name="i"/>, or -1.</summary>
    /// <param name="i">Where to start looking (inclusive).</param>
    /// <returns>The index found, or -1.</returns>
    public long FindPrevious(long i)
    {
        var levels = _levels;
        var k = 0;
        while (true)
        {
            if (i < 0)
            {
                return -1;
            }

            var w = i >> 6;
            var masked = levels[k][w] & (ulong.MaxValue >> (63 - (int)(i & 63)));
            if (masked != 0)
            {
                i = (w << 6) + 63 - BitOperations.LeadingZeroCount(masked);
                break;
            }

            if (k == levels.Length - 1)
            {
                return -1;
            }

            i = w - 1;
            k++;
        }

        while (k > 0)
        {
            k--;
            i = (i << 6) + 63 - BitOperations.LeadingZeroCount(levels[k][i]);
        }

        return i;
    }
}
