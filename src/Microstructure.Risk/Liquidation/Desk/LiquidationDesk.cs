using Microstructure.Risk.Accounts;
using Microstructure.Risk.Ledger;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Staging;

namespace Microstructure.Risk.Liquidation.Desk;

/// <summary>
/// The liquidation primitives behind <see cref="ILiquidationDesk"/>: orders to the book, takeovers, auto-deleveraging,
/// clearance fees, parking and finishing, and the backstop vault's unwind. Each interface action makes the scope it
/// is given current for its duration (so the engine's events, account changes and mark moves it causes are
/// attributed to it) and restores the previous scope after.
/// </summary>
internal sealed class LiquidationDesk : ILiquidationDesk
{
    /// <summary>Until the next attempt when a vault unwind slice filled nothing or is spaced by no interval (ns).</summary>
    private const long VaultRetryNs = 1_000_000_000;

    private readonly AccountBook _book;
    private readonly OrderGate _gate;
    private readonly EventStage _stage;
    private readonly MarketState _market;
    private readonly MarginModel _margin;
    private readonly MarketGuard _guard;
    private readonly MarketWatch _watch;
    private readonly AutoDeleverager _adl;
    private readonly ParkedWork _parked;
    private readonly LiquidationDesignKind _designKind;
    private readonly long _k;
    private readonly long _maxPositionLots;
    private readonly int _vault;
    private readonly int _keeper;
    private long _lastVaultLiquidation;
    private long _vaultUnwindInterval;
    private long _vaultUnwindFraction = FixedPoint.RateScale;

    /// <summary>Wires the desk to the parts it acts on.</summary>
    public LiquidationDesk(
        AccountBook book,
        OrderGate gate,
        EventStage stage,
        MarketState market,
        MarginModel margin,
        MarketGuard guard,
        MarketWatch watch,
        AutoDeleverager adl,
        ParkedWork parked,
        LiquidationDesignKind designKind,
        long k,
        long maxPositionLots,
        int vaultAccount,
        int keeperAccount)
    {
        _book = book;
        _gate = gate;
        _stage = stage;
        _market = market;
        _margin = margin;
        _guard = guard;
        _watch = watch;
        _adl = adl;
        _parked = parked;
        _designKind = designKind;
        _k = k;
        _maxPositionLots = maxPositionLots;
        _vault = vaultAccount;
        _keeper = keeperAccount;
    }

    /// <inheritdoc />
    public MarketSnapshot Market =>
        new(_market.Now, _market.Mark, _k, _guard.IsHalted(_market.Now), _guard.HaltedUntil, _book.InsuranceFund);

    /// <inheritdoc />
    public BracketTable Brackets => _margin.Brackets;

    /// <inheritdoc />
    public int KeeperAccount => _keeper;

    /// <inheritdoc />
    public PositionSnapshot Position(int account)
    {
        ref var a = ref _book[account];
        return new PositionSnapshot(_margin, a.Lots, a.MarginCash, a.CostBasis, _market.Mark, a.LiquidationStartLots);
    }

    /// <inheritdoc />
    public bool CanTakePosition(int bidder, Side side, long lots, long price)
    {
        var b = _book[bidder]; // a copy: the position is tried on it, not on the account
        if (b.Mode != MarginMode.Cross)
        {
            return false;
        }

        long value = lots * price * _k;
        b.MarginCash += side == Side.Buy ? -value : value;
        b.CostBasis += side == Side.Buy ? value : -value;
        b.Lots += side == Side.Buy ? lots : -lots;
        long worst = AccountBook.Worst(b.Lots, b.OpenBuyLots, b.OpenSellLots);
        if (worst > _maxPositionLots)
        {
            return false;
        }

        return _book.AvailableCross(ref b, worst * Math.Max(_market.Mark, price) * _k) >= 0;
    }

    void ILiquidationDesk.CancelAllOrders(int account, LiquidationScope scope)
    {
        var outer = Enter(scope);
        CancelAllOrders(account, scope.Id);
        _stage.Scope = outer;
    }

    void ILiquidationDesk.ChargeClearanceFee(int account, long notional, long rate, LiquidationScope scope, FundMovementReason reason)
    {
        var outer = Enter(scope);
        ChargeClearanceFee(account, notional, rate, scope.Id, reason);
        _stage.Scope = outer;
    }

    long ILiquidationDesk.SendOrder(int account, Side side, long lots, long limit, bool fillOrKill, LiquidationScope scope)
    {
        var outer = Enter(scope);
        long filled = SendLiquidationOrder(account, side, lots, limit, fillOrKill, scope.Id);
        _stage.Scope = outer;
        return filled;
    }

    void ILiquidationDesk.AutoDeleverage(int account, AdlRanking ranking, long price, LiquidationScope scope)
    {
        var outer = Enter(scope);
        AutoDeleverage(account, ranking, price, scope.Id);
        _stage.Scope = outer;
    }

    void ILiquidationDesk.InsuranceFundBackstop(int account, AdlRanking ranking, LiquidationScope scope)
    {
        var outer = Enter(scope);
        InsuranceFundBackstop(account, ranking, scope.Id);
        _stage.Scope = outer;
    }

    void ILiquidationDesk.VaultTakeover(int account, long unwindInterval, long unwindFraction, LiquidationScope scope)
    {
        var outer = Enter(scope);
        TakeoverWhole(account, _vault, scope.Id);
        _lastVaultLiquidation = scope.Id;
        _vaultUnwindInterval = unwindInterval;
        _vaultUnwindFraction = unwindFraction;
        UnwindVault(scope.Id);
        _stage.Scope = outer;
    }

    void ILiquidationDesk.TransferOffBook(int account, int receiver, Side accountSide, long lots, long price, LiquidationScope scope)
    {
        var outer = Enter(scope);
        _book.Transfer(account, receiver, accountSide, lots, price);
        _stage.Scope = outer;
    }

    void ILiquidationDesk.Park(int account, long due, LiquidationScope scope)
    {
        var outer = Enter(scope);
        Park(account, due, scope.Id);
        _stage.Scope = outer;
    }

    void ILiquidationDesk.Finish(int account, LiquidationScope scope)
    {
        var outer = Enter(scope);
        Finish(account, scope.Id);
        _stage.Scope = outer;
    }

    ref ExchangeEvent ILiquidationDesk.EmitEvent(ExchangeEventType type, int account, LiquidationScope scope)
    {
        var outer = Enter(scope);
        ref var e = ref _book.EmitLiquidation(type, account, scope.Id);
        _stage.Scope = outer;
        return ref e;
    }

    /// <summary>Cancels the account's live orders (see <see cref="ILiquidationDesk.CancelAllOrders"/>), in the current scope.</summary>
    public void CancelAllOrders(int account, long liquidationId)
    {
        if (_gate.CancelAll(account, liquidationId))
        {
            _watch.AfterChange();
        }
    }

    /// <summary>Parks the liquidation until <paramref name="due"/> (ns); the account stays in liquidation meanwhile.</summary>
    public void Park(int account, long due, long liquidationId)
    {
        ref var a = ref _book[account];
        a.Flags |= AccountFlags.InLiquidation;
        _book.Reindex(account);
        var ticket = new LiquidationTicket
        {
            Account = account,
            Kind = TicketKind.Resume,
            Cause = LiquidationCause.Resumed,
            TriggerSequence = a.TriggerSequence,
            TriggerMark = _market.Mark,
            LiquidationId = liquidationId,
        };
        _parked.Add(in ticket, due);
        ref var e = ref _book.EmitLiquidation(ExchangeEventType.LiquidationDeferred, account, liquidationId);
        e.Amount = due;
    }

    /// <summary>Ends a liquidation (or one step of it): the account leaves liquidation, is re-keyed, and detection runs.</summary>
    public void Finish(int account, long liquidationId)
    {
        ref var a = ref _book[account];
        a.Flags &= ~AccountFlags.InLiquidation;
        _book.EmitLiquidation(ExchangeEventType.LiquidationFinished, account, liquidationId);
        _book.Reindex(account);
        _watch.Detect();
    }

    /// <summary>
    /// Sends a reduce-only IOC (or FOK) order to the book within the price band and matches it at once; then
    /// re-prices and detects. Returns the lots filled (0 while trading is halted).
    /// </summary>
    public long SendLiquidationOrder(int account, Side side, long lots, long limit, bool fillOrKill, long liquidationId)
    {
        if (lots <= 0 || _guard.IsHalted(_market.Now))
        {
            return 0;
        }

        long effective = _guard.ClampLimit(side, limit, _market.Mark, _market.Index);
        var order = new OrderCommand
        {
            Type = CommandType.Place,
            OrderType = effective == 0 ? OrderType.Market : OrderType.Limit,
            TimeInForce = fillOrKill ? TimeInForce.Fok : TimeInForce.Ioc,
            Side = side,
            OrderId = new OrderId(_gate.NextGeneratedOrderId()),
            AccountId = account,
            Price = new Price(effective),
            Quantity = new Quantity(lots),
            Flags = OrderFlags.ReduceOnly,
            Timestamp = _stage.Timestamp,
        };

        // The order event names the order, its limit and size; equity, MM and margin ratio are on the trigger and finish events.
        ref var a = ref _book[account];
        ref var e = ref _stage.Emit(ExchangeEventType.LiquidationOrder);
        e.Engine.AccountId = account;
        e.LiquidationId = liquidationId;
        e.TriggerSequence = _book.TriggerOf(liquidationId, account);
        e.Design = _designKind;
        e.MarkPrice = new Price(_market.Mark);
        e.PositionLots = a.Lots;
        e.BankruptcyPrice = new Price(_margin.BankruptcyPrice(a.MarginCash, a.Lots));
        e.FundBefore = _book.InsuranceFund;
        e.FundAfter = e.FundBefore;
        e.Engine.OrderId = order.OrderId;
        e.Engine.Side = side;
        e.Engine.Quantity = order.Quantity;
        e.Engine.Price = order.Price;
        long filled = _gate.RunGenerated(in order);
        _watch.AfterChange();
        return filled;
    }

    /// <summary>One unwind slice of the vault's position by market order; parks the next slice while some is left.</summary>
    public void UnwindVault(long liquidationId)
    {
        ref var v = ref _book[_vault];
        while (v.Lots != 0)
        {
            long lots = Math.Abs(v.Lots);
            long slice = Math.Min(lots, Math.Max(1, FixedPoint.RateCeil(lots, _vaultUnwindFraction)));
            long filled = SendLiquidationOrder(_vault, v.Lots > 0 ? Side.Sell : Side.Buy, slice, 0, fillOrKill: false, liquidationId);
            if (v.Lots != 0 && (_vaultUnwindInterval > 0 || filled == 0))
            {
                if (!_parked.Contains(_vault, TicketKind.VaultUnwind))
                {
                    var ticket = new LiquidationTicket { Account = _vault, Kind = TicketKind.VaultUnwind, LiquidationId = _lastVaultLiquidation };
                    _parked.Add(in ticket, _market.Now + Math.Max(_vaultUnwindInterval, VaultRetryNs));
                }

                return;
            }
        }
    }

    private LiquidationScope Enter(LiquidationScope scope)
    {
        var outer = _stage.Scope;
        _stage.Scope = scope;
        return outer;
    }

    private void ChargeClearanceFee(int account, long notional, long rate, long liquidationId, FundMovementReason reason)
    {
        if (rate <= 0 || notional <= 0)
        {
            return;
        }

        long fee = Math.Min(FixedPoint.RateCeil(notional, rate), Math.Max(0, _book.EquityOf(account)));
        if (fee <= 0)
        {
            return;
        }

        _book.MoveCash(account, _book.FundAccount, fee);
        _book.EmitFund(reason, fee, account, liquidationId);
        _book.Touch(account, LiquidationCause.Transfer);
    }

    /// <summary>Closes the position against ranked opposite positions (at the bankruptcy price when <paramref name="price"/> is 0); sweeps the residue; detects.</summary>
    private void AutoDeleverage(int account, AdlRanking ranking, long price, long liquidationId)
    {
        ref var a = ref _book[account];
        long lots = a.Lots;
        if (lots == 0)
        {
            return;
        }

        if (price == 0)
        {
            price = _margin.BankruptcyPrice(a.MarginCash, lots);
        }

        _adl.Close(account, lots, ranking, price, liquidationId);
        if (account != _book.FundAccount)
        {
            SweepResidue(account, liquidationId);
        }

        _watch.Detect();
    }

    /// <summary>Takeover into the fund at bankruptcy, the fund's solvent unwind on the book, ADL for the rest.</summary>
    private void InsuranceFundBackstop(int account, AdlRanking ranking, long liquidationId)
    {
        int fund = _book.FundAccount;
        long takeoverPrice = TakeoverAtBankruptcy(account, fund, liquidationId);
        ref var f = ref _book[fund];
        if (f.Lots == 0)
        {
            return;
        }

        long solvencyLimit = _margin.BankruptcyPrice(f.MarginCash, f.Lots);
        SendLiquidationOrder(fund, f.Lots > 0 ? Side.Sell : Side.Buy, Math.Abs(f.Lots), solvencyLimit, fillOrKill: false, liquidationId);
        if (f.Lots != 0)
        {
            AutoDeleverage(fund, ranking, takeoverPrice, liquidationId);
        }
    }

    /// <summary>
    /// Moves the whole position to <paramref name="receiver"/> at the bankruptcy price (rounded so the account keeps
    /// ≥ 0) and sweeps the account's residue into the fund. Returns the takeover price.
    /// </summary>
    private long TakeoverAtBankruptcy(int account, int receiver, long liquidationId)
    {
        ref var a = ref _book[account];
        long lots = a.Lots;
        if (lots == 0)
        {
            return 0;
        }

        long price = _margin.BankruptcyPrice(a.MarginCash, lots);
        long fundBefore = _book.InsuranceFund;

        // The event describes the position before the transfer; Transfer emits nothing, so the slot stays ours.
        int slot = _stage.Count;
        _book.EmitLiquidation(ExchangeEventType.Takeover, account, liquidationId);
        _book.Transfer(account, receiver, lots > 0 ? Side.Sell : Side.Buy, Math.Abs(lots), price);
        ref var e = ref _stage[slot];
        e.CounterpartyAccountId = receiver;
        e.Engine.Quantity = new Quantity(Math.Abs(lots));
        e.Engine.Side = lots > 0 ? Side.Sell : Side.Buy;
        e.Engine.Price = new Price(price);
        e.FundBefore = fundBefore;
        e.FundAfter = _book.InsuranceFund;
        SweepResidue(account, liquidationId);
        return price;
    }

    /// <summary>
    /// Moves the position and the margin behind it to <paramref name="receiver"/> (the vault): the position at the
    /// mark, then the account's remaining margin (its equity, possibly negative). The account ends at exactly zero.
    /// </summary>
    private void TakeoverWhole(int account, int receiver, long liquidationId)
    {
        ref var a = ref _book[account];
        long lots = a.Lots;
        if (lots == 0)
        {
            return;
        }

        ref var e = ref _book.EmitLiquidation(ExchangeEventType.Takeover, account, liquidationId);
        long equity = _book.EquityOf(account);
        e.CounterpartyAccountId = receiver;
        e.Engine.Quantity = new Quantity(Math.Abs(lots));
        e.Engine.Side = lots > 0 ? Side.Sell : Side.Buy;
        e.Engine.Price = new Price(_market.Mark);
        e.Amount = equity;
        _book.Transfer(account, receiver, lots > 0 ? Side.Sell : Side.Buy, Math.Abs(lots), _market.Mark);
        _book.MoveCash(account, receiver, _book[account].MarginCash);
        _book.Touch(account, LiquidationCause.Transfer);
    }

    /// <summary>A flat account's leftover margin after a bankruptcy-price close goes to the fund.</summary>
    private void SweepResidue(int account, long liquidationId)
    {
        ref var a = ref _book[account];
        if (a.Lots != 0 || a.MarginCash <= 0 || a.IsSystem)
        {
            return;
        }

        long residue = a.MarginCash;
        _book.MoveCash(account, _book.FundAccount, residue);
        _book.EmitFund(FundMovementReason.Residual, residue, account, liquidationId);
        _book.Touch(account, LiquidationCause.Transfer);
    }
}
