namespace Microstructure.Agents.Randomness;

/// <summary>The shape of a <see cref="ValueDistribution"/>.</summary>
public enum DistributionKind
{
    /// <summary>Always <see cref="ValueDistribution.Value"/>.</summary>
    Fixed = 0,

    /// <summary>Uniform on [min, max].</summary>
    Uniform = 1,

    /// <summary>Log-uniform on [min, max] (min &gt; 0): every decade equally likely.</summary>
    LogUniform = 2,

    /// <summary>Pareto with tail exponent <see cref="ValueDistribution.Exponent"/> (P(X &gt; x) ∝ x^−α), truncated to [min, max].</summary>
    PowerLaw = 3,

    /// <summary>min + an exponential of mean <see cref="ValueDistribution.Mean"/>, capped at max.</summary>
    Exponential = 4,
}
