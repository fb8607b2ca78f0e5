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

    /// <summary>
    /// Hedging of the positions the design takes over (<c>insurance-fund</c>, <c>tiered-partial</c>, <c>time-sliced</c>:
    /// the fund's; <c>backstop-vault</c>: the vault's) on the hedge venue; null (the default) = no hedging. Refused on
    /// designs that take nothing over.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public HedgeOptions? Hedge { get; init; }

    /// <summary>Whether the design hands positions to the insurance fund or the backstop vault (and so can hedge them).</summary>
    internal virtual bool TakesOver => false;

    /// <summary>Checks every setting; throws <see cref="RiskConfigurationException"/> naming the bad field.</summary>
    internal abstract void Validate(string path);

    /// <summary>The validated hedge settings, or null without hedging; throws naming <c>{path}.hedge…</c>.</summary>
    internal HedgeSettings? HedgeSettings(string path)
    {
        if (Hedge is null)
        {
            return null;
        }

        Check.That(TakesOver, $"{path}.hedge",
            $"the design '{Name}' takes no positions over, so it has nothing to hedge; hedging is an option of insurance-fund, tiered-partial, time-sliced and backstop-vault");
        return Hedge.ToSettings($"{path}.hedge");
    }
}
