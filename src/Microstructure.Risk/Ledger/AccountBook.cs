using System.Diagnostics;
using Microstructure.Risk.Accounts;
using Microstructure.Risk.Detection;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Staging;

namespace Microstructure.Risk.Ledger;

/// <summary>
/// Every account's money and position, and the only code that moves them: fills and off-book transfers settle here
/// (cash by exactly lots × price × k, fees to the fee pool), cash moves between accounts, deficits are covered or
/// written off, and each change re-keys the account in the <see cref="BreachDetector"/>.
/// </summary>
/// <remarks>
/// Money is conserved by construction: Σ cash + fund + fees − bad debt + pool cash = net deposits after every command,
/// and Σ lots + Σ collateral = 0 (checked by <see cref="LedgerAudit.AssertConserved"/> in Debug builds). Pre-allocated; nothing
/// here allocates after construction.
/// </remarks>
internal sealed class AccountBook
{
    /// <summary>Largest single deposit or transfer (10⁹ quote units), so balances stay far from overflow.</summary>
    public const long MaxTransfer = 1_000_000_000L * FixedPoint.CashScale;

    private readonly AccountState[] _accounts;
    private readonly int[] _positions;
    private readonly IntList _touched = new();
    private readonly IntList _deficits = new();
    private readonly MarginModel _margin;
    private readonly MarketState _market;
    private readonly EventStage _stage;
    private readonly BreachDetector _detector;
    private readonly long _k;
    private readonly int _fund;
    private readonly LiquidationDesignKind _designKind;
    private readonly bool _coversDeficitsFromFund;
    private int _positionCount;
    private long _fees;
    private long _badDebtBalance;
    private long _netDeposits;

    /// <summary>Allocates <paramref name="count"/> accounts with the default leverage and margin mode.</summary>
    /// <param name="count">Number of accounts.</param>
    /// <param name="defaultLeverage">Every account's leverage until it sets one.</param>
    /// <param name="defaultMode">Every user account's margin mode until it sets one.</param>
    /// <param name="systemAccounts">Fund, vault, pool liquidator and keeper: cross, exempt from fees, checks and liquidation.</param>
    /// <param name="fundAccount">The insurance fund's account.</param>
    /// <param name="k">Cash units per tick per lot.</param>
    /// <param name="margin">Values positions.</param>
    /// <param name="market">The mark positions are valued at.</param>
    /// <param name="stage">Where settlement's events go.</param>
    /// <param name="detector">Re-keyed on every change.</param>
    /// <param name="designKind">The liquidation design, named on liquidation and fund events.</param>
    /// <param name="coversDeficitsFromFund">Whether the fund pays negative balances before they become bad debt.</param>
    public AccountBook(
        int count,
        int defaultLeverage,
        MarginMode defaultMode,
        ReadOnlySpan<int> systemAccounts,
        int fundAccount,
        long k,
        MarginModel margin,
        MarketState market,
        EventStage stage,
        BreachDetector detector,
        LiquidationDesignKind designKind,
        bool coversDeficitsFromFund)
    {
        _accounts = new AccountState[count];
        for (int i = 0; i < count; i++)
        {
            ref var a = ref _accounts[i];
            a.Leverage = defaultLeverage;
            a.Mode = defaultMode;
            a.OrderHead = -1;
            a.PositionSlot = -1;
        }

        foreach (int system in systemAccounts)
        {
            _accounts[system].Flags = AccountFlags.System;
            _accounts[system].Mode = MarginMode.Cross;
        }

        _positions = new int[count];
        _fund = fundAccount;
        _k = k;
        _margin = margin;
        _market = market;
        _stage = stage;
        _detector = detector;
        _designKind = designKind;
        _coversDeficitsFromFund = coversDeficitsFromFund;
    }

    /// <summary>Number of accounts (ids 0 … this − 1).</summary>
    public int Count => _accounts.Length;

    /// <summary>The account's state, to read or update in place.</summary>
    public ref AccountState this[int account] => ref _accounts[account];

    /// <summary>The insurance fund's settled cash (the ledger bucket; negative while it holds a long it paid for).</summary>
    public long InsuranceFund => _accounts[_fund].MarginCash;

    /// <summary>
    /// The insurance fund's equity: its cash plus any position it holds at the mark. What the fund can still absorb,
    /// and what its events report as the fund before and after.
    /// </summary>
    public long FundEquity => _margin.Equity(_accounts[_fund].MarginCash, _accounts[_fund].Lots, _market.Mark);

    /// <summary>The insurance fund's account id.</summary>
    public int FundAccount => _fund;

    /// <summary>Trading fees collected so far.</summary>
    public long Fees => _fees;

    /// <summary>Losses written off so far (≥ 0).</summary>
    public long BadDebt => -_badDebtBalance;

    /// <summary>Σ deposits − Σ withdrawals, plus what the hedge venue paid in (hedge variation) or charged (hedge costs).</summary>
    public long NetDeposits => _netDeposits;

    /// <summary>Accounts with a non-zero position, in no particular order (stable between position changes).</summary>
    public ReadOnlySpan<int> Positions => _positions.AsSpan(0, _positionCount);

    /// <summary>Accounts changed during the current step, in the order they first changed.</summary>
    public IntList Touched => _touched;

    /// <summary>Whether <paramref name="id"/> names an account.</summary>
    public bool IsValid(long id) => (ulong)id < (ulong)_accounts.Length;

    /// <summary>Cash entered (positive) or left (negative) the exchange through a deposit or withdrawal — or from the hedge venue.</summary>
    public void RecordNetDeposit(long amount) => _netDeposits += amount;

    /// <summary>Resolves the command's account, refusing unknown and (unless allowed) system or liquidating accounts.</summary>
    public bool TryResolve(in ExchangeCommand command, bool allowSystem, out int account)
    {
        account = -1;
        if (!IsValid(command.AccountId))
        {
            _stage.Reject(in command, RiskRejectReason.UnknownAccount);
            return false;
        }

        ref var a = ref _accounts[command.AccountId];
        if (a.IsSystem && !allowSystem)
        {
            _stage.Reject(in command, RiskRejectReason.SystemAccount);
            return false;
        }

        if ((a.Flags & AccountFlags.InLiquidation) != 0 && command.Type != ExchangeCommandType.Deposit)
        {
            _stage.Reject(in command, RiskRejectReason.AccountInLiquidation);
            return false;
        }

        account = (int)command.AccountId;
        return true;
    }

    /// <summary>
    /// Applies a fill (or an off-book transfer when <paramref name="feeRate"/> is 0) of <paramref name="qty"/> lots at
    /// <paramref name="price"/> to one side: cash moves by exactly qty·price·k, the fee (⌈value × rate⌉, against the
    /// trader) goes to the fee pool, isolated margin is allocated for the opening part, and the account is re-keyed.
    /// </summary>
    /// <returns>The fee charged (cash units; 0 for a system account or a zero rate).</returns>
    public long Settle(int account, Side side, long qty, long price, long feeRate, LiquidationCause cause)
    {
        ref var a = ref _accounts[account];
        long value = qty * price * _k;
        long signed = side == Side.Buy ? qty : -qty;
        long before = a.Lots;
        long closing = (before > 0 && signed < 0) || (before < 0 && signed > 0) ? Math.Min(qty, Math.Abs(before)) : 0;
        long opening = qty - closing;
        a.MarginCash += side == Side.Buy ? -value : value;
        if (closing > 0)
        {
            // Only the reporting split: realised vs unrealised. Truncated toward zero; no money moves.
            long removed = FixedPoint.MulDivFloor(Math.Abs(a.CostBasis), closing, Math.Abs(before));
            a.CostBasis -= a.CostBasis >= 0 ? removed : -removed;
        }

        a.Lots = before + signed;
        if (a.Lots == 0)
        {
            a.CostBasis = 0;
        }
        else if (opening > 0)
        {
            long openValue = opening * price * _k;
            a.CostBasis += side == Side.Buy ? openValue : -openValue;
        }

        long fee = 0;
        if (feeRate > 0 && !a.IsSystem)
        {
            fee = FixedPoint.RateCeil(value, feeRate);
            a.MarginCash -= fee;
            _fees += fee;
        }

        if (a.Mode == MarginMode.Isolated)
        {
            if (opening > 0)
            {
                long need = _margin.InitialMargin(opening * price * _k, a.Leverage) + fee;
                long move = Math.Min(need, Math.Max(0, a.FreeCash));
                a.FreeCash -= move;
                a.MarginCash += move;
            }

            if (a.Lots == 0 && a.MarginCash > 0)
            {
                a.FreeCash += a.MarginCash;
                a.MarginCash = 0;
            }
        }

        UpdatePositionList(account, before);
        if (a.Lots == 0 && a.MarginCash < 0)
        {
            _deficits.Add(account);
        }

        Debug.Assert(a.Lots != 0 || a.CostBasis == 0, "a flat account carries no cost basis");
        Touch(account, cause);
        return fee;
    }

    /// <summary>
    /// The account's settled cash: its cash ledger in cross margin, the position's margin plus free cash in isolated
    /// margin (what a trade event reports as the side's balance).
    /// </summary>
    public long CashOf(int account)
    {
        ref var a = ref _accounts[account];
        return a.MarginCash + a.FreeCash;
    }

    /// <summary>Moves <paramref name="qty"/> lots from <paramref name="from"/> (selling when its side is Sell) to <paramref name="to"/> at <paramref name="price"/>, off the book, without fees.</summary>
    public void Transfer(int from, int to, Side fromSide, long qty, long price)
    {
        _ = Settle(from, fromSide, qty, price, 0, LiquidationCause.Transfer);
        _ = Settle(to, fromSide == Side.Buy ? Side.Sell : Side.Buy, qty, price, 0, LiquidationCause.Transfer);
    }

    /// <summary>Moves settled cash between two accounts' margin ledgers (fees to the fund, residues, deficit cover).</summary>
    public void MoveCash(int from, int to, long amount)
    {
        _accounts[from].MarginCash -= amount;
        _accounts[to].MarginCash += amount;
    }

    /// <summary>Adds (or removes) lots to an account's perpetual ledger without moving cash; cost basis follows (<paramref name="cost"/> for added lots).</summary>
    public void ShiftLots(int account, long delta, long cost)
    {
        ref var a = ref _accounts[account];
        long before = a.Lots;
        if (delta < 0 && before > 0)
        {
            long removed = FixedPoint.MulDivFloor(Math.Abs(a.CostBasis), Math.Min(-delta, before), before);
            a.CostBasis -= a.CostBasis >= 0 ? removed : -removed;
        }
        else if (delta > 0)
        {
            a.CostBasis += cost;
        }

        a.Lots = before + delta;
        if (a.Lots == 0)
        {
            a.CostBasis = 0;
        }

        UpdatePositionList(account, before);
    }

    /// <summary>Records what changed the account (for the breach cause and parent) and re-keys it.</summary>
    public void Touch(int account, LiquidationCause cause)
    {
        ref var a = ref _accounts[account];
        a.LastChange = cause;
        a.LastChangeLiquidation = _stage.Scope.Id;
        if ((a.Flags & AccountFlags.Touched) == 0)
        {
            a.Flags |= AccountFlags.Touched;
            _touched.Add(account);
        }

        Reindex(account);
    }

    /// <summary>Re-keys the account in the breach detector (out of it while system, queued or in liquidation).</summary>
    public void Reindex(int account)
    {
        ref var a = ref _accounts[account];
        bool excluded = (a.Flags & (AccountFlags.System | AccountFlags.Queued | AccountFlags.InLiquidation)) != 0;
        _detector.Rekey(account, excluded, a.MarginCash, a.Lots, a.CostBasis);
    }

    /// <summary>
    /// Flat accounts with a negative balance: the fund pays what it can when the design covers deficits; the rest is
    /// written off as bad debt. Either way the account ends at zero.
    /// </summary>
    public void SettleDeficits()
    {
        long liquidationId = _stage.Scope.Id;
        for (int i = 0; i < _deficits.Count; i++)
        {
            int account = _deficits[i];
            ref var a = ref _accounts[account];
            if (a.Lots != 0 || a.MarginCash >= 0 || account == _fund)
            {
                continue;
            }

            // Work outside any liquidation scope (an auction sale taken by an agent's command, a keeper's step on the
            // clock) is still that liquidation's: tag the cover with the liquidation that last changed the account.
            long owner = liquidationId != 0 ? liquidationId : a.LastChangeLiquidation;
            long deficit = -a.MarginCash;
            long cover = _coversDeficitsFromFund ? Math.Min(deficit, Math.Max(0, FundEquity)) : 0;
            if (cover > 0)
            {
                MoveCash(_fund, account, cover);
                EmitFund(FundMovementReason.DeficitCover, -cover, account, owner);
            }

            long rest = deficit - cover;
            if (rest > 0)
            {
                a.MarginCash += rest;
                _badDebtBalance -= rest;
                ref var e = ref _stage.Emit(ExchangeEventType.BadDebt);
                e.Engine.AccountId = account;
                e.Amount = rest;
                e.LiquidationId = owner;
                e.TriggerSequence = TriggerOf(owner, account);
                e.MarkPrice = new Price(_market.Mark);
                e.FundBefore = FundEquity;
                e.FundAfter = FundEquity;
            }

            Debug.Assert(a.MarginCash == 0, "a settled deficit leaves the account at exactly zero");
            Touch(account, LiquidationCause.Transfer);
        }

        _deficits.Clear();
    }

    /// <summary>Forgets which accounts changed: the step is over.</summary>
    public void ClearTouched()
    {
        for (int i = 0; i < _touched.Count; i++)
        {
            _accounts[_touched[i]].Flags &= ~AccountFlags.Touched;
        }

        _touched.Clear();
    }

    /// <summary>
    /// The command sequence that caused liquidation <paramref name="liquidationId"/>: the running liquidation's trigger,
    /// else the account's own, else the current command.
    /// </summary>
    public long TriggerOf(long liquidationId, int account)
    {
        var scope = _stage.Scope;
        if (liquidationId != 0 && liquidationId == scope.Id && scope.Trigger >= 0)
        {
            return scope.Trigger;
        }

        ref var a = ref _accounts[account];
        return liquidationId != 0 && a.LiquidationId == liquidationId ? a.TriggerSequence : _stage.Sequence;
    }

    /// <summary>Stages a liquidation event with the account's position, equity, MM, margin ratio and bankruptcy price at the mark.</summary>
    public ref ExchangeEvent EmitLiquidation(ExchangeEventType type, int account, long liquidationId)
    {
        ref var a = ref _accounts[account];
        long mark = _market.Mark;
        ref var e = ref _stage.Emit(type);
        e.Engine.AccountId = account;
        e.LiquidationId = liquidationId;
        e.TriggerSequence = TriggerOf(liquidationId, account);
        e.Design = _designKind;
        e.MarkPrice = new Price(mark);
        e.PositionLots = a.Lots;
        long equity = _margin.Equity(a.MarginCash, a.Lots, mark);
        long mm = _margin.Maintenance(a.Lots, a.CostBasis, mark);
        e.Equity = equity;
        e.MaintenanceMargin = mm;
        e.MarginRatio = a.Lots == 0 ? 0 : MarginModel.MarginRatio(equity, mm);
        e.BankruptcyPrice = new Price(a.Lots == 0 ? 0 : _margin.BankruptcyPrice(a.MarginCash, a.Lots));
        long fund = FundEquity;
        e.FundBefore = fund;
        e.FundAfter = fund;
        return ref e;
    }

    /// <summary>Stages an insurance-fund movement (the fund balance has already moved by <paramref name="delta"/>).</summary>
    public void EmitFund(FundMovementReason reason, long delta, int account, long liquidationId)
    {
        ref var e = ref _stage.Emit(ExchangeEventType.InsuranceFund);
        e.FundReason = reason;
        e.Amount = delta;
        e.Engine.AccountId = account;
        e.LiquidationId = liquidationId;
        e.Design = liquidationId != 0 ? _designKind : LiquidationDesignKind.None;
        e.FundAfter = FundEquity;
        e.FundBefore = e.FundAfter - delta;
        e.MarkPrice = new Price(_market.Mark);
        e.TriggerSequence = liquidationId != 0 ? TriggerOf(liquidationId, account) : _stage.Sequence;
    }

    /// <summary>True when the account's position is at or below maintenance margin at the current mark.</summary>
    public bool IsBreached(int account)
    {
        ref var a = ref _accounts[account];
        return _market.Mark > 0 && _margin.IsBreached(a.MarginCash, a.Lots, a.CostBasis, _market.Mark);
    }

    /// <summary>Equity of the account's position ledger at the mark.</summary>
    public long EquityOf(int account)
    {
        ref var a = ref _accounts[account];
        return _margin.Equity(a.MarginCash, a.Lots, _market.Mark);
    }

    /// <summary>Maintenance margin of the account's position at the mark.</summary>
    public long MaintenanceOf(int account)
    {
        ref var a = ref _accounts[account];
        return _margin.Maintenance(a.Lots, a.CostBasis, _market.Mark);
    }

    /// <summary>Notional of the account's position at the mark.</summary>
    public long NotionalOf(int account) => _margin.Notional(_accounts[account].Lots, _market.Mark);

    /// <summary>Cross: wallet + min(0, uPnL) − initial margin of <paramref name="worstNotional"/> (unrealised profit is not spendable).</summary>
    public long AvailableCross(ref AccountState a, long worstNotional) =>
        Math.Min(a.MarginCash + a.CostBasis, _margin.Equity(a.MarginCash, a.Lots, _market.Mark)) - _margin.InitialMargin(worstNotional, a.Leverage);

    /// <summary>Cross: what the account can spend now with its position and open orders as they are.</summary>
    public long AvailableCross(ref AccountState a) => AvailableCross(ref a, Worst(a.Lots, a.OpenBuyLots, a.OpenSellLots) * _market.Mark * _k);

    /// <summary>The worst-case position (lots) if every open buy, or every open sell, filled.</summary>
    public static long Worst(long lots, long buys, long sells) => Math.Max(Math.Max(0, lots + buys), Math.Max(0, sells - lots));

    private void UpdatePositionList(int account, long lotsBefore)
    {
        ref var a = ref _accounts[account];
        if (lotsBefore == 0 && a.Lots != 0)
        {
            a.PositionSlot = _positionCount;
            _positions[_positionCount++] = account;
        }
        else if (lotsBefore != 0 && a.Lots == 0)
        {
            int slot = a.PositionSlot;
            int last = _positions[--_positionCount];
            _positions[slot] = last;
            _accounts[last].PositionSlot = slot;
            a.PositionSlot = -1;
        }
    }
}
