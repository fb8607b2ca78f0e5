namespace Microstructure.Risk.Liquidation;

/// <summary>
/// How the insurance fund holds and unwinds what it takes over (designs <c>insurance-fund</c>, <c>tiered-partial</c>,
/// <c>time-sliced</c>): after a cool-down it sells (or buys back) at most <see cref="DepthShare"/> of the depth
/// displayed within <see cref="Slippage"/> of the touch every <see cref="UnwindIntervalSeconds"/>, by IOC limit orders
/// at that price; meanwhile its position is marked to market. Auto-deleveraging fires only when the fund cannot take a
/// position: when its equity (cash + the position at the mark) would no longer stay above its floor, (1 −
/// <see cref="MaxLossFraction"/>) × its equity at its first takeover (0 by default).
/// </summary>
public sealed record FundPolicyOptions
{
    /// <summary>Seconds after a takeover before the fund starts unwinding. Default 5.</summary>
    public decimal CoolDownSeconds { get; init; } = 5m;

    /// <summary>Seconds between unwind orders. Default 1.</summary>
    public decimal UnwindIntervalSeconds { get; init; } = 1m;

    /// <summary>Largest share of the displayed depth within the slippage band one unwind order takes. Default 0.2.</summary>
    public decimal DepthShare { get; init; } = 0.2m;

    /// <summary>How far through the touch an unwind order's limit lies (0.002 = 0.2%). Default 0.002.</summary>
    public decimal Slippage { get; init; } = 0.002m;

    /// <summary>
    /// The fund takes no position that would cost it more than this share of its equity at its first takeover, and
    /// auto-deleverages what it holds once it has lost that much. Default 1 (the whole fund).
    /// </summary>
    public decimal MaxLossFraction { get; init; } = 1m;

    internal UnwindPolicy ToPolicy(string path) => new(
        Check.Seconds(UnwindIntervalSeconds, $"{path}.unwindIntervalSeconds", allowZero: false),
        Check.Seconds(CoolDownSeconds, $"{path}.coolDownSeconds", allowZero: true),
        Check.Rate(DepthShare, $"{path}.depthShare", 0m, 1m, minInclusive: false),
        Check.Rate(Slippage, $"{path}.slippage", 0m, 0.5m),
        FixedPoint.RateScale);

    internal long MaxLossRate(string path) => Check.Rate(MaxLossFraction, $"{path}.maxLossFraction", 0m, 1m, minInclusive: false);
}
