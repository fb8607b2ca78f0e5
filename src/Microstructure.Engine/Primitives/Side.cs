namespace Microstructure.Engine;

/// <summary>The side of an order; for a trade, the side of the aggressor (taker).</summary>
public enum Side : byte
{
    /// <summary>Bid side.</summary>
    Buy = 0,

    /// <summary>Ask side.</summary>
    Sell = 1,
}
