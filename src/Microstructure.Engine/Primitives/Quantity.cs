namespace Microstructure.Engine;

/// <summary>A quantity in integer lots of the instrument (see <see cref="InstrumentSpec.LotSize"/>).</summary>
public readonly record struct Quantity(long Lots) : IComparable<Quantity>
{
    /// <summary>No quantity.</summary>
    public static Quantity Zero => default;

    /// <summary>True when the quantity is zero.</summary>
    public bool IsZero => Lots == 0;

    /// <inheritdoc />
    public int CompareTo(Quantity other) => Lots.CompareTo(other.Lots);

    /// <summary>Adds two quantities.</summary>
    public static Quantity operator +(Quantity left, Quantity right) => new(left.Lots + right.Lots);

    /// <summary>Subtracts two quantities.</summary>
    public static Quantity operator -(Quantity left, Quantity right) => new(left.Lots - right.Lots);

    /// <summary>Orders quantities by lot count.</summary>
    public static bool operator <(Quantity left, Quantity right) => left.Lots < right.Lots;

    /// <summary>Orders quantities by lot count.</summary>
    public static bool operator >(Quantity left, Quantity right) => left.Lots > right.Lots;

    /// <summary>Orders quantities by lot count.</summary>
    public static bool operator <=(Quantity left, Quantity right) => left.Lots <= right.Lots;

    /// <summary>Orders quantities by lot count.</summary>
    public static bool operator >=(Quantity left, Quantity right) => left.Lots >= right.Lots;

    /// <summary>The smaller of two quantities.</summary>
    public static Quantity Min(Quantity a, Quantity b) => a.Lots <= b.Lots ? a : b;

    /// <inheritdoc />
    public override string ToString() => Lots.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
