namespace Microstructure.Analysis.Cascades;

/// <summary>
/// Where the lots of a liquidation went, as the plots colour it. A liquidation may use several ways; its close type is
/// the one that took the most lots (<c>Recording.LiquidationCloseTypes.Of</c> reads it from the events).
/// </summary>
internal enum LiquidationCloseType
{
    /// <summary>Sold on the order book: fills of the liquidation's own (negative-id) orders, whoever sent them (the account's liquidation or the fund re-selling a takeover).</summary>
    Book = 0,

    /// <summary>Taken over off the book by the insurance fund or a vault and still held by it when the liquidation's own work ended.</summary>
    Fund = 1,

    /// <summary>Closed by auto-deleveraging against counterparties (the account's position, or the fund's unwind of a takeover).</summary>
    Adl = 2,

    /// <summary>Taken by an auction bidder or a lending-pool liquidator.</summary>
    Auction = 3,

    /// <summary>Nothing was closed (e.g. deferred until after the run).</summary>
    NotClosed = 4,
}

/// <summary>Labels and count of the <see cref="LiquidationCloseType"/> values.</summary>
internal static class LiquidationCloseTypeNames
{
    /// <summary>Number of close types (the length of per-type arrays).</summary>
    public const int Count = 5;

    /// <summary>Legend label.</summary>
    public static string Label(LiquidationCloseType type) => type switch
    {
        LiquidationCloseType.Book => "book (liquidation orders filled)",
        LiquidationCloseType.Fund => "fund (taken over and kept)",
        LiquidationCloseType.Adl => "ADL",
        LiquidationCloseType.Auction => "auction / pool liquidator",
        _ => "nothing closed",
    };
}
