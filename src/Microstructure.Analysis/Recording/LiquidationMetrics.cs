using Microstructure.Engine;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// Everything the recorder learns about one liquidation, accumulated from its trigger and every event tagged with
/// its id (a row of <c>analysis/liquidations</c>; definitions in docs/outputs.md). Money in cash units, prices in
/// ticks, mids in half ticks. Mutable while the run goes on; read once at the end.
/// </summary>
internal sealed class LiquidationMetrics
{
    public long Id;
    public long CashPerTickLot;
    public string Agent = "";
    public long ParentId;
    public bool IsPool;
    public long Account;
    public string? Design;
    public string? Cause;
    public long TriggerSequence;
    public long TimeNs;
    public long EndNs;
    public Side Side;
    public long PositionLots;
    public long LotsToClose;
    public long TriggerMark;
    public long MarkBefore;
    public long MarginRatio;
    public long Equity;
    public long MaintenanceMargin;
    public long BankruptcyPrice;
    public long FundBefore;
    public int Orders;
    public long BookLots;
    public long BookNotional;
    public int Levels;
    public long LastFillPrice;
    public long MidBefore;
    public long MidAfter;
    public long? DepthBefore;
    public long TakeoverLots;
    public long TakeoverNotional;
    public int AdlCount;
    public long AdlLots;
    public long AdlNotional;
    public long AuctionLots;
    public long AuctionNotional;
    public long ClosedLots;
    public long ClosedNotional;
    public long FundDelta;
    public long BadDebt;
    public int Steps;
    public int Deferrals;
    public long LotsLeft;
    public int Cascade = -1;
    public int Wave;

    /// <summary>+1 when the closing side is Sell (a long closed), −1 for Buy: turns price differences into "against the trader".</summary>
    public long Sign => Side == Side.Sell ? 1 : -1;

    /// <summary>Book fill VWAP in ticks: book notional / (book lots × k), as a double (NaN without book fills).</summary>
    public double Vwap => BookLots > 0 ? BookNotional / ((double)BookLots * CashPerTickLot) : double.NaN;

    /// <summary>
    /// Slippage vs the trigger mark, cash units: sign × (book lots × mark × k − book notional); positive when the fills
    /// were worse for the liquidated trader than the trigger mark. Null without book fills.
    /// </summary>
    public long? Slippage => BookLots > 0 ? Sign * ((BookLots * TriggerMark * CashPerTickLot) - BookNotional) : null;

    /// <summary>Slippage / (book lots × mark × k) in basis points (NaN without book fills).</summary>
    public double SlippageBp =>
        BookLots > 0 && TriggerMark > 0 ? Slippage!.Value * 10_000.0 / ((double)BookLots * TriggerMark * CashPerTickLot) : double.NaN;

    /// <summary>
    /// Bankruptcy gap, cash units: sign × (book notional − book lots × bankruptcy price × k); positive when the book
    /// paid more than the bankruptcy price (a surplus for the fund), negative when less (a deficit someone covers).
    /// Null without book fills or without a bankruptcy price (pool liquidations).
    /// </summary>
    public long? BankruptcyGap =>
        BookLots > 0 && BankruptcyPrice > 0 ? Sign * (BookNotional - (BookLots * BankruptcyPrice * CashPerTickLot)) : null;

    /// <summary>sign × (VWAP − bankruptcy price) in ticks (NaN when <see cref="BankruptcyGap"/> is null).</summary>
    public double BankruptcyGapTicks =>
        BookLots > 0 && BankruptcyPrice > 0 ? Sign * (Vwap - BankruptcyPrice) : double.NaN;

    /// <summary>Book lots / depth within the band just before (NaN when no depth was observed yet or it was 0).</summary>
    public double DepthConsumedShare => DepthBefore is > 0 ? (double)BookLots / DepthBefore.Value : double.NaN;
}
