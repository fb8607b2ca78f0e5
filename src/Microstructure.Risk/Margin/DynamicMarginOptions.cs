using Microstructure.Risk.Pricing;

namespace Microstructure.Risk.Margin;

/// <summary>
/// Mitigation <c>dynamic-margin</c>: maintenance margin × a multiplier that follows realised volatility. Every
/// <see cref="UpdateIntervalSeconds"/> the mark's return r over the interval updates an EWMA variance
/// v ← λ·v + (1 − λ)·r²; the multiplier is clamp(√v / <see cref="BaselineVolatility"/>, 1, <see cref="MaxMultiplier"/>)
/// rounded down to a multiple of <see cref="Step"/>. A change re-keys every open position (O(positions)), which is
/// why it moves in steps at an interval rather than continuously.
/// </summary>
public sealed record DynamicMarginOptions : MitigationOptions
{
    /// <summary>Sampling interval in seconds. Default 60.</summary>
    public decimal UpdateIntervalSeconds { get; init; } = 60m;

    /// <summary>EWMA decay λ. Default 0.94 (RiskMetrics).</summary>
    public decimal Lambda { get; init; } = 0.94m;

    /// <summary>Volatility per interval at which the multiplier is 1. Default 0.002 (0.2% per minute).</summary>
    public decimal BaselineVolatility { get; init; } = 0.002m;

    /// <summary>Largest multiplier. Default 1.9 (the highest bracket rate × multiplier must stay below 100%).</summary>
    public decimal MaxMultiplier { get; init; } = 1.9m;

    /// <summary>Quantum of the multiplier. Default 0.1.</summary>
    public decimal Step { get; init; } = 0.1m;

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override string Name => "dynamic-margin";

    internal override void Validate(string path)
    {
        Check.Seconds(UpdateIntervalSeconds, $"{path}.updateIntervalSeconds", allowZero: false);
        Check.Rate(Lambda, $"{path}.lambda", 0m, 1m, maxInclusive: false);
        Check.Rate(BaselineVolatility, $"{path}.baselineVolatility", 0m, 1m, minInclusive: false);
        Check.Rate(MaxMultiplier, $"{path}.maxMultiplier", 1m, 100m);
        Check.Rate(Step, $"{path}.step", 0m, 100m, minInclusive: false);
    }
}
