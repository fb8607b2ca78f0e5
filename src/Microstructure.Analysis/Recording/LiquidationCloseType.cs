namespace Microstructure.Analysis.Recording;

/// <summary>
/// Where the lots of a liquidation went, as the plots colour it. A liquidation may use several ways; its close type is
/// the one that took the most lots (<see cref="LiquidationCloseTypes.Of(LiquidationMetrics)"/>).
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

/// <summary>Classifies a liquidation by the way that closed most of its lots; the labels the plots use.</summary>
internal static class LiquidationCloseTypes
{
    /// <summary>Number of close types (the length of per-type arrays).</summary>
    public const int Count = 5;

    /// <summary>
    /// The dominant way by lots: book = fills of the liquidation's orders; ADL = its ADL matches; auction = auction takes,
    /// or the collateral a pool liquidator seized minus what it re-sold within the liquidation (book, ADL); fund = lots
    /// taken over off the book minus those the taker passed on within the liquidation (book, ADL, auction) — what the
    /// fund or vault kept. A tie goes to the earlier of book,
    /// fund, ADL, auction; a liquidation that closed nothing is <see cref="LiquidationCloseType.NotClosed"/>.
    /// </summary>
    public static LiquidationCloseType Of(LiquidationMetrics m)
    {
        ArgumentNullException.ThrowIfNull(m);
        long book = m.BookLots, adl = m.AdlLots;
        // A pool liquidator seizes the collateral (ClosedLots) and may re-sell it with the liquidation's orders: it
        // kept what it did not pass on, as the fund does with a takeover.
        long auction = m.IsPool ? Math.Max(0, m.ClosedLots - book - adl) : m.AuctionLots;
        long fund = m.IsPool ? 0 : Math.Max(0, m.TakeoverLots - book - adl - auction);
        ReadOnlySpan<long> lots = [book, fund, adl, auction];
        int best = -1;
        for (int i = 0; i < lots.Length; i++)
        {
            if (lots[i] > 0 && (best < 0 || lots[i] > lots[best]))
            {
                best = i;
            }
        }

        return best < 0 ? LiquidationCloseType.NotClosed : (LiquidationCloseType)best;
    }

    /// <summary>The close type of every liquidation, in the order given.</summary>
    public static LiquidationCloseType[] Of(IReadOnlyList<LiquidationMetrics> liquidations)
    {
        ArgumentNullException.ThrowIfNull(liquidations);
        var types = new LiquidationCloseType[liquidations.Count];
        for (int i = 0; i < types.Length; i++)
        {
            types[i] = Of(liquidations[i]);
        }

        return types;
    }

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
