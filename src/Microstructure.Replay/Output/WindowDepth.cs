using Microstructure.Engine;
using Microstructure.Engine.Matching;

namespace Microstructure.Replay.Output;

/// <summary>Sums a book's visible lots over a price window: how impact that lasts shows in depth even when the mid recovers.</summary>
internal static class WindowDepth
{
    /// <summary>Lots on <paramref name="side"/> of <paramref name="book"/> at prices from the best down to <paramref name="worst"/> inclusive.</summary>
    /// <param name="book">The book.</param>
    /// <param name="side">The side.</param>
    /// <param name="worst">The window's worst price (0 = empty window).</param>
    /// <returns>The lots.</returns>
    public static long Sum(MatchingEngine book, Side side, long worst)
    {
        ArgumentNullException.ThrowIfNull(book);
        if (worst == 0)
        {
            return 0;
        }

        Span<L2Level> levels = stackalloc L2Level[64];
        var depth = levels.Length;
        while (true)
        {
            var buffer = depth == 64 ? levels : new L2Level[depth];
            var n = book.SnapshotL2(side, buffer);
            long sum = 0;
            for (var i = 0; i < n; i++)
            {
                var price = buffer[i].Price.Ticks;
                if (side == Side.Buy ? price < worst : price > worst)
                {
                    return sum;
                }

                sum += buffer[i].Quantity.Lots;
            }

            if (n < buffer.Length)
            {
                return sum;
            }

            depth *= 2;
        }
    }
}
