namespace Microstructure.Risk.Pricing;

/// <summary>
/// A cross-cutting mitigation usable with any liquidation design: <c>price-band</c>, <c>circuit-breaker</c> or
/// <c>dynamic-margin</c>. Create one by name with <see cref="Liquidation.LiquidationPolicies.CreateMitigation(string, System.Text.Json.JsonElement?, string)"/>.
/// </summary>
public abstract record MitigationOptions
{
    /// <summary>The name a scenario uses for the mitigation.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public abstract string Name { get; }

    /// <summary>Checks every setting; throws <see cref="RiskConfigurationException"/> naming the bad field.</summary>
    internal abstract void Validate(string path);
}
