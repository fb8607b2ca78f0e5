namespace Microstructure.Risk.Liquidation;

/// <summary>
/// <c>time-sliced</c> (Hyperliquid, dYdX caps): positions above <see cref="SliceThreshold"/> are closed
/// <see cref="SliceFraction"/> of the starting size at a time by market orders, with <see cref="CooldownSeconds"/>
/// between slices while the account stays breached; smaller ones in one order. Per-interval caps on liquidated
/// notional and fund loss defer work to the next interval. A bankrupt account (equity ≤ 0) goes to the insurance
/// fund path at once.
/// </summary>
public sealed record TimeSlicedOptions : LiquidationDesignOptions
{
    /// <summary>Positions whose notional at the mark is above this (quote) are sliced. Default 100,000 (Hyperliquid).</summary>
    public decimal SliceThreshold { get; init; } = 100_000m;

    /// <summary>Slice size as a fraction of the position when the liquidation started. Default 0.2 (Hyperliquid).</summary>
    public decimal SliceFraction { get; init; } = 0.2m;

    /// <summary>Cool-down between slices, seconds. Default 30 (Hyperliquid).</summary>
    public decimal CooldownSeconds { get; init; } = 30m;

    /// <summary>Length of the cap interval ("block"), seconds. Default 1.</summary>
    public decimal CapIntervalSeconds { get; init; } = 1m;

    /// <summary>Largest notional (quote) liquidated per interval; 0 = no cap. Default 0.</summary>
    public decimal MaxNotionalPerInterval { get; init; }

    /// <summary>Largest insurance-fund loss (quote) per interval; 0 = no cap. Default 0.</summary>
    public decimal MaxFundLossPerInterval { get; init; }

    /// <summary>Ranking when the fund path must auto-deleverage. Default Binance.</summary>
    public AdlRanking AdlRanking { get; init; } = AdlRanking.Binance;

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override string Name => LiquidationPolicies.TimeSliced;

    internal override bool TakesOver => true;

    internal override void Validate(string path)
    {
        Check.Cash(SliceThreshold, $"{path}.sliceThreshold");
        Check.Rate(SliceFraction, $"{path}.sliceFraction", 0m, 1m, minInclusive: false);
        Check.Seconds(CooldownSeconds, $"{path}.cooldownSeconds", allowZero: false);
        Check.Seconds(CapIntervalSeconds, $"{path}.capIntervalSeconds", allowZero: false);
        Check.Cash(MaxNotionalPerInterval, $"{path}.maxNotionalPerInterval");
        Check.Cash(MaxFundLossPerInterval, $"{path}.maxFundLossPerInterval");
        Check.That(Enum.IsDefined(AdlRanking), $"{path}.adlRanking", $"must be 'binance' or 'bitmex'; got {AdlRanking}");
    }
}
