using Microstructure.Engine;

namespace Microstructure.Replay.Processing;

/// <summary>
/// Order-id spaces that cannot collide, all positive (the risk layer reserves ids ≤ 0 for its own liquidation
/// orders): historical venue ids in [1, 2⁶²), injected orders in [2⁶², 2⁶² + 2⁶⁰), a leveraged population's orders
/// in [2⁶² + 2⁶⁰, 2⁶² + 2⁶¹), and one placeholder per (side, price) — liquidity known only by its level total — in
/// [2⁶² + 2⁶¹, 2⁶³).
/// </summary>
internal static class ReplayOrderIds
{
    /// <summary>First id of the injected-order space; venue ids must be below it.</summary>
    public const long FirstInjected = 1L << 62;

    /// <summary>First id of the population's order space.</summary>
    public const long FirstPopulation = FirstInjected + (1L << 60);

    /// <summary>First id of the placeholder space.</summary>
    public const long FirstPlaceholder = FirstInjected + (1L << 61);

    /// <summary>The id of the <paramref name="n"/>-th injected order.</summary>
    /// <param name="n">0-based index of the injection.</param>
    /// <returns>Its order id.</returns>
    public static long Injected(long n) => FirstInjected + n;

    /// <summary>The id of the <paramref name="n"/>-th order a leveraged population sends.</summary>
    /// <param name="n">0-based index of the order.</param>
    /// <returns>Its order id.</returns>
    public static long Population(long n) => FirstPopulation + n;

    /// <summary>The id of the placeholder order holding the level-only liquidity at (<paramref name="side"/>, <paramref name="ticks"/>).</summary>
    /// <param name="side">Book side.</param>
    /// <param name="ticks">Price in ticks (positive, below 2⁶⁰).</param>
    /// <returns>An id unique to that level.</returns>
    public static long Placeholder(Side side, long ticks) => FirstPlaceholder + ((ticks << 1) | (long)side);

    /// <summary>True for an order of a leveraged population.</summary>
    /// <param name="id">An order id.</param>
    /// <returns>Whether it lies in the population space.</returns>
    public static bool IsPopulation(long id) => id is >= FirstPopulation and < FirstPlaceholder;

    /// <summary>True for a historical venue id.</summary>
    /// <param name="id">An order id.</param>
    /// <returns>Whether it lies in the venue space.</returns>
    public static bool IsVenue(long id) => id is > 0 and < FirstInjected;
}
