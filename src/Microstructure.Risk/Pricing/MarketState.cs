namespace Microstructure.Risk.Pricing;

/// <summary>
/// The exchange's clock and its two prices, which nearly every part reads. One small object shared by reference so
/// that no part has to ask the exchange for them; each field has one writer (see its summary).
/// </summary>
internal sealed class MarketState
{
    /// <summary>The latest command time seen (ns); <see cref="long.MinValue"/> before the first. Written by the clock.</summary>
    public long Now { get; set; } = long.MinValue;

    /// <summary>The mark price in ticks (0 until something prices the contract). Written by the mark refresh.</summary>
    public long Mark { get; set; }

    /// <summary>The index price in ticks (0 until the first index command). Written by the index command.</summary>
    public long Index { get; set; }
}
