using System.Text.Json;

namespace Microstructure.Simulation.Scenarios;

/// <summary>A liquidation design by name with its options (scenario fields <c>liquidation</c> and <c>comparison.designs[i]</c>).</summary>
public sealed record DesignDefinition
{
    /// <summary>A design name (<c>full-close</c>, <c>tiered-partial</c>, <c>insurance-fund</c>, <c>adl</c>, <c>time-sliced</c>, <c>backstop-vault</c>, <c>dutch-auction</c>). Default insurance-fund.</summary>
    public string Design { get; init; } = "insurance-fund";

    /// <summary>The design's options (camelCase; unknown fields refused); null = its defaults.</summary>
    public JsonElement? Options { get; init; }
}
