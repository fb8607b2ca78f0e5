namespace Microstructure.Risk.Liquidation;

/// <summary>
/// Hedging of what the insurance fund or the backstop vault takes over (a design's <c>hedge</c> options; off when
/// absent), and of a trading account's own position (a market maker's <c>hedge</c>, <see cref="Processing.ExchangeOptions.AccountHedges"/>). After every step the hedger holds −<see cref="Ratio"/> × its position (rounded towards zero, in lots) on a
/// hedge venue modelled as the index: trades there fill at the index price known at that time, and each trade costs
/// its notional × (<see cref="FeeRate"/> + the impact rate of <see cref="Impact"/>), rounded up against the hedger.
/// The hedge is marked to the index and its variation settled into the hedger's cash whenever the index moves. Every
/// default and its source is in docs/risk.md ("Hedging").
/// </summary>
public sealed record HedgeOptions
{
    /// <summary>Share of the position hedged, 0 to 1 (0: never trades — a baseline that still reports hedge figures). Default 1.</summary>
    public decimal Ratio { get; init; } = 1m;

    /// <summary>Taker fee on the hedge venue, a rate of the traded notional. Default 0.0004 (Binance USDⓈ-M base taker, 0.04%).</summary>
    public decimal FeeRate { get; init; } = 0.0004m;

    /// <summary>How slippage grows with the traded notional. Default square root.</summary>
    public HedgeImpactModel Impact { get; init; } = HedgeImpactModel.SquareRoot;

    /// <summary>Slippage in basis points of a trade of <see cref="ReferenceNotional"/>. Default 3 (square-root law, σ 3%/day, $10B/day).</summary>
    public decimal ImpactBps { get; init; } = 3m;

    /// <summary>The notional (quote) at which slippage is <see cref="ImpactBps"/>. Default 1,000,000.</summary>
    public decimal ReferenceNotional { get; init; } = 1_000_000m;

    /// <summary>Checks every setting; throws <see cref="RiskConfigurationException"/> naming the bad field under <paramref name="path"/>.</summary>
    /// <param name="path">Where the options sit, e.g. <c>agents[2].hedge</c>.</param>
    public void Validate(string path) => _ = ToSettings(path);

    internal HedgeSettings ToSettings(string path)
    {
        long ratio = Check.Rate(Ratio, $"{path}.ratio", 0m, 1m);
        long fee = Check.Rate(FeeRate, $"{path}.feeRate", 0m, 0.05m);
        Check.That(Enum.IsDefined(Impact), $"{path}.impact", $"must be 'squareRoot' or 'linear'; got {Impact}");
        long impact = Check.Rate(ImpactBps / 10_000m, $"{path}.impactBps", 0m, 0.05m);
        long reference = Check.Cash(ReferenceNotional, $"{path}.referenceNotional", 0m);
        Check.That(reference > 0, $"{path}.referenceNotional", $"must be > 0 (quote currency); got {ReferenceNotional}");
        return new HedgeSettings(ratio, fee, Impact, impact, reference);
    }
}

/// <summary>How the hedge venue's slippage rate grows with a trade's notional N (R = the reference notional).</summary>
public enum HedgeImpactModel : byte
{
    /// <summary>impactBps × √(N / R): the square-root law of market impact.</summary>
    SquareRoot = 0,

    /// <summary>impactBps × N / R.</summary>
    Linear = 1,
}

/// <summary>Validated hedge settings in integer units: rates in <see cref="FixedPoint.RateScale"/>, the reference notional in cash units.</summary>
internal readonly record struct HedgeSettings(long Ratio, long FeeRate, HedgeImpactModel Impact, long ImpactRate, long ReferenceNotional)
{
    /// <summary>Square-root precision: √(N/R) is computed as ⌈√⌈N × S² / R⌉⌉ / S with S = 10⁴.</summary>
    private const long SqrtScale = 10_000;

    /// <summary>
    /// The slippage rate (rate units) of a trade of <paramref name="notional"/> cash units, rounded up: linear
    /// ⌈b × N / R⌉; square root ⌈b × ⌈√⌈N × S² / R⌉⌉ / S⌉ — at most 100%.
    /// </summary>
    public long SlippageRate(long notional)
    {
        if (notional <= 0 || ImpactRate == 0)
        {
            return 0;
        }

        Int128 rate = Impact == HedgeImpactModel.Linear
            ? CeilDiv((Int128)ImpactRate * notional, ReferenceNotional)
            : CeilDiv((Int128)ImpactRate * SqrtCeil(CeilDiv((Int128)notional * SqrtScale * SqrtScale, ReferenceNotional)), SqrtScale);
        return (long)Int128.Min(rate, FixedPoint.RateScale);
    }

    /// <summary>What a trade of <paramref name="notional"/> costs (cash units): ⌈N × fee⌉ + ⌈N × slippage rate⌉, both rounded against the hedger.</summary>
    public (long Fee, long Slippage) Cost(long notional) =>
        (FixedPoint.RateCeil(notional, FeeRate), FixedPoint.RateCeil(notional, SlippageRate(notional)));

    /// <summary>⌈√x⌉ for x ≥ 0, exactly (a double estimate corrected by integer steps).</summary>
    internal static Int128 SqrtCeil(Int128 x)
    {
        if (x <= 0)
        {
            return 0;
        }

        Int128 r = (Int128)Math.Sqrt((double)x);
        while (r * r > x)
        {
            r--;
        }

        while (r * r < x)
        {
            r++;
        }

        return r;
    }

    private static Int128 CeilDiv(Int128 a, long b) => (a + b - 1) / b;
}
