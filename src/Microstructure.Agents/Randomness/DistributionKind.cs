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

    /// <summary>
    /// Pareto with scale <see cref="ValueDistribution.Min"/> and tail exponent <see cref="ValueDistribution.Exponent"/>
    /// (P(X &gt; x) = (min/x)^α for x ≥ min), censored — not truncated — at <see cref="ValueDistribution.Max"/> when it is
    /// set (draws above the cap become the cap: the whales are kept, at the cap).
    /// </summary>
    Pareto = 5,

    /// <summary>
    /// Log-normal: <see cref="ValueDistribution.Median"/> × e^(σZ), Z standard normal, σ = <see cref="ValueDistribution.Sigma"/>;
    /// clamped to [min, max] when they are set (max 0 = no cap).
    /// </summary>
    LogNormal = 6,
}
