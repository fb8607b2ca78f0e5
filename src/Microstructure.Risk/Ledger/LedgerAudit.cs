using System.Diagnostics;
using Microstructure.Risk.Accounts;
using Microstructure.Risk.Margin;

namespace Microstructure.Risk.Ledger;

/// <summary>
/// Whole-ledger checks, O(accounts) each: the sums behind the conservation identity, its Debug assertion, and the
/// brute-force scan the breach detector is tested against. Kept apart from <see cref="AccountBook"/>, whose methods
/// touch one account at a time on the hot path.
/// </summary>
internal static class LedgerAudit
{
    /// <summary>Sums every cash bucket and every lot; see <see cref="LedgerTotals"/> for the identity.</summary>
    /// <param name="book">The accounts.</param>
    /// <param name="poolCash">The lending pool's liquidity (0 without a pool).</param>
    public static LedgerTotals Totals(AccountBook book, long poolCash)
    {
        long cash = 0, lots = 0;
        for (int i = 0; i < book.Count; i++)
        {
            ref var a = ref book[i];
            if (i != book.FundAccount)
            {
                cash += a.MarginCash + a.FreeCash;
            }

            lots += a.Lots + a.Collateral;
        }

        return new LedgerTotals(cash, book.InsuranceFund, book.Fees, book.BadDebt, poolCash, book.NetDeposits, lots);
    }

    /// <summary>Debug builds: money and lots are conserved (the identity of <see cref="LedgerTotals"/>); compiled out of Release.</summary>
    [Conditional("DEBUG")]
    public static void AssertConserved(AccountBook book, long poolCash)
    {
        var totals = Totals(book, poolCash);
        Debug.Assert(totals.Total == totals.NetDeposits, $"money not conserved: buckets {totals.Total} vs net deposits {totals.NetDeposits}");
        Debug.Assert(totals.NetLots == 0, $"positions do not net to zero: {totals.NetLots}");
    }

    /// <summary>The reference for the detector: every indexable account (not system, queued or in liquidation) breached at <paramref name="mark"/>, by a scan.</summary>
    public static List<int> BreachedByScan(AccountBook book, MarginModel margin, long mark)
    {
        var result = new List<int>();
        for (int i = 0; i < book.Count; i++)
        {
            ref var a = ref book[i];
            if ((a.Flags & (AccountFlags.System | AccountFlags.Queued | AccountFlags.InLiquidation)) == 0
                && margin.IsBreached(a.MarginCash, a.Lots, a.CostBasis, mark))
            {
                result.Add(i);
            }
        }

        return result;
    }
}
