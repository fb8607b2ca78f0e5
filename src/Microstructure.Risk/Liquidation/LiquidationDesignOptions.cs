namespace Microstructure.Risk.Liquidation;

/// <summary>
/// Settings of one liquidation design. Each design has its own sealed options record with documented defaults
/// (DESIGN.md §3); <see cref="LiquidationPolicies"/> builds a design from its name and options.
/// </summary>
public abstract record LiquidationDesignOptions
{
    /// <summary>The design's name as a scenario writes it, e.g. <c>tiered-partial</c>.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public abstract string Name { get; }

    /// <summary>Checks every setting; throws <see cref="RiskConfigurationException"/> naming the bad field.</summary>
    internal abstract void Validate(string path);
}
