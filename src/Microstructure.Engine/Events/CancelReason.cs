namespace Microstructure.Engine;

/// <summary>Why an order (or remainder) was cancelled.</summary>
public enum CancelReason : byte
{
    /// <summary>Not a cancel.</summary>
    None = 0,

    /// <summary>The owner asked (Cancel command, or Reduce/Amend to zero).</summary>
    UserRequested = 1,

    /// <summary>The unfilled remainder of an IOC or market order expired.</summary>
    Expired = 2,

    /// <summary>Removed by self-trade prevention.</summary>
    SelfTradePrevention = 3,

    /// <summary>A triggered stop-limit's remainder could not rest: the price-level pool was full.</summary>
    BookFull = 4,
}
