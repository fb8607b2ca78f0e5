using Microstructure.Risk.Accounts;
using Microstructure.Risk.Lending;

namespace Microstructure.Risk.Processing;

/// <content>
/// The Aave-v3-like lending pool: supply, collateral, borrow, repay, e-mode, and the protocol liquidator that repays
/// debt, seizes collateral with the bonus and sells it on the order book inline — which is what feeds the loop.
/// </content>
public sealed partial class Exchange
{
    private long PoolOraclePrice => _pool is null ? 0 : _pool.Oracle == PoolOracle.Mark ? _mark : _index;

    private void ApplyPoolCommand(in ExchangeCommand command)
    {
        if (_pool is null || command.Type > ExchangeCommandType.PoolSetEMode)
        {
            EmitReject(in command, RiskRejectReason.NotEnabled);
            return;
        }

        if (!TryAccount(in command, allowSystem: false, out int account))
        {
            return;
        }

        ref var a = ref _accounts[account];
        if (a.Mode != MarginMode.Cross)
        {
            EmitReject(in command, RiskRejectReason.WrongMarginMode);
            return;
        }

        var reason = command.Type switch
        {
            ExchangeCommandType.PoolSupply => Supply(account, command.Amount),
            ExchangeCommandType.PoolWithdrawSupply => WithdrawSupply(account, command.Amount),
            ExchangeCommandType.PoolDepositCollateral => DepositCollateral(account, command.Amount),
            ExchangeCommandType.PoolWithdrawCollateral => WithdrawCollateral(account, command.Amount),
            ExchangeCommandType.PoolBorrow => Borrow(account, command.Amount),
            ExchangeCommandType.PoolRepay => Repay(account, command.Amount),
            _ => SetEMode(account, command.Amount),
        };
        if (reason != RiskRejectReason.None)
        {
            EmitReject(in command, reason);
        }
    }

    private RiskRejectReason Supply(int account, long amount)
    {
        ref var a = ref _accounts[account];
        if (amount <= 0 || amount > MaxTransfer)
        {
            return RiskRejectReason.InvalidAmount;
        }

        if (amount > AvailableCross(ref a, Worst(a.Lots, a.OpenBuyLots, a.OpenSellLots) * _mark * _k))
        {
            return RiskRejectReason.InsufficientBalance;
        }

        a.MarginCash -= amount;
        a.Supplied += amount;
        _poolCash += amount;
        EmitPool(ExchangeEventType.PoolSupplied, account, amount, 0);
        Touch(account, LiquidationCause.AccountChange);
        return RiskRejectReason.None;
    }

    private RiskRejectReason WithdrawSupply(int account, long amount)
    {
        ref var a = ref _accounts[account];
        if (amount <= 0)
        {
            return RiskRejectReason.InvalidAmount;
        }

        if (amount > a.Supplied || amount > _poolCash)
        {
            return RiskRejectReason.InsufficientBalance;
        }

        a.Supplied -= amount;
        a.MarginCash += amount;
        _poolCash -= amount;
        EmitPool(ExchangeEventType.PoolSupplyWithdrawn, account, amount, 0);
        Touch(account, LiquidationCause.AccountChange);
        return RiskRejectReason.None;
    }

    private RiskRejectReason DepositCollateral(int account, long lots)
    {
        ref var a = ref _accounts[account];
        if (lots <= 0)
        {
            return RiskRejectReason.InvalidAmount;
        }

        if (lots > a.Lots)
        {
            return RiskRejectReason.InsufficientBalance;
        }

        // The lots leave the perpetual ledger (no cash moves): what remains there must still meet initial margin.
        long savedLots = a.Lots, savedCost = a.CostBasis;
        ShiftLots(account, -lots, 0);
        if (AvailableCross(ref a, Worst(a.Lots, a.OpenBuyLots, a.OpenSellLots) * _mark * _k) < 0)
        {
            ShiftLots(account, lots, 0);
            a.Lots = savedLots;
            a.CostBasis = savedCost;
            return RiskRejectReason.InsufficientMargin;
        }

        a.Collateral += lots;
        EmitPool(ExchangeEventType.CollateralDeposited, account, 0, lots);
        Touch(account, LiquidationCause.AccountChange);
        ReindexPool(account);
        return RiskRejectReason.None;
    }

    private RiskRejectReason WithdrawCollateral(int account, long lots)
    {
        ref var a = ref _accounts[account];
        if (lots <= 0)
        {
            return RiskRejectReason.InvalidAmount;
        }

        if (lots > a.Collateral)
        {
            return RiskRejectReason.InsufficientBalance;
        }

        if (LendingPoolSettings.IsLiquidatable(a.Collateral - lots, a.Debt, PoolOraclePrice, _k, ThresholdOf(ref a)))
        {
            return RiskRejectReason.HealthFactorTooLow;
        }

        a.Collateral -= lots;
        ShiftLots(account, lots, lots * PoolOraclePrice * _k);
        EmitPool(ExchangeEventType.CollateralWithdrawn, account, 0, lots);
        Touch(account, LiquidationCause.AccountChange);
        ReindexPool(account);
        return RiskRejectReason.None;
    }

    private RiskRejectReason Borrow(int account, long amount)
    {
        ref var a = ref _accounts[account];
        if (amount <= 0 || amount > MaxTransfer)
        {
            return RiskRejectReason.InvalidAmount;
        }

        if (amount > _poolCash)
        {
            return RiskRejectReason.InsufficientBalance;
        }

        long ltv = a.EMode ? _pool!.EModeLoanToValue : _pool!.LoanToValue;
        if ((Int128)(a.Debt + amount) * FixedPoint.RateScale > (Int128)a.Collateral * PoolOraclePrice * _k * ltv)
        {
            return RiskRejectReason.HealthFactorTooLow;
        }

        a.Debt += amount;
        a.MarginCash += amount;
        _poolCash -= amount;
        EmitPool(ExchangeEventType.Borrowed, account, amount, 0);
        Touch(account, LiquidationCause.AccountChange);
        ReindexPool(account);
        return RiskRejectReason.None;
    }

    private RiskRejectReason Repay(int account, long amount)
    {
        ref var a = ref _accounts[account];
        if (amount <= 0)
        {
            return RiskRejectReason.InvalidAmount;
        }

        amount = Math.Min(amount, a.Debt);
        if (amount == 0 || amount > AvailableCross(ref a, Worst(a.Lots, a.OpenBuyLots, a.OpenSellLots) * _mark * _k))
        {
            return RiskRejectReason.InsufficientBalance;
        }

        a.Debt -= amount;
        a.MarginCash -= amount;
        _poolCash += amount;
        EmitPool(ExchangeEventType.Repaid, account, amount, 0);
        Touch(account, LiquidationCause.AccountChange);
        ReindexPool(account);
        return RiskRejectReason.None;
    }

    private RiskRejectReason SetEMode(int account, long flag)
    {
        ref var a = ref _accounts[account];
        if (flag is not (0 or 1))
        {
            return RiskRejectReason.InvalidAmount;
        }

        bool previous = a.EMode;
        a.EMode = flag == 1;
        long ltv = a.EMode ? _pool!.EModeLoanToValue : _pool!.LoanToValue;
        if ((Int128)a.Debt * FixedPoint.RateScale > (Int128)a.Collateral * PoolOraclePrice * _k * ltv)
        {
            a.EMode = previous;
            return RiskRejectReason.HealthFactorTooLow;
        }

        EmitPool(ExchangeEventType.EModeChanged, account, flag, 0);
        ReindexPool(account);
        return RiskRejectReason.None;
    }

    private long ThresholdOf(ref AccountState a) => a.EMode ? _pool!.EModeThreshold : _pool!.Threshold;

    private void ReindexPool(int account)
    {
        if (_poolIndex is null)
        {
            return;
        }

        ref var a = ref _accounts[account];
        long threshold = (a.Flags & (AccountFlags.PoolQueued | AccountFlags.System)) != 0
            ? long.MinValue
            : LendingPoolSettings.ThresholdPrice(a.Collateral, a.Debt, _k, ThresholdOf(ref a), _maxPrice);
        if (threshold < _minPrice)
        {
            _poolIndex.Remove(account);
        }
        else
        {
            _poolIndex.Set(account, Math.Min(threshold, _maxPrice));
        }
    }

    /// <summary>
    /// Protocol liquidation: the liquidator repays up to close factor × debt, seizes collateral worth that × (1 + bonus)
    /// at the oracle (lots rounded down; if the collateral runs out the repayment shrinks to what it is worth — both
    /// against the borrower), and sells the seized lots on the book at once.
    /// </summary>
    private void LiquidatePool(in LiquidationTicket ticket)
    {
        int account = ticket.Account;
        ref var a = ref _accounts[account];
        a.Flags &= ~AccountFlags.PoolQueued;
        long oracle = PoolOraclePrice;
        long threshold = ThresholdOf(ref a);
        if (oracle <= 0 || !LendingPoolSettings.IsLiquidatable(a.Collateral, a.Debt, oracle, _k, threshold))
        {
            ReindexPool(account);
            return;
        }

        int liquidator = _settings.LiquidatorAccount;
        long hf = LendingPoolSettings.HealthFactor(a.Collateral, a.Debt, oracle, _k, threshold);
        long closeFactor = _pool!.CloseFactorFor(hf, a.Collateral * oracle * _k, a.Debt);
        long repay = closeFactor == FixedPoint.RateScale ? a.Debt : FixedPoint.RateFloor(a.Debt, closeFactor);
        repay = Math.Min(repay, Math.Max(0, _accounts[liquidator].MarginCash));
        long bonus = a.EMode ? _pool.EModeBonus : _pool.Bonus;
        Int128 perLot = (Int128)oracle * _k * FixedPoint.RateScale;
        long seize = (long)((Int128)repay * (FixedPoint.RateScale + bonus) / perLot);
        if (seize >= a.Collateral)
        {
            seize = a.Collateral;
            repay = Math.Min(repay, (long)(seize * perLot / (FixedPoint.RateScale + bonus)));
        }

        if (seize == 0 || repay == 0)
        {
            // Nothing to do now (the liquidator has no cash, or dust): look again on the next mark move.
            ReindexPool(account);
            return;
        }

        long id = ++_liquidationCounter;
        _activeLiquidation = id;
        _activeTrigger = ticket.TriggerSequence;
        ref var e = ref Emit(ExchangeEventType.PoolLiquidation);
        e.AccountId = account;
        e.CounterpartyAccountId = liquidator;
        e.LiquidationId = id;
        e.ParentLiquidationId = ticket.Parent;
        e.TriggerSequence = ticket.TriggerSequence;
        e.Cause = LiquidationCause.HealthFactor;
        e.Design = LiquidationDesignKind.LendingPool;
        e.MarkPrice = new Price(oracle);
        e.Price = new Price(ticket.MarkBefore);
        e.MarginRatio = hf;
        e.Rate = closeFactor;
        e.Amount = repay;
        e.Quantity = new Quantity(seize);
        e.PositionLots = a.Collateral;
        e.Equity = a.Debt;

        _accounts[liquidator].MarginCash -= repay;
        _poolCash += repay;
        a.Debt -= repay;
        a.Collateral -= seize;
        ShiftLots(liquidator, seize, repay);
        if (a.Collateral == 0 && a.Debt > 0)
        {
            ref var w = ref Emit(ExchangeEventType.PoolBadDebt);
            w.AccountId = account;
            w.Amount = a.Debt;
            w.LiquidationId = id;
            _poolBadDebt += a.Debt;
            a.Debt = 0;
        }

        ReindexPool(account);
        if (!_pool.SellsOnBook || !SellPoolCollateral(id, seize, ticket.TriggerSequence))
        {
            Detect();
        }
    }

    /// <summary>Seconds between the pool liquidator's attempts to sell collateral the book could not take.</summary>
    private const long PoolUnwindRetryNs = 1_000_000_000;

    /// <summary>
    /// The pool liquidator sells the <paramref name="lots"/> one liquidation seized, under that liquidation's id and
    /// trigger. What an empty bid side or a halt leaves unsold is parked and offered again every second — each
    /// liquidation its own lots, so fills, levels swept and mids stay with the liquidation that seized them — until it
    /// is sold; no order is sent while there is no bid to take it. Returns whether an order was sent.
    /// </summary>
    private bool SellPoolCollateral(long liquidationId, long lots, long trigger)
    {
        int liquidator = _settings.LiquidatorAccount;
        lots = Math.Min(lots, _accounts[liquidator].Lots);
        if (lots <= 0)
        {
            return false;
        }

        bool send = _engine.BestBid.Ticks > 0 && !_guard.IsHalted(_now);
        long filled = send ? SendLiquidationOrder(liquidator, Side.Sell, lots, 0, fillOrKill: false, liquidationId) : 0;
        long left = Math.Min(lots - filled, _accounts[liquidator].Lots);
        if (left > 0)
        {
            var retry = new LiquidationTicket
            {
                Account = liquidator,
                Kind = TicketKind.PoolUnwind,
                LiquidationId = liquidationId,
                TriggerSequence = trigger,
                Lots = left,
            };
            _parked.Add(in retry, _now + PoolUnwindRetryNs);
        }

        return send;
    }

    /// <summary>Adds (or removes) lots to an account's perpetual ledger without moving cash; cost basis follows (<paramref name="cost"/> for added lots).</summary>
    private void ShiftLots(int account, long delta, long cost)
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

    private void EmitPool(ExchangeEventType type, int account, long amount, long lots)
    {
        ref var a = ref _accounts[account];
        ref var e = ref Emit(type);
        e.AccountId = account;
        e.Amount = amount;
        e.Quantity = new Quantity(lots);
        e.PositionLots = a.Collateral;
        e.Equity = a.Debt;
        e.MarkPrice = new Price(PoolOraclePrice);
        e.MarginRatio = LendingPoolSettings.HealthFactor(a.Collateral, a.Debt, PoolOraclePrice, _k, ThresholdOf(ref a));
    }
}
