namespace Microstructure.Risk.Pricing;

/// <summary>The price a band is centred on.</summary>
public enum PriceBandAnchor : byte
{
    /// <summary>The current mark price.</summary>
    Mark = 0,

    /// <summary>The current index price.</summary>
    Index = 1,
}
