namespace Microstructure.Risk.Liquidation;

/// <summary>
/// <c>tiered-partial</c> (Binance, BitMEX, Bybit): reduce the position to the next-lower bracket's cap with an IOC
/// (or FOK) order limited at the bankruptcy price; stop when the account is healthy; otherwise take the rest over
/// at the bankruptcy price (insurance fund, then auto-deleveraging).
/// </summary>
public sealed record TieredPartialOptions : LiquidationDesignOptions
{
    /// <summary>Time in force of the reduction order. Default IOC.</summary>
    public PartialOrderTimeInForce OrderTimeInForce { get; init; } = PartialOrderTimeInForce.Ioc;

    /// <summary>How many bracket steps to try before the takeover. Default 1 (one step, as DESIGN.md §3 describes).</summary>
    public int MaxReductionSteps { get; init; } = 1;

    /// <summary>Clearance fee on the liquidated notional, capped by equity, to the fund. Default 0.003 (Binance BTCUSDT).</summary>
    public decimal ClearanceFeeRate { get; init; } = 0.003m;

    /// <summary>Ranking when the fund cannot absorb the takeover. Default Binance.</summary>
    public AdlRanking AdlRanking { get; init; } = AdlRanking.Binance;

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override string Name => LiquidationPolicies.TieredPartial;

    internal override bool TakesOver => true;

    internal override void Validate(string path)
    {
        Check.That(Enum.IsDefined(OrderTimeInForce), $"{path}.orderTimeInForce", $"must be 'ioc' or 'fok'; got {OrderTimeInForce}");
        Check.That(MaxReductionSteps is >= 1 and <= 20, $"{path}.maxReductionSteps", $"must be in [1, 20]; got {MaxReductionSteps}");
        Check.Rate(ClearanceFeeRate, $"{path}.clearanceFeeRate", 0m, 0.5m);
        Check.That(Enum.IsDefined(AdlRanking), $"{path}.adlRanking", $"must be 'binance' or 'bitmex'; got {AdlRanking}");
    }
}
