namespace Microstructure.Risk.Pricing;

/// <summary>
/// Mitigation <c>price-band</c>: no order (user or liquidation) trades further than <see cref="Band"/> from the
/// anchor price. Limit orders outside the band are rejected; market orders become IOC limits at the band edge.
/// </summary>
public sealed record PriceBandOptions : MitigationOptions
{
    /// <summary>Half-width of the band as a fraction of the anchor. Default 0.05 (±5%, Binance-style price protection).</summary>
    public decimal Band { get; init; } = 0.05m;

    /// <summary>What the band is centred on. Default <see cref="PriceBandAnchor.Mark"/>.</summary>
    public PriceBandAnchor Anchor { get; init; } = PriceBandAnchor.Mark;

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override string Name => "price-band";

    internal override void Validate(string path)
    {
        Check.Rate(Band, $"{path}.band", 0m, 1m, minInclusive: false, maxInclusive: false);
        Check.That(Enum.IsDefined(Anchor), $"{path}.anchor", $"must be 'mark' or 'index'; got {Anchor}");
    }
}
