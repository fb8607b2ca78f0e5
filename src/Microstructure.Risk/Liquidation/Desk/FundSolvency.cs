using Microstructure.Risk.Ledger;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;

namespace Microstructure.Risk.Liquidation.Desk;

/// <summary>
/// What the insurance fund may still take and what it holds: its floor (the equity under which it takes nothing more
/// and deleverages what it holds), whether a takeover keeps it above that floor, the price that leaves it exactly at
/// the floor, and its holdings by the liquidation they came from. Book-keeping only; the desk acts on it.
/// </summary>
internal sealed class FundSolvency(AccountBook book, MarginModel margin, MarketState market, long k, long maxPositionLots, long maxLossRate)
{
    private long _reference = -1;

    /// <summary>What the fund holds, oldest takeover first.</summary>
    public FundHoldings Holdings { get; } = new();

    /// <summary>The ADL ranking of the design that first used the fund (for deleveraging what it holds).</summary>
    public AdlRanking Ranking { get; private set; }

    /// <summary>Whether the fund's equity has fallen to its floor.</summary>
    public bool IsExhausted => book.FundEquity <= Floor;

    /// <summary>The equity below which the fund takes nothing more (0 before its first takeover, and by default).</summary>
    private long Floor => _reference <= 0 ? 0 : _reference - FixedPoint.RateFloor(_reference, maxLossRate);

    /// <summary>Fixes the reference of the loss cap at the fund's equity when a design first turns to it.</summary>
    public void FirstUse(AdlRanking ranking)
    {
        if (_reference < 0)
        {
            _reference = Math.Max(0, book.FundEquity);
            Ranking = ranking;
        }
    }

    /// <summary>
    /// Whether the fund's equity stays above its floor after taking <paramref name="lots"/> at <paramref name="price"/>
    /// (valued at the mark), and its position within the largest allowed (so that its value fits 64 bits).
    /// </summary>
    public bool CanTake(long lots, long price)
    {
        if (Math.Abs(book[book.FundAccount].Lots + lots) > maxPositionLots)
        {
            return false;
        }

        long gain = (market.Mark - price) * lots * k; // the position at the mark minus what the fund pays for it
        return book.FundEquity + gain > Floor;
    }

    /// <summary>The price at which the fund's equity is exactly its floor (the fund's "bankruptcy" under its loss cap).</summary>
    public long FloorPrice()
    {
        ref var f = ref book[book.FundAccount];
        return margin.BankruptcyPrice(f.MarginCash - Floor, f.Lots);
    }
}
