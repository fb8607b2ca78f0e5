namespace Microstructure.Ring;

/// <summary>The outcome of a wait: the highest available sequence, or a timeout.</summary>
public readonly struct SequenceWaitResult : IEquatable<SequenceWaitResult>
{
    private const long TimeoutValue = long.MinValue;

    /// <summary>The result of a wait that timed out.</summary>
    public static readonly SequenceWaitResult Timeout = new(TimeoutValue);

    /// <summary>Creates a result carrying <paramref name="availableSequence"/>.</summary>
    /// <param name="availableSequence">The highest available sequence.</param>
    public SequenceWaitResult(long availableSequence) => UnsafeAvailableSequence = availableSequence;

    /// <summary>Whether the wait timed out.</summary>
    public bool IsTimeout => UnsafeAvailableSequence == TimeoutValue;

    /// <summary>The available sequence; meaningless (<see cref="long.MinValue"/>) when <see cref="IsTimeout"/>.</summary>
    public long UnsafeAvailableSequence { get; }

    /// <summary>Wraps an available sequence.</summary>
    /// <param name="availableSequence">The highest available sequence.</param>
    public static implicit operator SequenceWaitResult(long availableSequence) => new(availableSequence);

    /// <summary>Compares two results.</summary>
    /// <param name="left">First result.</param>
    /// <param name="right">Second result.</param>
    /// <returns><see langword="true"/> if equal.</returns>
    public static bool operator ==(SequenceWaitResult left, SequenceWaitResult right) => left.Equals(right);

    /// <summary>Compares two results.</summary>
    /// <param name="left">First result.</param>
    /// <param name="right">Second result.</param>
    /// <returns><see langword="true"/> if different.</returns>
    public static bool operator !=(SequenceWaitResult left, SequenceWaitResult right) => !left.Equals(right);

    /// <summary>Wraps an available sequence (named alternative to the implicit conversion).</summary>
    /// <param name="availableSequence">The highest available sequence.</param>
    /// <returns>The result.</returns>
    public static SequenceWaitResult FromInt64(long availableSequence) => new(availableSequence);

    /// <inheritdoc/>
    public bool Equals(SequenceWaitResult other) => UnsafeAvailableSequence == other.UnsafeAvailableSequence;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SequenceWaitResult other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => UnsafeAvailableSequence.GetHashCode();

    /// <inheritdoc/>
    public override string ToString() =>
        IsTimeout ? "Timeout" : UnsafeAvailableSequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
