namespace Microstructure.Risk.Pricing;

/// <summary>Mark price settings.</summary>
public sealed record MarkPriceOptions
{
    /// <summary>The method. Default <see cref="MarkPriceMethod.IndexAnchored"/> (Binance USDⓈ-M's median of three).</summary>
    public MarkPriceMethod Method { get; init; } = MarkPriceMethod.IndexAnchored;

    /// <summary>
    /// EMA time constant τ in seconds for <see cref="MarkPriceMethod.EmaOfMid"/> and the basis EMA of
    /// <see cref="MarkPriceMethod.MedianOfThree"/> and <see cref="MarkPriceMethod.IndexAnchored"/>. Default 150
    /// (Hyperliquid; Binance uses a moving average of the basis over minutes).
    /// </summary>
    public decimal EmaTimeConstantSeconds { get; init; } = 150m;

    /// <summary>
    /// Seconds between mark publications: the mark is recomputed, and margins checked against it, only at
    /// publications (and an account's own fills are checked against the last published mark). Binance publishes every
    /// 1–3 s. 0 = recompute after every change (a mark that follows each fill inside a liquidation: the whole
    /// cascade runs at one instant). Default 1.
    /// </summary>
    public decimal PublishIntervalSeconds { get; init; } = 1m;

    /// <summary>
    /// <see cref="MarkPriceMethod.IndexAnchored"/> keeps the mark within index × (1 ± this): a broken book cannot drag
    /// it further. Default 0.05 (an assumption: venues cap the mark's premium but do not publish one figure).
    /// </summary>
    public decimal IndexBand { get; init; } = 0.05m;
}
