using Microstructure.Engine;
using Microstructure.Risk;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// A light copy of every account's cash, position and lending balances, read from the exchange's events alone:
/// fills move q lots (taker and maker) and set each side's cash to the balance settlement put on the trade event,
/// whose fee is added to the side's fees; deposits, withdrawals, funding, fund movements, bad-debt write-offs,
/// takeovers, ADL, auction takes and lending events move what they say. Cash is the account's total (cross ledger, or
/// isolated margin plus free cash, as on <see cref="ExchangeEvent.TakerBalance"/>): transfers between an isolated
/// account's two ledgers do not show and do not matter.
/// Struct-of-arrays indexed by account id, grown by doubling; no allocation per event.
/// </summary>
internal sealed class AccountLedger
{
    /// <summary>Account ids beyond this are refused (the risk layer's accounts are a dense array far smaller).</summary>
    public const long MaxAccountId = 1 << 26;

    private readonly long _k;
    private readonly long _fund;
    private long[] _lots = new long[64];
    private long[] _cash = new long[64];
    private long[] _collateral = new long[64];
    private long[] _debt = new long[64];
    private long[] _fees = new long[64];
    private long[] _cost = new long[64];
    private bool[] _known = new bool[64];
    private bool[] _liquidating = new bool[64];

    public AccountLedger(long cashPerTickLot, long fundAccount)
    {
        _k = cashPerTickLot;
        _fund = fundAccount;
    }

    /// <summary>1 + the highest account id seen.</summary>
    public int Count { get; private set; }

    /// <summary>The last mark price (ticks) from <see cref="ExchangeEventType.MarkPrice"/> events; 0 before the first.</summary>
    public long Mark { get; private set; }

    public bool IsKnown(int account) => account < Count && _known[account];

    public long LotsOf(int account) => _lots[account];

    public long CashOf(int account) => _cash[account];

    public long CollateralOf(int account) => _collateral[account];

    public long DebtOf(int account) => _debt[account];

    public long FeesOf(int account) => _fees[account];

    /// <summary>
    /// What the account's perpetual position cost (cash units, signed like the lots: + long, − short), by the risk
    /// layer's rule: openings add q·P·k, a closing removes ⌊|cost| × closed / |lots before|⌋ (truncated toward zero),
    /// a flat position costs 0. Trades and off-book transfers (takeover, auction take, ADL) move it; fees do not.
    /// </summary>
    public long CostOf(int account) => _cost[account];

    /// <summary>True between the account's <see cref="ExchangeEventType.LiquidationTriggered"/> and its <see cref="ExchangeEventType.LiquidationFinished"/> (an open auction, a deferred slice …).</summary>
    public bool IsLiquidating(int account) => _liquidating[account];

    /// <summary>Equity at the mark: cash + (lots + collateral) × mark × k − debt (cash units).</summary>
    public long EquityOf(int account) => _cash[account] + ((_lots[account] + _collateral[account]) * Mark * _k) - _debt[account];

    /// <summary>The insurance fund's cash (0 without a fund account).</summary>
    public long FundCash => _fund >= 0 && _fund < Count ? _cash[_fund] : 0;

    /// <summary>
    /// The positions left with the fund, the vault (<paramref name="vaultAccount"/>; −1: none) and unfinished
    /// liquidations, valued at the last mark (see <see cref="HeldPositions"/>). O(accounts); call once, at the end.
    /// </summary>
    public HeldPositions HeldAtMark(long vaultAccount)
    {
        long shortfall = 0, lotsInLiquidation = 0;
        int inLiquidation = 0;
        for (int i = 0; i < Count; i++)
        {
            bool system = i == _fund || i == vaultAccount;
            if (!_known[i] || (_lots[i] == 0 && _collateral[i] == 0) || !(system || _liquidating[i]))
            {
                continue;
            }

            if (!system)
            {
                inLiquidation++;
                lotsInLiquidation += Math.Abs(_lots[i]);
            }

            shortfall += Math.Max(0, -EquityOf(i));
        }

        return new HeldPositions(
            shortfall,
            UnrealizedPnlOf(_fund),
            _fund >= 0 && _fund < Count ? _lots[_fund] * Mark * _k : 0,
            UnrealizedPnlOf(vaultAccount),
            inLiquidation,
            lotsInLiquidation);
    }

    /// <summary>lots × mark × k − cost basis: the position's unrealized P&amp;L at the last mark (0 for an unknown account).</summary>
    public long UnrealizedPnlOf(long account) =>
        account >= 0 && account < Count ? (_lots[account] * Mark * _k) - _cost[account] : 0;

    /// <summary>The insurance fund's position in lots (0 without a fund account).</summary>
    public long FundLots => _fund >= 0 && _fund < Count ? _lots[_fund] : 0;

    /// <summary>Applies one event; returns how much it changed the insurance fund's cash (cash units).</summary>
    public long Apply(in ExchangeEvent e)
    {
        long fundBefore = FundCash;
        switch (e.Type)
        {
            case ExchangeEventType.Trade:
                ApplyTrade(in e);
                break;
            case ExchangeEventType.Deposit or ExchangeEventType.FundingPayment or ExchangeEventType.BadDebt
                or ExchangeEventType.PoolSupplyWithdrawn:
                AddCash(Slot(e.Engine.AccountId), e.Amount);
                break;
            case ExchangeEventType.Withdrawal or ExchangeEventType.PoolSupplied:
                AddCash(Slot(e.Engine.AccountId), -e.Amount);
                break;
            case ExchangeEventType.InsuranceFund:
                ApplyFundMovement(in e);
                break;
            case ExchangeEventType.Takeover:
                // Off-book at the event's price; a vault takeover also moves the account's remaining margin (Amount).
                ApplyTransfer(in e);
                MoveCash(Slot(e.Engine.AccountId), Slot(e.CounterpartyAccountId), e.Amount);
                break;
            case ExchangeEventType.AutoDeleverage:
                ApplyAdl(in e);
                break;
            case ExchangeEventType.AuctionTake:
                ApplyTransfer(in e);
                break;
            case ExchangeEventType.CollateralDeposited:
                MoveToCollateral(Slot(e.Engine.AccountId), e.Engine.Quantity.Lots);
                break;
            case ExchangeEventType.CollateralWithdrawn:
                MoveToCollateral(Slot(e.Engine.AccountId), -e.Engine.Quantity.Lots);
                break;
            case ExchangeEventType.Borrowed:
                Borrow(Slot(e.Engine.AccountId), e.Amount);
                break;
            case ExchangeEventType.Repaid:
                Borrow(Slot(e.Engine.AccountId), -e.Amount);
                break;
            case ExchangeEventType.PoolLiquidation:
                ApplyPoolLiquidation(in e);
                break;
            case ExchangeEventType.PoolBadDebt:
                int borrower = Slot(e.Engine.AccountId);
                _debt[borrower] -= e.Amount;
                break;
            case ExchangeEventType.MarkPrice:
                Mark = e.MarkPrice.Ticks;
                break;
            case ExchangeEventType.LiquidationTriggered:
                _liquidating[Slot(e.Engine.AccountId)] = true;
                break;
            case ExchangeEventType.LiquidationFinished:
                _liquidating[Slot(e.Engine.AccountId)] = false;
                break;
        }

        return FundCash - fundBefore;
    }

    // Every helper takes slots already resolved: "_cash[Slot(id)]" would read the array before Slot grows it.
    private void AddCash(int account, long amount) => _cash[account] += amount;

    private void MoveCash(int from, int to, long amount)
    {
        _cash[from] -= amount;
        _cash[to] += amount;
    }

    private void MoveToCollateral(int account, long lots)
    {
        _lots[account] -= lots;
        _collateral[account] += lots;
    }

    private void Borrow(int account, long amount)
    {
        _cash[account] += amount;
        _debt[account] += amount;
    }

    private void ApplyTrade(in ExchangeEvent e)
    {
        // Settlement's own figures: the fee charged and the cash after the fill (both sides settled), not re-derived.
        int taker = Slot(e.Engine.AccountId), maker = Slot(e.Engine.MakerAccountId);
        long q = e.Engine.Quantity.Lots;
        long signed = e.Engine.Side == Side.Buy ? q : -q;
        long value = q * e.Engine.Price.Ticks * _k;
        MoveCost(taker, signed, value);
        MoveCost(maker, -signed, value);
        _lots[taker] += signed;
        _lots[maker] -= signed;
        _fees[taker] += e.TakerFee;
        _fees[maker] += e.MakerFee;
        _cash[taker] = e.TakerBalance;
        _cash[maker] = e.MakerBalance;
    }

    private void ApplyTransfer(in ExchangeEvent e)
    {
        int account = Slot(e.Engine.AccountId), counterparty = Slot(e.CounterpartyAccountId);
        Transfer(account, counterparty, e.Engine.Side, e.Engine.Quantity.Lots, e.Engine.Price.Ticks);
    }

    private void ApplyPoolLiquidation(in ExchangeEvent e)
    {
        // The pool liquidator repays Amount of the debt and receives the seized collateral as a perpetual long.
        int borrower = Slot(e.Engine.AccountId), liquidator = Slot(e.CounterpartyAccountId);
        _cash[liquidator] -= e.Amount;
        MoveCost(liquidator, e.Engine.Quantity.Lots, e.Amount);
        _lots[liquidator] += e.Engine.Quantity.Lots;
        _collateral[borrower] -= e.Engine.Quantity.Lots;
        _debt[borrower] -= e.Amount;
    }

    private void ApplyFundMovement(in ExchangeEvent e)
    {
        // Amount is the fund's change; the other side is the named account (none for a funding remainder). A hedge
        // movement is money from or to the hedge venue, outside the exchange: the named hedger (fund or vault) alone moves.
        if (e.FundReason is FundMovementReason.HedgePnl or FundMovementReason.HedgeCost)
        {
            AddCash(Slot(e.Engine.AccountId), e.Amount);
            return;
        }

        if (_fund < 0)
        {
            // No fund account given: the fund itself is not tracked, the other side still is.
            if (e.FundReason != FundMovementReason.FundingRemainder)
            {
                AddCash(Slot(e.Engine.AccountId), -e.Amount);
            }

            return;
        }

        int fund = Slot(_fund);
        if (e.Engine.AccountId == _fund)
        {
            _cash[fund] += e.Amount;
        }
        else
        {
            MoveCash(Slot(e.Engine.AccountId), fund, e.Amount);
        }
    }

    private void ApplyAdl(in ExchangeEvent e)
    {
        int account = Slot(e.Engine.AccountId), counterparty = Slot(e.CounterpartyAccountId);
        long q = e.Engine.Quantity.Lots, p = e.Engine.Price.Ticks;
        if (e.PositionLots == -1)
        {
            // Last resort for a short: the counterparty's pool collateral is sold to it at the bankruptcy price.
            _collateral[counterparty] -= q;
            _cash[counterparty] += q * p * _k;
            Fill(account, Side.Buy, q, p);
            return;
        }

        Transfer(account, counterparty, e.Engine.Side, q, p);
    }

    private void Transfer(int from, int to, Side fromSide, long q, long p)
    {
        Fill(from, fromSide, q, p);
        Fill(to, Opposite(fromSide), q, p);
    }

    /// <summary>An off-book fill (takeover, ADL, auction take): q·P·k cash against q lots, no fee.</summary>
    private void Fill(int account, Side side, long q, long p)
    {
        long value = q * p * _k;
        MoveCost(account, side == Side.Buy ? q : -q, value);
        if (side == Side.Buy)
        {
            _lots[account] += q;
            _cash[account] -= value;
        }
        else
        {
            _lots[account] -= q;
            _cash[account] += value;
        }
    }

    /// <summary>The cost basis of <paramref name="signed"/> lots moving at <paramref name="value"/> (q·P·k): call before the lots move.</summary>
    private void MoveCost(int account, long signed, long value)
    {
        long before = _lots[account];
        long qty = Math.Abs(signed);
        long closing = (before > 0 && signed < 0) || (before < 0 && signed > 0) ? Math.Min(qty, Math.Abs(before)) : 0;
        if (closing > 0)
        {
            // The risk layer's reporting split (AccountBook.Settle): truncated toward zero.
            long removed = FixedPoint.MulDivFloor(Math.Abs(_cost[account]), closing, Math.Abs(before));
            _cost[account] -= _cost[account] >= 0 ? removed : -removed;
        }

        if (before + signed == 0)
        {
            _cost[account] = 0;
        }
        else if (qty > closing)
        {
            // The opening part at the same price: its share of value (exact for a fill, where value = q·P·k).
            long openValue = closing == 0 ? value : value / qty * (qty - closing);
            _cost[account] += signed > 0 ? openValue : -openValue;
        }
    }

    private static Side Opposite(Side side) => side == Side.Buy ? Side.Sell : Side.Buy;

    private int Slot(long accountId)
    {
        if ((ulong)accountId >= MaxAccountId)
        {
            ThrowHelper.ThrowInvalidOperation($"An event names account {accountId}, outside 0 … {MaxAccountId - 1}.");
        }

        int id = (int)accountId;
        if (id >= _known.Length)
        {
            Grow(id);
        }

        if (!_known[id])
        {
            _known[id] = true;
            Count = Math.Max(Count, id + 1);
        }

        return id;
    }

    private void Grow(int id)
    {
        int size = _known.Length;
        while (size <= id)
        {
            size *= 2;
        }

        Array.Resize(ref _lots, size);
        Array.Resize(ref _cash, size);
        Array.Resize(ref _collateral, size);
        Array.Resize(ref _debt, size);
        Array.Resize(ref _fees, size);
        Array.Resize(ref _cost, size);
        Array.Resize(ref _known, size);
        Array.Resize(ref _liquidating, size);
    }
}
