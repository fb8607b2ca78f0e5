using Microstructure.Analysis.Series;
using Microstructure.Engine;

namespace Microstructure.Analysis.Impact;

/// <summary>Signed relative price impact of market orders: <c>I = ε · ln(m_after / m_before)</c>, ε = +1 buy, −1 sell.</summary>
public static class ImpactMeasures
{
    /// <summary>The order-sign ε: +1 for a buy, −1 for a sell.</summary>
    public static int Sign(Side side) => side == Side.Buy ? 1 : -1;

    /// <summary>ε·ln(after/before); NaN when either mid is unknown (≤ 0).</summary>
    public static double SignedLogChange(Side side, long before, long after) =>
        // "+ 0.0" turns the −0 of a sell with no price change into 0, so tables do not print "-0".
        before > 0 && after > 0 ? (Sign(side) * Math.Log((double)after / before)) + 0.0 : double.NaN;

    /// <summary>Immediate impact ε·ln(MidAfter/MidBefore).</summary>
    public static double Immediate(in MarketOrderImpact order) =>
        SignedLogChange(order.Side, order.MidBefore, order.MidAfter);

    /// <summary>Permanent impact ε·ln(MidLater/MidBefore).</summary>
    public static double Permanent(in MarketOrderImpact order) =>
        SignedLogChange(order.Side, order.MidBefore, order.MidLater);

    /// <summary>Writes the immediate impact of each order (NaN where unknown).</summary>
    public static void Immediate(ReadOnlySpan<MarketOrderImpact> orders, Span<double> destination)
    {
        ThrowHelper.ThrowIfTooShort(destination.Length, orders.Length, nameof(destination));
        for (int i = 0; i < orders.Length; i++)
        {
            destination[i] = Immediate(orders[i]);
        }
    }

    /// <summary>Writes the permanent impact of each order (NaN where unknown).</summary>
    public static void Permanent(ReadOnlySpan<MarketOrderImpact> orders, Span<double> destination)
    {
        ThrowHelper.ThrowIfTooShort(destination.Length, orders.Length, nameof(destination));
        for (int i = 0; i < orders.Length; i++)
        {
            destination[i] = Permanent(orders[i]);
        }
    }

    /// <summary>Writes Q/V for each order, V being the traded volume per window (see <see cref="ImpactScale"/>).</summary>
    public static void NormalizedSizes(ReadOnlySpan<MarketOrderImpact> orders, double volumePerWindow, Span<double> destination)
    {
        if (!(volumePerWindow > 0))
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(volumePerWindow), "The volume per window must be positive.");
        }

        ThrowHelper.ThrowIfTooShort(destination.Length, orders.Length, nameof(destination));
        for (int i = 0; i < orders.Length; i++)
        {
            destination[i] = orders[i].Quantity / volumePerWindow;
        }
    }

    /// <summary>
    /// The mid at <paramref name="timeNs"/> + <paramref name="horizonNs"/> for <see cref="MarketOrderImpact.MidLater"/>,
    /// or 0 (unknown) when that time is after the end of <paramref name="mid"/>.
    /// </summary>
    public static long MidAfterHorizon(StepSeries mid, long timeNs, long horizonNs) =>
        mid.TryGetValueAt(timeNs + horizonNs, out long value) ? value : 0;
}
