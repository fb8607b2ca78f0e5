using Microstructure.Analysis.Cascades;

namespace Microstructure.Analysis.Recording;

/// <summary>Classifies a liquidation by the way that closed most of its lots; the labels the plots use.</summary>
internal static class LiquidationCloseTypes
{
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
}
