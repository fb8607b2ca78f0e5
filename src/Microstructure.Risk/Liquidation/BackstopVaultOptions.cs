namespace Microstructure.Risk.Liquidation;

/// <summary>
/// <c>backstop-vault</c> (Hyperliquid HLP): below maintenance the position is closed by a market order; when equity is
/// below <see cref="BackstopFraction"/> × MM (or the book could not take it all) the vault account takes over the
/// position with its margin at the mark price, and unwinds it on the book <see cref="UnwindFraction"/> at a time
/// every <see cref="UnwindIntervalSeconds"/>.
/// </summary>
public sealed record BackstopVaultOptions : LiquidationDesignOptions
{
    /// <summary>Takeover when equity &lt; this × maintenance margin. Default 2/3 (Hyperliquid).</summary>
    public decimal BackstopFraction { get; init; } = 0.6666666667m;

    /// <summary>Fraction of the vault's position sent per unwind step. Default 0.2.</summary>
    public decimal UnwindFraction { get; init; } = 0.2m;

    /// <summary>Seconds between unwind steps; 0 = the whole position at once. Default 30.</summary>
    public decimal UnwindIntervalSeconds { get; init; } = 30m;

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override string Name => LiquidationPolicies.BackstopVault;

    internal override bool TakesOver => true;

    internal override void Validate(string path)
    {
        Check.Rate(BackstopFraction, $"{path}.backstopFraction", 0m, 1m, minInclusive: false);
        Check.Rate(UnwindFraction, $"{path}.unwindFraction", 0m, 1m, minInclusive: false);
        Check.Seconds(UnwindIntervalSeconds, $"{path}.unwindIntervalSeconds", allowZero: true);
    }
}
