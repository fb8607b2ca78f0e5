using Microstructure.Risk.Detection;
using Microstructure.Risk.Ledger;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;

namespace Microstructure.Risk.Monitoring;

/// <summary>
/// What a risk snapshot needs from the exchange at one instant, copied on the business-logic thread so that the
/// snapshot can be computed anywhere: per trader position (lots, margin cash, cost basis, liquidation threshold) in
/// flat arrays, plus the mark, clock, margin multiplier, fund equity and open interest. Reused: its arrays are sized to
/// the exchange's accounts once.
/// </summary>
/// <remarks>
/// The copy is the only part of a snapshot on the business-logic thread when the monitor computes off-thread: one
/// pass over the accounts holding a position, reading four fields and the threshold index, writing 32 bytes each —
/// no division, no selection (docs/performance.md, risk monitor).
/// </remarks>
internal sealed class PositionCopy
{
    /// <summary>No threshold: the account is not in a threshold index (queued for or in liquidation).</summary>
    public const long NoThreshold = long.MinValue;

    private readonly bool[] _system;

    /// <param name="system">Per account id, whether it is a system account (the fund, the backstop…): fixed when the
    /// exchange is built, so read once — the pass then touches only the first cache line of each account.</param>
    public PositionCopy(bool[] system)
    {
        _system = system;
        int accounts = system.Length;
        Lots = new long[accounts];
        Cash = new long[accounts];
        CostBasis = new long[accounts];
        Threshold = new long[accounts];
    }

    public long[] Lots { get; }

    public long[] Cash { get; }

    public long[] CostBasis { get; }

    /// <summary>The liquidation threshold (ticks) from the exchange's index, or <see cref="NoThreshold"/>.</summary>
    public long[] Threshold { get; }

    /// <summary>Trader positions copied (non-system accounts with lots ≠ 0), in the book's position order.</summary>
    public int Count { get; private set; }

    public long Sequence { get; private set; }

    public long TimeNs { get; private set; }

    public long Mark { get; private set; }

    /// <summary>The maintenance margin multiplier in force (dynamic margin), rate units.</summary>
    public long Multiplier { get; private set; }

    public long FundEquity { get; private set; }

    /// <summary>Σ long lots over every account, system accounts included.</summary>
    public long OpenInterestLots { get; private set; }

    /// <summary>Per account id of <paramref name="book"/>, whether it is a system account.</summary>
    public static bool[] SystemAccounts(AccountBook book)
    {
        var system = new bool[book.Count];
        for (int i = 0; i < system.Length; i++)
        {
            system[i] = book[i].IsSystem;
        }

        return system;
    }

    /// <summary>Copies the exchange's state after command <paramref name="sequence"/>.</summary>
    public void Fill(long sequence, AccountBook book, BreachDetector detector, MarginModel margin, MarketState market)
    {
        long[] lotsOut = Lots, cashOut = Cash, basisOut = CostBasis, thresholdOut = Threshold;
        bool[] system = _system;
        long oiLots = 0;
        int n = 0;
        foreach (int account in book.Positions)
        {
            ref var a = ref book[account];
            long lots = a.Lots;
            if (lots > 0)
            {
                oiLots += lots;
            }

            if (lots == 0 || system[account])
            {
                continue;
            }

            lotsOut[n] = lots;
            cashOut[n] = a.MarginCash;
            basisOut[n] = a.CostBasis;
            thresholdOut[n] = detector.TryGetThreshold(account, out long threshold) ? threshold : NoThreshold;
            n++;
        }

        Count = n;
        Sequence = sequence;
        TimeNs = market.Now;
        Mark = market.Mark;
        Multiplier = margin.Multiplier;
        FundEquity = book.FundEquity;
        OpenInterestLots = oiLots;
    }
}
