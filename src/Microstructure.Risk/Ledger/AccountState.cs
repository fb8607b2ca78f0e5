using Microstructure.Risk.Accounts;

namespace Microstructure.Risk.Ledger;

/// <summary>
/// One account's money and position, kept in a pre-allocated array and updated in place on the business-logic thread.
/// </summary>
/// <remarks>
/// Ledger convention (cash + lots): a fill of q lots at price P moves exactly q·P·k cash between the two sides and q
/// lots the other way, so Σ cash and Σ lots are conserved with no rounding at all. Equity = cash + lots·mark·k.
/// <see cref="CostBasis"/> only splits that equity into wallet balance and unrealised PnL for reporting, entry price
/// and ADL ranking; its rounding never moves money.
/// </remarks>
internal struct AccountState
{
    /// <summary>Settled cash of the ledger that backs the position (cross: the whole account; isolated: the position's margin).</summary>
    public long MarginCash;

    /// <summary>Isolated mode only: cash not allocated to the position (always 0 in cross mode).</summary>
    public long FreeCash;

    /// <summary>Signed position in lots.</summary>
    public long Lots;

    /// <summary>Signed Σ of the open part's fill notional (entry price × lots × k).</summary>
    public long CostBasis;

    /// <summary>Open quantity of live buy orders that are not reduce-only (pending stops included).</summary>
    public long OpenBuyLots;

    /// <summary>Open quantity of live sell orders that are not reduce-only.</summary>
    public long OpenSellLots;

    /// <summary>Open quantity of live reduce-only buy orders.</summary>
    public long ReduceOnlyBuyLots;

    /// <summary>Open quantity of live reduce-only sell orders.</summary>
    public long ReduceOnlySellLots;

    /// <summary>Lending: lots of the asset posted as collateral.</summary>
    public long Collateral;

    /// <summary>Lending: cash owed to the pool.</summary>
    public long Debt;

    /// <summary>Lending: cash supplied to the pool (withdrawable while the pool has liquidity).</summary>
    public long Supplied;

    /// <summary>The liquidation that last changed this account (for the breach's parent).</summary>
    public long LastChangeLiquidation;

    /// <summary>The liquidation currently handling this account (0 when none).</summary>
    public long LiquidationId;

    /// <summary>Command sequence that caused the ongoing liquidation.</summary>
    public long TriggerSequence;

    /// <summary>Position size when the ongoing liquidation started (time-sliced slices are fractions of it).</summary>
    public long LiquidationStartLots;

    /// <summary>Command sequence of the account's latest liquidation start.</summary>
    public long LiquidationSequence;

    /// <summary>Liquidations of this account started during that command (guards against a design that cannot converge).</summary>
    public int LiquidationsInSequence;

    /// <summary>Leverage for initial margin.</summary>
    public int Leverage;

    /// <summary>Newest live order's slot in the order table, or −1.</summary>
    public int OrderHead;

    /// <summary>Index in the open-position list, or −1.</summary>
    public int PositionSlot;

    /// <summary>Margin mode.</summary>
    public MarginMode Mode;

    /// <summary>State bits.</summary>
    public AccountFlags Flags;

    /// <summary>What last changed the account (breach cause when it is breached in the same step).</summary>
    public LiquidationCause LastChange;

    /// <summary>Lending: e-mode on.</summary>
    public bool EMode;

    public readonly bool IsSystem => (Flags & AccountFlags.System) != 0;
}
