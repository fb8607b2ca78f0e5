namespace Microstructure.Risk.Liquidation;

/// <summary>
/// <c>insurance-fund</c>: charge the clearance fee, take the position over at the bankruptcy price into the fund,
/// and let the fund unwind it on the book at prices that keep it solvent (fills better than bankruptcy feed the
/// fund, worse ones draw on it); whatever the fund cannot cover is auto-deleveraged at the takeover price.
/// </summary>
public sealed record InsuranceFundOptions : LiquidationDesignOptions
{
    /// <summary>Clearance fee on the position's notional at the mark, capped by equity. Default 0.003 (Binance BTCUSDT).</summary>
    public decimal ClearanceFeeRate { get; init; } = 0.003m;

    /// <summary>Ranking when the fund cannot cover. Default Binance.</summary>
    public AdlRanking AdlRanking { get; init; } = AdlRanking.Binance;

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override string Name => LiquidationPolicies.InsuranceFund;

    internal override bool TakesOver => true;

    internal override void Validate(string path)
    {
        Check.Rate(ClearanceFeeRate, $"{path}.clearanceFeeRate", 0m, 0.5m);
        Check.That(Enum.IsDefined(AdlRanking), $"{path}.adlRanking", $"must be 'binance' or 'bitmex'; got {AdlRanking}");
    }
}
