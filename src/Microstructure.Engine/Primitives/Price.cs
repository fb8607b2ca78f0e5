namespace Microstructure.Engine;

/// <summary>A price in integer ticks of the instrument (see <see cref="InstrumentSpec.TickSize"/>).</summary>
/// <remarks>Integer so that matching and money are exact; conversion to a decimal price happens only at the edges.</remarks>
public readonly record struct Price(long Ticks) : IComparable<Price>
{
    /// <summary>The zero price (also "no price" for market orders).</summary>
    public static Price Zero => default;

    /// <inheritdoc />
    public int CompareTo(Price other) => Ticks.CompareTo(other.Ticks);

    /// <summary>Orders prices by tick count.</summary>
    public static bool operator <(Price left, Price right) => left.Ticks < right.Ticks;

    /// <summary>Orders prices by tick count.</summary>
    public static bool operator >(Price left, Price right) => left.Ticks > right.Ticks;

    /// <summary>Orders prices by tick count.</summary>
    public static bool operator <=(Price left, Price right) => left.Ticks <= right.Ticks;

    /// <summary>Orders prices by tick count.</summary>
    public static bool operator >=(Price left, Price right) => left.Ticks >= right.Ticks;

    /// <inheritdoc />
    public override string ToString() => Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
