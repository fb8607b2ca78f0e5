using Microstructure.Engine.Matching;
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
    private readonly MatchingEngine _engine;
    private readonly LiquidationOrderPricing _pricing;
    private readonly UnwindPolicy _fundPolicy;
    private readonly FundSolvency _fund;
    private long _lastVaultLiquidation;
    private UnwindPolicy _vaultPolicy;
    private bool _fundUnwindPending;

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
        int keeperAccount,
        MatchingEngine engine,
        LiquidationOrderPricing pricing,
        UnwindPolicy fundPolicy,
        long fundMaxLoss)
    {
        _engine = engine;
        _pricing = pricing;
        _fundPolicy = fundPolicy;
        _fund = new FundSolvency(book, margin, market, k, maxPositionLots, fundMaxLoss);
        _vaultPolicy = fundPolicy;
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
        new(_market.Now, _market.Mark, _k, _guard.IsHalted(_market.Now), _guard.HaltedUntil, _book.FundEquity);

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
        if (limit == 0 && _pricing == LiquidationOrderPricing.BankruptcyLimit && !_book[account].IsSystem)
        {
            // The venue rule: a liquidation order never fills worse than the account's bankruptcy price.
            limit = BankruptcyPriceOf(account);
        }

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
        _vaultPolicy = _fundPolicy with { Interval = unwindInterval, CoolDown = 0, MaxFraction = unwindFraction };
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
        e.FundBefore = _book.FundEquity;
        e.FundAfter = e.FundBefore;
        e.Engine.OrderId = order.OrderId;
        e.Engine.Side = side;
        e.Engine.Quantity = order.Quantity;
        e.Engine.Price = order.Price;
        long filled = _gate.RunGenerated(in order);
        _watch.AfterChange();
        return filled;
    }

    /// <summary>
    /// Unwind slices of the vault's position (see <see cref="UnwindPolicy"/>): one per interval, or — with no interval —
    /// slices until the book takes no more; parks the next slice while some is left.
    /// </summary>
    public void UnwindVault(long liquidationId)
    {
        ref var v = ref _book[_vault];
        while (v.Lots != 0)
        {
            long filled = UnwindSlice(_vault, in _vaultPolicy, liquidationId);
            if (v.Lots != 0 && (_vaultPolicy.Interval > 0 || filled == 0))
            {
                if (!_parked.Contains(_vault, TicketKind.VaultUnwind))
                {
                    var ticket = new LiquidationTicket { Account = _vault, Kind = TicketKind.VaultUnwind, LiquidationId = _lastVaultLiquidation };
                    _parked.Add(in ticket, _market.Now + Math.Max(_vaultPolicy.Interval, VaultRetryNs));
                }

                return;
            }
        }
    }

    /// <summary>
    /// One unwind order of the fund's held position; parks the next. A fund whose equity has fallen to its loss cap
    /// auto-deleverages what it holds instead, at the price that leaves it exactly at its floor.
    /// </summary>
    public void UnwindFund(long liquidationId)
    {
        _fundUnwindPending = false;
        int fund = _book.FundAccount;
        ref var f = ref _book[fund];
        if (f.Lots == 0)
        {
            _fund.Holdings.Clear();
            return;
        }

        // Each slice sells (or buys back) the oldest takeover still held, and no more than it, so that its fills — and
        // an ADL of what is held — are credited to the liquidation the fund took that position from.
        var holdings = _fund.Holdings;
        var (owner, ownerLots) = holdings.Count > 0 ? holdings.Oldest : (liquidationId, Math.Abs(f.Lots));
        var outer = _stage.Scope;
        _stage.Scope = LiquidationScope.TimeDriven(owner);
        if (_fund.IsExhausted)
        {
            // The fund is exhausted: what it holds is closed against the profitable opposite side at the price where
            // the fund is left with exactly its floor — the loss beyond it is socialised, not hidden in the fund.
            AutoDeleverage(fund, _fund.Ranking, _fund.FloorPrice(), owner);
            holdings.Clear();
            _stage.Scope = outer;
            return;
        }

        long before = Math.Abs(f.Lots);
        UnwindSlice(fund, in _fundPolicy, owner, ownerLots);
        _stage.Scope = outer;
        holdings.Consume(before - Math.Abs(f.Lots));
        if (f.Lots == 0)
        {
            holdings.Clear();
        }
        else
        {
            ParkFundUnwind(_market.Now + _fundPolicy.Interval);
        }
    }

    /// <summary>One IOC limit order of <paramref name="holder"/>'s position near the touch, at most <paramref name="cap"/> lots; returns the lots filled.</summary>
    private long UnwindSlice(int holder, in UnwindPolicy policy, long liquidationId, long cap = long.MaxValue)
    {
        ref var h = ref _book[holder];
        var side = h.Lots > 0 ? Side.Sell : Side.Buy;
        long touch = side == Side.Sell ? _engine.BestBid.Ticks : _engine.BestAsk.Ticks;
        if (touch <= 0 || _guard.IsHalted(_market.Now))
        {
            return 0;
        }

        long limit = Math.Min(policy.Limit(side, touch), _margin.MaxPrice);
        long visible = _engine.VisibleWithin(side == Side.Sell ? Side.Buy : Side.Sell, new Price(limit)).Lots;
        long slice = Math.Min(cap, policy.Slice(Math.Abs(h.Lots), visible));
        return slice == 0 ? 0 : SendLiquidationOrder(holder, side, slice, limit, fillOrKill: false, liquidationId);
    }

    /// <summary>Parks the fund's next unwind unless one is already parked or queued (one pending at a time).</summary>
    private void ParkFundUnwind(long due)
    {
        if (!_fundUnwindPending)
        {
            _fundUnwindPending = true;
            var ticket = new LiquidationTicket { Account = _book.FundAccount, Kind = TicketKind.FundUnwind };
            _parked.Add(in ticket, due);
        }
    }

    private long BankruptcyPriceOf(int account)
    {
        ref var a = ref _book[account];
        return a.Lots == 0 ? 0 : _margin.BankruptcyPrice(a.MarginCash, a.Lots);
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

    /// <summary>
    /// The venue's fund path: an IOC order at the bankruptcy price on the book; what it leaves the fund takes over at the
    /// bankruptcy price and holds (unwinding it later under the fund policy) — unless taking it would bring the fund's
    /// equity to its loss cap, in which case the rest is auto-deleveraged at the bankruptcy price.
    /// </summary>
    private void InsuranceFundBackstop(int account, AdlRanking ranking, long liquidationId)
    {
        ref var a = ref _book[account];
        if (a.Lots == 0)
        {
            return;
        }

        long limit = _pricing == LiquidationOrderPricing.Market ? 0 : BankruptcyPriceOf(account);
        SendLiquidationOrder(account, a.Lots > 0 ? Side.Sell : Side.Buy, Math.Abs(a.Lots), limit, fillOrKill: false, liquidationId);
        if (a.Lots == 0)
        {
            SweepResidue(account, liquidationId);
            return;
        }

        _fund.FirstUse(ranking);
        if (!_fund.CanTake(a.Lots, BankruptcyPriceOf(account)))
        {
            AutoDeleverage(account, ranking, 0, liquidationId);
            return;
        }

        long lots = Math.Abs(a.Lots);
        TakeoverAtBankruptcy(account, _book.FundAccount, liquidationId);
        _fund.Holdings.Add(liquidationId, lots);
        ParkFundUnwind(_market.Now + _fundPolicy.CoolDown);
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
        long fundBefore = _book.FundEquity;

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
        e.FundAfter = _book.FundEquity;
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
