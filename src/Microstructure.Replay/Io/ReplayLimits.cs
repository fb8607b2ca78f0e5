using Microstructure.Engine.Matching;

namespace Microstructure.Replay.Io;

/// <summary>The largest prices and amounts a replayed book holds, checked where inputs are read so that a value past
/// them is a message naming the file and line (or the option), never an engine exception.</summary>
internal static class ReplayLimits
{
    /// <summary>Lots an L2 level (and so one amount of a feed) may hold: 2^50, about 10^15.</summary>
    public const long MaxLots = 1L << 50;

    /// <summary>The highest price in ticks a book's range may reach (prices run from tick 1): the engine's 2^62.</summary>
    public const long MaxPriceTicks = MatchingEngine.MaxPriceRange;

    /// <summary>The default highest price: four times <paramref name="ticks"/> (at least <paramref name="floor"/>), at most <see cref="MaxPriceTicks"/>.</summary>
    public static long DefaultMaxPrice(long ticks, long floor) => Math.Max(Math.Min(ticks, MaxPriceTicks / 4) * 4, floor);
}
