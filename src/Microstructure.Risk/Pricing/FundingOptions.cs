namespace Microstructure.Risk.Pricing;

/// <summary>
/// Funding settings. Rate F = clamp(P + clamp(I − P, −c, +c), −cap, +cap) with P the time-weighted average premium
/// (mark − index) / index over the interval, I the interest rate per interval, c the premium clamp.
/// </summary>
public sealed record FundingOptions
{
    /// <summary>Settle funding automatically at each multiple of the interval. Default true.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Funding interval in seconds. Default 28,800 (8 h; Binance, BitMEX).</summary>
    public decimal IntervalSeconds { get; init; } = 28_800m;

    /// <summary>Interest rate per interval. Default 0.0001 (0.01% per 8 h; Binance, BitMEX).</summary>
    public decimal InterestRate { get; init; } = 0.0001m;

    /// <summary>Clamp c on (interest − premium). Default 0.0005 (±0.05%; Binance, BitMEX).</summary>
    public decimal PremiumClamp { get; init; } = 0.0005m;

    /// <summary>Cap on |F| per interval. Default 0.00375 (BitMEX: 75% of IM − MM for 1% / 0.5%).</summary>
    public decimal RateCap { get; init; } = 0.00375m;
}
