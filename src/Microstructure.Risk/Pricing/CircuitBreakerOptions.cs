namespace Microstructure.Risk.Pricing;

/// <summary>
/// Mitigation <c>circuit-breaker</c> (CME bitcoin futures style): price limits measured from a reference (prior
/// settlement) price. Reaching a soft limit pauses trading for <see cref="PauseSeconds"/>, after which the limit
/// widens to the next level; the hard limit is a band trading never crosses.
/// </summary>
public sealed record CircuitBreakerOptions : MitigationOptions
{
    /// <summary>Soft limits as fractions of the reference, increasing. Default [0.07, 0.13] (CME).</summary>
    public IReadOnlyList<decimal> SoftLimits { get; init; } = [0.07m, 0.13m];

    /// <summary>Hard limit as a fraction of the reference. Default 0.20 (CME).</summary>
    public decimal HardLimit { get; init; } = 0.20m;

    /// <summary>Pause after a soft limit is reached, in seconds. Default 120 (CME's 2-minute halt).</summary>
    public decimal PauseSeconds { get; init; } = 120m;

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override string Name => "circuit-breaker";

    internal override void Validate(string path)
    {
        Check.That(SoftLimits is not null, $"{path}.softLimits", "must be a list (it may be empty)");
        decimal previous = 0m;
        for (int i = 0; i < SoftLimits.Count; i++)
        {
            Check.Rate(SoftLimits[i], $"{path}.softLimits[{i}]", 0m, 1m, minInclusive: false, maxInclusive: false);
            Check.That(SoftLimits[i] > previous, $"{path}.softLimits[{i}]", "must be above the previous soft limit");
            previous = SoftLimits[i];
        }

        Check.Rate(HardLimit, $"{path}.hardLimit", 0m, 1m, minInclusive: false, maxInclusive: false);
        Check.That(HardLimit > previous, $"{path}.hardLimit", $"must be above the last soft limit {previous}");
        Check.Seconds(PauseSeconds, $"{path}.pauseSeconds", allowZero: false);
    }
}
