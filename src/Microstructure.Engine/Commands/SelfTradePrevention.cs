namespace Microstructure.Engine;

/// <summary>What happens when an incoming order would trade against a resting order of the same account.</summary>
public enum SelfTradePrevention : byte
{
    /// <summary>No prevention: self-trades happen.</summary>
    None = 0,

    /// <summary>Cancel the incoming (newest) order's remainder; the resting order stays.</summary>
    CancelNewest = 1,

    /// <summary>Cancel the resting (oldest) order and keep matching.</summary>
    CancelOldest = 2,

    /// <summary>Cancel both the resting order and the incoming remainder.</summary>
    CancelBoth = 3,

    /// <summary>Decrement both by the smaller quantity without a trade; cancel whichever reaches zero.</summary>
    Decrement = 4,
}
