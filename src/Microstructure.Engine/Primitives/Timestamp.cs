namespace Microstructure.Engine;

/// <summary>A point in (simulated or historical) time, in nanoseconds since an epoch chosen by the source.</summary>
public readonly record struct Timestamp(long Nanoseconds) : IComparable<Timestamp>
{
    /// <inheritdoc />
    public int CompareTo(Timestamp other) => Nanoseconds.CompareTo(other.Nanoseconds);

    /// <summary>Earlier than.</summary>
    public static bool operator <(Timestamp left, Timestamp right) => left.Nanoseconds < right.Nanoseconds;

    /// <summary>Later than.</summary>
    public static bool operator >(Timestamp left, Timestamp right) => left.Nanoseconds > right.Nanoseconds;

    /// <summary>Not later than.</summary>
    public static bool operator <=(Timestamp left, Timestamp right) => left.Nanoseconds <= right.Nanoseconds;

    /// <summary>Not earlier than.</summary>
    public static bool operator >=(Timestamp left, Timestamp right) => left.Nanoseconds >= right.Nanoseconds;

    /// <inheritdoc />
    public override string ToString() => Nanoseconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
