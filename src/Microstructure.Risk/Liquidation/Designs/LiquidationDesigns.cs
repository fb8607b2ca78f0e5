namespace Microstructure.Risk.Liquidation.Designs;

/// <summary>Builds the run-time design for a scenario's design options.</summary>
internal static class LiquidationDesigns
{
    /// <summary>Builds the run-time design for <paramref name="options"/>.</summary>
    /// <exception cref="RiskConfigurationException">The options name no known design.</exception>
    public static LiquidationDesign Create(LiquidationDesignOptions options) => options switch
    {
        FullCloseOptions o => new FullCloseDesign(o),
        TieredPartialOptions o => new TieredPartialDesign(o),
        InsuranceFundOptions o => new InsuranceFundDesign(o),
        AdlOptions o => new AdlDesign(o),
        TimeSlicedOptions o => new TimeSlicedDesign(o),
        BackstopVaultOptions o => new BackstopVaultDesign(o),
        DutchAuctionOptions o => new DutchAuctionDesign(o),
        _ => throw new RiskConfigurationException("liquidation.design", $"unknown liquidation design '{options.Name}'"),
    };
}
