namespace Microstructure.Simulation.Scenarios;

/// <summary>The index (oracle) process (scenario field <c>index</c>); see docs/scenarios.md.</summary>
public sealed record IndexDefinition
{
    /// <summary>Volatility of the fundamental value, per √second (0.0001 ≈ 1.9% a day). Default 0.0001.</summary>
    public double VolatilityPerSqrtSecond { get; init; } = 0.0001;

    /// <summary>
    /// Standard deviation of the log of the volatility (stochastic volatility: news comes in bursts); 0 = constant
    /// volatility. The mean square volatility stays <see cref="VolatilityPerSqrtSecond"/>². Default 0.
    /// </summary>
    public double VolatilityOfVolatility { get; init; }

    /// <summary>Mean-reversion times of the log-volatility's components, seconds (several make its memory long). Default [60, 1800].</summary>
    public IReadOnlyList<double> VolatilityTimescalesSeconds { get; init; } = [60, 1800];

    /// <summary>Drift of the log fundamental value per second. Default 0.</summary>
    public double DriftPerSecond { get; init; }

    /// <summary>Seconds between index updates. Default 1.</summary>
    public double UpdateIntervalSeconds { get; init; } = 1;

    /// <summary>Weight of this book's own mid in the published index, in [0, 1]. Default 0.</summary>
    public double BookWeight { get; init; }

    /// <summary>Age of the mid the index sees, seconds (at least the smallest agent latency). Default 0.</summary>
    public double LagSeconds { get; init; }
}
