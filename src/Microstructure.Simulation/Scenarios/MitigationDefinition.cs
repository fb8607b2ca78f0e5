using System.Text.Json;

namespace Microstructure.Simulation.Scenarios;

/// <summary>A mitigation by name with its options (scenario field <c>mitigations[i]</c>).</summary>
public sealed record MitigationDefinition
{
    /// <summary><c>price-band</c>, <c>circuit-breaker</c>, <c>dynamic-margin</c> or <c>predictive-margin</c>.</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>Its options; null = its defaults.</summary>
    public JsonElement? Options { get; init; }
}
