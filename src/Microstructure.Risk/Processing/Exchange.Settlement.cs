using Microstructure.Risk.Accounts;
using Microstructure.Risk.Margin;

namespace Microstructure.Risk.Processing;

/// <content>Settlement: fills and transfers move cash and lots exactly; fees; re-keying; deficits.</content>
public sealed partial class Exchange
{
    /// <summary>
    /// Applies a fill (or an off-book transfer when <paramref name="feeRate"/> is 0) of <paramref name="qty"/> lots at
    /// <paramref name="price"/> to one side: cash moves by exactly qty·price·k, the fee (⌈value × rate⌉, against the
    /// trader) goes to the fee pool, isolated margin is allocated for the opening part, and the account is re-keyed.
    /// </summary>
    private void Settle(int account, Side side, long qty, long price, long feeRate, LiquidationCause cause)
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
                long need = MarginModel.Initial(opening * price * _k, a.Leverage) + fee;
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

        Touch(account, cause);
    }

    /// <summary>Moves <paramref name="qty"/> lots from <paramref name="from"/> (selling when its side is Sell) to <paramref name="to"/> at <paramref name="price"/>, off the book, without fees.</summary>
    private void Transfer(int from, int to, Side fromSide, long qty, long price)
    {
        Settle(from, fromSide, qty, price, 0, LiquidationCause.Transfer);
        Settle(to, fromSide == Side.Buy ? Side.Sell : Side.Buy, qty, price, 0, LiquidationCause.Transfer);
    }

    /// <summary>Moves settled cash between two accounts' margin ledgers (fees to the fund, residues, deficit cover).</summary>
    private void MoveCash(int from, int to, long amount)
    {
        _accounts[from].MarginCash -= amount;
        _accounts[to].MarginCash += amount;
    }

    /// <summary>Records what changed the account (for the breach cause) and re-keys it.</summary>
    private void Touch(int account, LiquidationCause cause)
    {
        ref var a = ref _accounts[account];
        a.LastChange = cause;
        a.LastChangeLiquidation = _activeLiquidation;
        if ((a.Flags & AccountFlags.Touched) == 0)
        {
            a.Flags |= AccountFlags.Touched;
            _touched.Add(account);
        }

        Reindex(account);
    }

    /// <summary>Puts the account at its liquidation threshold in the long or short index, or takes it out.</summary>
    private void Reindex(int account)
    {
        ref var a = ref _accounts[account];
        if ((a.Flags & (AccountFlags.System | AccountFlags.Queued | AccountFlags.InLiquidation)) != 0)
        {
            _longIndex.Remove(account);
            _shortIndex.Remove(account);
            return;
        }

        long threshold = _margin.Threshold(a.MarginCash, a.Lots, a.CostBasis);
        if (threshold == MarginModel.NotIndexed)
        {
            _longIndex.Remove(account);
            _shortIndex.Remove(account);
        }
        else if (a.Lots > 0)
        {
            _shortIndex.Remove(account);
            _longIndex.Set(account, threshold);
        }
        else
        {
            _longIndex.Remove(account);
            _shortIndex.Set(account, threshold);
        }
    }

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

    /// <summary>
    /// Flat accounts with a negative balance: the fund pays what it can when the design covers deficits; the rest is
    /// written off as bad debt. Either way the account ends at zero.
    /// </summary>
    private void SettleDeficits()
    {
        int fund = _settings.FundAccount;
        for (int i = 0; i < _deficits.Count; i++)
        {
            int account = _deficits[i];
            ref var a = ref _accounts[account];
            if (a.Lots != 0 || a.MarginCash >= 0 || account == fund)
            {
                continue;
            }

            long deficit = -a.MarginCash;
            long cover = _design.CoversDeficitsFromFund ? Math.Min(deficit, Math.Max(0, _accounts[fund].MarginCash)) : 0;
            if (cover > 0)
            {
                MoveCash(fund, account, cover);
                EmitFund(FundMovementReason.DeficitCover, -cover, account, _activeLiquidation);
            }

            long rest = deficit - cover;
            if (rest > 0)
            {
                a.MarginCash += rest;
                _badDebtBalance -= rest;
                ref var e = ref Emit(ExchangeEventType.BadDebt);
                e.AccountId = account;
                e.Amount = rest;
                e.LiquidationId = _activeLiquidation;
                e.TriggerSequence = TriggerOf(_activeLiquidation, account);
                e.MarkPrice = new Price(_mark);
                e.FundBefore = InsuranceFund;
                e.FundAfter = InsuranceFund;
            }

            Touch(account, LiquidationCause.Transfer);
        }

        _deficits.Clear();
    }

    /// <summary>Closes a step: deficits settled, reduce-only orders enforced, change marks cleared.</summary>
    private void EndStep()
    {
        SettleDeficits();
        if (EnforceReduceOnly())
        {
            AfterChange();
            SettleDeficits();
        }

        for (int i = 0; i < _touched.Count; i++)
        {
            _accounts[_touched[i]].Flags &= ~AccountFlags.Touched;
        }

        _touched.Clear();
    }
}
