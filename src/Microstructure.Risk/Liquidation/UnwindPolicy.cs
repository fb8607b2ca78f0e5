namespace Microstructure.Risk.Liquidation;

/// <summary>
/// How a holder of taken-over positions (the insurance fund, the backstop vault) works them back into the book: one
/// IOC limit order every <see cref="Interval"/> ns after a <see cref="CoolDown"/>, limited
/// <see cref="Slippage"/> through the touch, for at most <see cref="DepthShare"/> of the depth displayed up to that
/// limit and at most <see cref="MaxFraction"/> of what is held. Rates are in <see cref="FixedPoint.RateScale"/> units.
/// </summary>
internal readonly record struct UnwindPolicy(long Interval, long CoolDown, long DepthShare, long Slippage, long MaxFraction)
{
    /// <summary>The limit of an unwind order on <paramref name="side"/>: the touch moved by the slippage against the holder (a sell below the bid), at least one tick.</summary>
    public long Limit(Side side, long touch)
    {
        long move = FixedPoint.RateFloor(touch, Slippage);
        return side == Side.Sell ? Math.Max(1, touch - move) : touch + move;
    }

    /// <summary>
    /// The lots of one unwind order: ⌊share × visible⌋ and ⌈fraction × held⌉ (rounded so that a non-empty book and a
    /// non-empty holding always give at least one lot), never more than held.
    /// </summary>
    public long Slice(long held, long visible)
    {
        if (held <= 0 || visible <= 0)
        {
            return 0;
        }

        long byDepth = Math.Max(1, FixedPoint.RateFloor(visible, DepthShare));
        long byHolding = Math.Max(1, FixedPoint.RateCeil(held, MaxFraction));
        return Math.Min(held, Math.Min(byDepth, byHolding));
    }
}
