namespace Microstructure.Risk.Liquidation;

/// <summary>
/// <c>adl</c>: no market order and no fund: the breached position is closed at once against the ranked opposite
/// side at its bankruptcy price.
/// </summary>
public sealed record AdlOptions : LiquidationDesignOptions
{
    /// <summary>Ranking formula. Default BitMEX (the exchange that introduced ADL).</summary>
    public AdlRanking Ranking { get; init; } = AdlRanking.Bitmex;

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override string Name => LiquidationPolicies.Adl;

    internal override void Validate(string path) =>
        Check.That(Enum.IsDefined(Ranking), $"{path}.ranking", $"must be 'binance' or 'bitmex'; got {Ranking}");
}
