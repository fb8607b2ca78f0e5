namespace Microstructure.Risk.Liquidation;

/// <summary>
/// <c>full-close</c>: cancel the account's orders and send one market order for the whole position. The naive
/// baseline most simulators approximate.
/// </summary>
public sealed record FullCloseOptions : LiquidationDesignOptions
{
    /// <summary>Clearance fee on the position's notional at the mark, capped by the account's equity, to the fund. Default 0 (naive).</summary>
    public decimal ClearanceFeeRate { get; init; }

    /// <summary>Cover a negative balance left after the close from the insurance fund (else it is bad debt at once). Default true.</summary>
    public bool CoverDeficitsFromFund { get; init; } = true;

    /// <summary>What happens to what the book could not take while the account is still breached. Default auto-deleveraging.</summary>
    public RemainderHandling Remainder { get; init; } = RemainderHandling.AutoDeleverage;

    /// <summary>Ranking used when the remainder is auto-deleveraged. Default Binance.</summary>
    public AdlRanking AdlRanking { get; init; } = AdlRanking.Binance;

    /// <summary>Wait before retrying with <see cref="RemainderHandling.Retry"/>, seconds. Default 1.</summary>
    public decimal RetrySeconds { get; init; } = 1m;

    /// <inheritdoc />
    [System.Text.Json.Serialization.JsonIgnore]
    public override string Name => LiquidationPolicies.FullClose;

    internal override void Validate(string path)
    {
        Check.Rate(ClearanceFeeRate, $"{path}.clearanceFeeRate", 0m, 0.5m);
        Check.That(Enum.IsDefined(Remainder), $"{path}.remainder", $"must be 'autoDeleverage' or 'retry'; got {Remainder}");
        Check.That(Enum.IsDefined(AdlRanking), $"{path}.adlRanking", $"must be 'binance' or 'bitmex'; got {AdlRanking}");
        Check.Seconds(RetrySeconds, $"{path}.retrySeconds", allowZero: false);
    }
}
