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
}
