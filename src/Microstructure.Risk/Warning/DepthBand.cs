using Microstructure.Engine.Matching;

namespace Microstructure.Risk.Warning;

/// <summary>
/// Which book levels count as "depth within the band": a level at price p lies within a band of fraction f around the
/// mid m (half ticks) when |2p − m| ≤ f·m. One definition for the recorder's depth tape and the live cascade features.
/// </summary>
public static class DepthBand
{
    /// <summary>The band's half width in half ticks: <paramref name="fraction"/> × <paramref name="reference"/> (a double, as the tape has always used).</summary>
    public static double HalfWidth(double fraction, long reference) => fraction * reference;

    /// <summary>True when a level at <paramref name="priceTicks"/> lies within <paramref name="halfWidth"/> of <paramref name="reference"/> (half ticks).</summary>
    public static bool Contains(long priceTicks, long reference, double halfWidth) => Math.Abs((2 * priceTicks) - reference) <= halfWidth;

    /// <summary>The band's centre (half ticks): the mid when known, else twice the best price that exists (bids first), else 0.</summary>
    public static long Reference(long mid, IReadOnlyList<L2Level> bids, IReadOnlyList<L2Level> asks) =>
        mid > 0 ? mid : bids.Count > 0 ? 2 * bids[0].Price.Ticks : asks.Count > 0 ? 2 * asks[0].Price.Ticks : 0;

    /// <summary>Visible lots of <paramref name="side"/>'s levels within the band.</summary>
    public static long Lots(IReadOnlyList<L2Level> side, long reference, double halfWidth)
    {
        long lots = 0;
        for (int i = 0; i < side.Count; i++) // by index: no enumerator to allocate
        {
            if (Contains(side[i].Price.Ticks, reference, halfWidth))
            {
                lots += side[i].Quantity.Lots;
            }
        }

        return lots;
    }
}
