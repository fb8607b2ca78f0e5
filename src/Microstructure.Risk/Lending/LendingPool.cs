using Microstructure.Risk.Accounts;
using Microstructure.Risk.Detection;
using Microstructure.Risk.Ledger;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Staging;

namespace Microstructure.Risk.Lending;

/// <summary>
/// The Aave-v3-like lending pool: its cash and bad debt, the supply / collateral / borrow / repay / e-mode commands,
/// the index of borrowers by the oracle price at which they become liquidatable, and the accounting of a protocol
/// liquidation (repay part of the debt, seize collateral with the bonus). Selling the seized collateral on the book
/// is the liquidation desk's job.
/// </summary>
internal sealed class LendingPool
{
    private readonly LendingPoolSettings _settings;
    private readonly ThresholdIndex _index;
    private readonly AccountBook _book;
    private readonly MarketState _market;
    private readonly EventStage _stage;
    private readonly long _k;
    private readonly long _minPrice;
    private readonly long _maxPrice;
    private long _cash;
    private long _badDebt;

    /// <summary>Creates an empty pool.</summary>
    public LendingPool(LendingPoolOptions options, AccountBook book, MarketState market, EventStage stage, long k, long minPrice, long maxPrice)
    {
        _settings = new LendingPoolSettings(options);
        _index = new ThresholdIndex(book.Count, minPrice, maxPrice, breachedAtOrBelow: true);
        _book = book;
        _market = market;
        _stage = stage;
        _k = k;
        _minPrice = minPrice;
        _maxPrice = maxPrice;
    }

    /// <summary>Cash available to borrow.</summary>
    public long Cash => _cash;

    /// <summary>Debt written off because no collateral was left (a loss of the pool's suppliers).</summary>
    public long BadDebt => _badDebt;

    /// <summary>Whether seized collateral is sold on the order book at once.</summary>
    public bool SellsOnBook => _settings.SellsOnBook;

    /// <summary>The price collateral is valued at: the mark or the index, as configured.</summary>
    public long OraclePrice => _settings.Oracle == PoolOracle.Mark ? _market.Mark : _market.Index;

    /// <summary>A pool command (supply … e-mode): applied with its event, or refused with one.</summary>
    public void Apply(in ExchangeCommand command)
    {
        if (!_book.TryResolve(in command, allowSystem: false, out int account))
        {
            return;
        }

        ref var a = ref _book[account];
        if (a.Mode != MarginMode.Cross)
        {
            _stage.Reject(in command, RiskRejectReason.WrongMarginMode);
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
            _stage.Reject(in command, reason);
        }
    }

    /// <summary>The account's health factor at the oracle (rate units; 10⁸ = 1).</summary>
    public long HealthFactorOf(ref AccountState a) =>
        LendingPoolSettings.HealthFactor(a.Collateral, a.Debt, OraclePrice, _k, ThresholdOf(ref a));

    /// <summary>Removes and returns a borrower liquidatable at <paramref name="price"/> (most severe first), or −1.</summary>
    public int PopLiquidatable(long price) => _index.PopBreached(price);

    /// <summary>Puts the borrower in the index at the oracle price below which it is liquidatable (out while queued or system).</summary>
    public void Reindex(int account)
    {
        ref var a = ref _book[account];
        long threshold = (a.Flags & (AccountFlags.PoolQueued | AccountFlags.System)) != 0
            ? long.MinValue
            : LendingPoolSettings.ThresholdPrice(a.Collateral, a.Debt, _k, ThresholdOf(ref a), _maxPrice);
        if (threshold < _minPrice)
        {
            _index.Remove(account);
        }
        else
        {
            _index.Set(account, Math.Min(threshold, _maxPrice));
        }
    }

    /// <summary>
    /// What a protocol liquidation of <paramref name="account"/> would do now: the liquidator repays up to close factor
    /// × debt (no more than its cash), and seizes collateral worth that × (1 + bonus) at the oracle (lots rounded down;
    /// if the collateral runs out the repayment shrinks to what it is worth — both against the borrower). False when
    /// there is nothing to do (healthy, no oracle, or dust); the account is then re-keyed.
    /// </summary>
    public bool TryPlanSeizure(int account, int liquidator, out PoolSeizure plan)
    {
        ref var a = ref _book[account];
        a.Flags &= ~AccountFlags.PoolQueued;
        long oracle = OraclePrice;
        long threshold = ThresholdOf(ref a);
        plan = default;
        if (oracle <= 0 || !LendingPoolSettings.IsLiquidatable(a.Collateral, a.Debt, oracle, _k, threshold))
        {
            Reindex(account);
            return false;
        }

        long hf = LendingPoolSettings.HealthFactor(a.Collateral, a.Debt, oracle, _k, threshold);
        long closeFactor = _settings.CloseFactorFor(hf, a.Collateral * oracle * _k, a.Debt);
        long repay = closeFactor == FixedPoint.RateScale ? a.Debt : FixedPoint.RateFloor(a.Debt, closeFactor);
        repay = Math.Min(repay, Math.Max(0, _book[liquidator].MarginCash));
        long bonus = a.EMode ? _settings.EModeBonus : _settings.Bonus;
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
            Reindex(account);
            return false;
        }

        plan = new PoolSeizure(oracle, hf, closeFactor, repay, seize);
        return true;
    }

    /// <summary>
    /// Carries out <paramref name="plan"/> as liquidation <paramref name="liquidationId"/>: the event, the liquidator's
    /// repayment into the pool, the seized lots onto the liquidator's perpetual ledger at the repaid cost, and a write-off
    /// of debt left without collateral.
    /// </summary>
    public void Seize(int account, int liquidator, in PoolSeizure plan, long liquidationId, long parent, long trigger, long markBefore)
    {
        ref var a = ref _book[account];
        ref var e = ref _stage.Emit(ExchangeEventType.PoolLiquidation);
        e.Engine.AccountId = account;
        e.CounterpartyAccountId = liquidator;
        e.LiquidationId = liquidationId;
        e.ParentLiquidationId = parent;
        e.TriggerSequence = trigger;
        e.Cause = LiquidationCause.HealthFactor;
        e.Design = LiquidationDesignKind.LendingPool;
        e.MarkPrice = new Price(plan.Oracle);
        e.Engine.Price = new Price(markBefore);
        e.MarginRatio = plan.HealthFactor;
        e.Rate = plan.CloseFactor;
        e.Amount = plan.Repay;
        e.Engine.Quantity = new Quantity(plan.Lots);
        e.PositionLots = a.Collateral;
        e.Equity = a.Debt;

        _book[liquidator].MarginCash -= plan.Repay;
        _cash += plan.Repay;
        a.Debt -= plan.Repay;
        a.Collateral -= plan.Lots;
        _book.ShiftLots(liquidator, plan.Lots, plan.Repay);
        if (a.Collateral == 0 && a.Debt > 0)
        {
            ref var w = ref _stage.Emit(ExchangeEventType.PoolBadDebt);
            w.Engine.AccountId = account;
            w.Amount = a.Debt;
            w.LiquidationId = liquidationId;
            _badDebt += a.Debt;
            a.Debt = 0;
        }

        Reindex(account);
    }

    /// <summary>The reference for the index: a scan of every borrower liquidatable at <paramref name="price"/>.</summary>
    public List<int> LiquidatableByScan(long price)
    {
        var result = new List<int>();
        for (int i = 0; i < _book.Count; i++)
        {
            ref var a = ref _book[i];
            if ((a.Flags & (AccountFlags.System | AccountFlags.PoolQueued)) == 0
                && LendingPoolSettings.IsLiquidatable(a.Collateral, a.Debt, price, _k, ThresholdOf(ref a)))
            {
                result.Add(i);
            }
        }

        return result;
    }

    /// <summary>The borrowers the index holds as liquidatable at <paramref name="price"/> (tests).</summary>
    public List<int> LiquidatableByIndex(long price)
    {
        var result = new List<int>();
        _index.CollectBreached(price, result);
        return result;
    }

    private RiskRejectReason Supply(int account, long amount)
    {
        ref var a = ref _book[account];
        if (amount <= 0 || amount > AccountBook.MaxTransfer)
        {
            return RiskRejectReason.InvalidAmount;
        }

        if (amount > _book.AvailableCross(ref a))
        {
            return RiskRejectReason.InsufficientBalance;
        }

        a.MarginCash -= amount;
        a.Supplied += amount;
        _cash += amount;
        EmitPool(ExchangeEventType.PoolSupplied, account, amount, 0);
        _book.Touch(account, LiquidationCause.AccountChange);
        return RiskRejectReason.None;
    }

    private RiskRejectReason WithdrawSupply(int account, long amount)
    {
        ref var a = ref _book[account];
        if (amount <= 0)
        {
            return RiskRejectReason.InvalidAmount;
        }

        if (amount > a.Supplied || amount > _cash)
        {
            return RiskRejectReason.InsufficientBalance;
        }

        a.Supplied -= amount;
        a.MarginCash += amount;
        _cash -= amount;
        EmitPool(ExchangeEventType.PoolSupplyWithdrawn, account, amount, 0);
        _book.Touch(account, LiquidationCause.AccountChange);
        return RiskRejectReason.None;
    }

    private RiskRejectReason DepositCollateral(int account, long lots)
    {
        ref var a = ref _book[account];
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
        _book.ShiftLots(account, -lots, 0);
        if (_book.AvailableCross(ref a) < 0)
        {
            _book.ShiftLots(account, lots, 0);
            a.Lots = savedLots;
            a.CostBasis = savedCost;
            return RiskRejectReason.InsufficientMargin;
        }

        a.Collateral += lots;
        EmitPool(ExchangeEventType.CollateralDeposited, account, 0, lots);
        _book.Touch(account, LiquidationCause.AccountChange);
        Reindex(account);
        return RiskRejectReason.None;
    }

    private RiskRejectReason WithdrawCollateral(int account, long lots)
    {
        ref var a = ref _book[account];
        if (lots <= 0)
        {
            return RiskRejectReason.InvalidAmount;
        }

        if (lots > a.Collateral)
        {
            return RiskRejectReason.InsufficientBalance;
        }

        if (LendingPoolSettings.IsLiquidatable(a.Collateral - lots, a.Debt, OraclePrice, _k, ThresholdOf(ref a)))
        {
            return RiskRejectReason.HealthFactorTooLow;
        }

        a.Collateral -= lots;
        _book.ShiftLots(account, lots, lots * OraclePrice * _k);
        EmitPool(ExchangeEventType.CollateralWithdrawn, account, 0, lots);
        _book.Touch(account, LiquidationCause.AccountChange);
        Reindex(account);
        return RiskRejectReason.None;
    }

    private RiskRejectReason Borrow(int account, long amount)
    {
        ref var a = ref _book[account];
        if (amount <= 0 || amount > AccountBook.MaxTransfer)
        {
            return RiskRejectReason.InvalidAmount;
        }

        if (amount > _cash)
        {
            return RiskRejectReason.InsufficientBalance;
        }

        long ltv = a.EMode ? _settings.EModeLoanToValue : _settings.LoanToValue;
        if ((Int128)(a.Debt + amount) * FixedPoint.RateScale > (Int128)a.Collateral * OraclePrice * _k * ltv)
        {
            return RiskRejectReason.HealthFactorTooLow;
        }

        a.Debt += amount;
        a.MarginCash += amount;
        _cash -= amount;
        EmitPool(ExchangeEventType.Borrowed, account, amount, 0);
        _book.Touch(account, LiquidationCause.AccountChange);
        Reindex(account);
        return RiskRejectReason.None;
    }

    private RiskRejectReason Repay(int account, long amount)
    {
        ref var a = ref _book[account];
        if (amount <= 0)
        {
            return RiskRejectReason.InvalidAmount;
        }

        amount = Math.Min(amount, a.Debt);
        if (amount == 0 || amount > _book.AvailableCross(ref a))
        {
            return RiskRejectReason.InsufficientBalance;
        }

        a.Debt -= amount;
        a.MarginCash -= amount;
        _cash += amount;
        EmitPool(ExchangeEventType.Repaid, account, amount, 0);
        _book.Touch(account, LiquidationCause.AccountChange);
        Reindex(account);
        return RiskRejectReason.None;
    }

    private RiskRejectReason SetEMode(int account, long flag)
    {
        ref var a = ref _book[account];
        if (flag is not (0 or 1))
        {
            return RiskRejectReason.InvalidAmount;
        }

        bool previous = a.EMode;
        a.EMode = flag == 1;
        long ltv = a.EMode ? _settings.EModeLoanToValue : _settings.LoanToValue;
        if ((Int128)a.Debt * FixedPoint.RateScale > (Int128)a.Collateral * OraclePrice * _k * ltv)
        {
            a.EMode = previous;
            return RiskRejectReason.HealthFactorTooLow;
        }

        EmitPool(ExchangeEventType.EModeChanged, account, flag, 0);
        Reindex(account);
        return RiskRejectReason.None;
    }

    private long ThresholdOf(ref AccountState a) => a.EMode ? _settings.EModeThreshold : _settings.Threshold;

    private void EmitPool(ExchangeEventType type, int account, long amount, long lots)
    {
        ref var a = ref _book[account];
        ref var e = ref _stage.Emit(type);
        e.Engine.AccountId = account;
        e.Amount = amount;
        e.Engine.Quantity = new Quantity(lots);
        e.PositionLots = a.Collateral;
        e.Equity = a.Debt;
        e.MarkPrice = new Price(OraclePrice);
        e.MarginRatio = HealthFactorOf(ref a);
    }
}
