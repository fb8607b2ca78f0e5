namespace Microstructure.Risk.Pricing;

/// <summary>Mark price settings.</summary>
public sealed record MarkPriceOptions
{
    /// <summary>The method. Default <see cref="MarkPriceMethod.MedianOfThree"/> (Hyperliquid's robust mark).</summary>
    public MarkPriceMethod Method { get; init; } = MarkPriceMethod.MedianOfThree;

    /// <summary>EMA time constant τ in seconds for <see cref="MarkPriceMethod.EmaOfMid"/> and the basis EMA of <see cref="MarkPriceMethod.MedianOfThree"/>. Default 150 (Hyperliquid).</summary>
    public decimal EmaTimeConstantSeconds { get; init; } = 150m;
}
