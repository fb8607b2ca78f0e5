namespace Microstructure.Replay.Population;

/// <summary>
/// How each account's leverage is drawn: uniformly among the integers <see cref="Min"/> … <see cref="Max"/>, or from
/// <see cref="Values"/> with relative <see cref="Weights"/>.
/// </summary>
public sealed record LeverageSpec
{
    /// <summary>Lowest leverage of the uniform range (when <see cref="Values"/> is empty).</summary>
    public int Min { get; init; }

    /// <summary>Highest leverage of the uniform range.</summary>
    public int Max { get; init; }

    /// <summary>Leverages to choose from (empty = the uniform range).</summary>
    public IReadOnlyList<int> Values { get; init; } = [];

    /// <summary>Positive integer weight of each value (same length as <see cref="Values"/>).</summary>
    public IReadOnlyList<int> Weights { get; init; } = [];
}
