using Microstructure.Engine;

namespace Microstructure.Replay.Processing;

/// <summary>
/// Order-id spaces that cannot collide: historical venue ids in [1, 2⁶²), injected orders from 2⁶² up, and one
/// placeholder per (side, price) — liquidity known only by its level total — at negative ids.
/// </summary>
public static class ReplayOrderIds
{
    /// <summary>First id of the injected-order space; venue ids must be below it.</summary>
    public const long FirstInjected = 1L << 62;

    /// <summary>The id of the <paramref name="n"/>-th injected order.</summary>
    /// <param name="n">0-based index of the injection.</param>
    /// <returns>Its order id.</returns>
    public static long Injected(long n) => FirstInjected + n;

    /// <summary>The id of the placeholder order holding the level-only liquidity at (<paramref name="side"/>, <paramref name="ticks"/>).</summary>
    /// <param name="side">Book side.</param>
    /// <param name="ticks">Price in ticks (positive, below 2⁶¹).</param>
    /// <returns>A negative id unique to that level.</returns>
    public static long Placeholder(Side side, long ticks) => -((ticks << 1) | (long)side) - 1;

    /// <summary>True for a placeholder id.</summary>
    /// <param name="id">An order id.</param>
    /// <returns>Whether it is a placeholder.</returns>
    public static bool IsPlaceholder(long id) => id < 0;

    /// <summary>True for a historical venue id.</summary>
    /// <param name="id">An order id.</param>
    /// <returns>Whether it lies in the venue space.</returns>
    public static bool IsVenue(long id) => id is > 0 and < FirstInjected;
}
