using System.Text.Json;

namespace Microstructure.Simulation.Scenarios;

/// <summary>A liquidation design by name with its options (scenario fields <c>liquidation</c> and <c>comparison.designs[i]</c>).</summary>
public sealed record DesignDefinition
{
    /// <summary>A design name (<c>full-close</c>, <c>tiered-partial</c>, <c>insurance-fund</c>, <c>adl</c>, <c>time-sliced</c>, <c>backstop-vault</c>, <c>dutch-auction</c>). Default insurance-fund.</summary>
    public string Design { get; init; } = "insurance-fund";

    /// <summary>The design's options (camelCase; unknown fields refused); null = its defaults.</summary>
    public JsonElement? Options { get; init; }

    /// <summary>
    /// In <c>comparison.designs</c> only: the name this entry runs under in a comparison instead of the design's name
    /// (its catalog rows, statistics and <c>--designs</c>), so that two variants of one design — e.g. with and without
    /// <c>hedge</c> — can be compared side by side. Lower-case letters, digits, '.', '_' and '-', unique in the list,
    /// and not the name of a design. Null = the design's name.
    /// </summary>
    public string? Label { get; init; }

    /// <summary>
    /// In <c>comparison.designs</c> only, with a <see cref="Label"/>: the mitigations this variant runs with instead of
    /// the scenario's, so that mitigations can be compared side by side (e.g. none, dynamic-margin, circuit-breaker,
    /// predictive-margin under one design). Null = the scenario's <c>mitigations</c>.
    /// </summary>
    public IReadOnlyList<MitigationDefinition>? Mitigations { get; init; }

    /// <summary>
    /// In <c>comparison.designs</c> only: the hedge every market-maker population keeps in this entry's runs, replacing
    /// the populations' own <c>hedge</c> — so that makers hedged and unhedged can be compared side by side under labels
    /// (write <c>{ "ratio": 0 }</c> for the unhedged baseline that still reports the figures). Null = each population's
    /// own <c>hedge</c>. docs/risk.md ("Hedging").
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Microstructure.Risk.Liquidation.HedgeOptions? MarketMakerHedge { get; init; }
}
