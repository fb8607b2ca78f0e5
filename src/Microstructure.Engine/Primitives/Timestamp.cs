namespace Microstructure.Engine;

/// <summary>A point in (simulated or historical) time, in nanoseconds since an epoch chosen by the source.</summary>
public readonly record struct Timestamp(long Nanoseconds) : IComparable<Timestamp>
{
    /// <inheritdoc />
    public int CompareTo(Timestamp other) => Nanoseconds.CompareTo(other.Nanoseconds);

    /// <inheritdoc />
    public override string ToString() => Nanoseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
