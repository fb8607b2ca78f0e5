using Microstructure.Risk.Accounts;
using Microstructure.Risk.Liquidation;

namespace Microstructure.Risk.Processing;

/// <content>
/// The liquidation primitives the designs are built from: orders to the book, takeovers, auto-deleveraging,
/// clearance fees and the insurance fund's solvent unwind.
/// </content>
public sealed partial class Exchange
{
    /// <summary>
    /// Sends a reduce-only order for <paramref name="lots"/> of <paramref name="account"/> to the book and matches it at
    /// once (IOC, or FOK), within the price band; then refreshes the mark and queues newly breached accounts with this
    /// liquidation as their parent. Returns the lots filled (0 while trading is halted).
    /// </summary>
    /// <param name="account">Whose position the order reduces.</param>
    /// <param name="side">Order side.</param>
    /// <param name="lots">Order size (at most the position).</param>
    /// <param name="limit">Worst price in ticks, or 0 for a market order.</param>
    /// <param name="fillOrKill">All or nothing.</param>
    /// <param name="liquidationId">The liquidation the order belongs to.</param>
    internal long SendLiquidationOrder(int account, Side side, long lots, long limit, bool fillOrKill, long liquidationId)
    {
        if (lots <= 0 || _guard.IsHalted(_now))
        {
            return 0;
        }

        long effective = _guard.ClampLimit(side, limit, _mark, _index);
        var order = new OrderCommand
        {
            Type = CommandType.Place,
            OrderType = effective == 0 ? OrderType.Market : OrderType.Limit,
            TimeInForce = fillOrKill ? TimeInForce.Fok : TimeInForce.Ioc,
            Side = side,
            OrderId = new OrderId(--_generatedOrderId),
            AccountId = account,
            Price = new Price(effective),
            Quantity = new Quantity(lots),
            Flags = OrderFlags.ReduceOnly,
            Timestamp = _timestamp,
        };
        // The order event names the order, its limit and size; equity, MM and margin ratio are on the trigger and finish events.
        ref var a = ref _accounts[account];
        ref var e = ref Emit(ExchangeEventType.LiquidationOrder);
        e.AccountId = account;
        e.LiquidationId = liquidationId;
        e.TriggerSequence = TriggerOf(liquidationId, account);
        e.Design = _design.Kind;
        e.MarkPrice = new Price(_mark);
        e.PositionLots = a.Lots;
        e.BankruptcyPrice = new Price(_margin.BankruptcyPrice(a.MarginCash, a.Lots));
        e.FundBefore = InsuranceFund;
        e.FundAfter = e.FundBefore;
        e.OrderId = order.OrderId;
        e.Side = side;
        e.Quantity = order.Quantity;
        e.Price = order.Price;
        _generatedFilled = 0;
        _currentOrderFlags = OrderFlags.ReduceOnly;
        RunEngine(in order);
        long filled = _generatedFilled;
        AfterChange();
        return filled;
    }

    /// <summary>The side that reduces the account's position.</summary>
    internal Side ClosingSide(int account) => _accounts[account].Lots > 0 ? Side.Sell : Side.Buy;

    /// <summary>
    /// Charges a clearance fee of ⌈<paramref name="notional"/> × rate⌉, capped by the account's equity, into the fund.
    /// </summary>
    internal void ChargeClearanceFee(int account, long notional, long rate, long liquidationId, FundMovementReason reason = FundMovementReason.ClearanceFee)
    {
        if (rate <= 0 || notional <= 0)
        {
            return;
        }

        long fee = Math.Min(FixedPoint.RateCeil(notional, rate), Math.Max(0, EquityOf(account)));
        if (fee <= 0)
        {
            return;
        }

        MoveCash(account, _settings.FundAccount, fee);
        EmitFund(reason, fee, account, liquidationId);
        Touch(account, LiquidationCause.Transfer);
    }

    /// <summary>
    /// Moves the whole position to <paramref name="receiver"/> at the bankruptcy price (rounded so the account keeps
    /// ≥ 0) and sweeps the account's residue into the fund. Returns the takeover price.
    /// </summary>
    internal long TakeoverAtBankruptcy(int account, int receiver, long liquidationId)
    {
        ref var a = ref _accounts[account];
        long lots = a.Lots;
        if (lots == 0)
        {
            return 0;
        }

        long price = _margin.BankruptcyPrice(a.MarginCash, lots);
        long fundBefore = InsuranceFund;

        // The event describes the position before the transfer; Transfer emits nothing, so the slot stays ours.
        int slot = _events.Count;
        EmitLiquidation(ExchangeEventType.Takeover, account, liquidationId);
        Transfer(account, receiver, lots > 0 ? Side.Sell : Side.Buy, Math.Abs(lots), price);
        ref var e = ref _events[slot];
        e.CounterpartyAccountId = receiver;
        e.Quantity = new Quantity(Math.Abs(lots));
        e.Side = lots > 0 ? Side.Sell : Side.Buy;
        e.Price = new Price(price);
        e.FundBefore = fundBefore;
        e.FundAfter = InsuranceFund;
        SweepResidue(account, liquidationId);
        return price;
    }

    /// <summary>
    /// Moves the position and the margin behind it to <paramref name="receiver"/> (the vault): the position at the
    /// mark, then the account's remaining margin (its equity, possibly negative). The account ends at exactly zero.
    /// </summary>
    internal void TakeoverWhole(int account, int receiver, long liquidationId)
    {
        ref var a = ref _accounts[account];
        long lots = a.Lots;
        if (lots == 0)
        {
            return;
        }

        ref var e = ref EmitLiquidation(ExchangeEventType.Takeover, account, liquidationId);
        long equity = EquityOf(account);
        e.CounterpartyAccountId = receiver;
        e.Quantity = new Quantity(Math.Abs(lots));
        e.Side = lots > 0 ? Side.Sell : Side.Buy;
        e.Price = new Price(_mark);
        e.Amount = equity;
        Transfer(account, receiver, lots > 0 ? Side.Sell : Side.Buy, Math.Abs(lots), _mark);
        MoveCash(account, receiver, _accounts[account].MarginCash);
        Touch(account, LiquidationCause.Transfer);
    }

    /// <summary>
    /// Auto-deleveraging: closes the account's position against opposite positions ranked by <paramref name="ranking"/>,
    /// at <paramref name="price"/> (0 = the account's bankruptcy price). The counterparties' positions shrink at that
    /// price; the account's residue (≥ 0 by the rounding) goes to the fund. Always completes: positions net to zero.
    /// </summary>
    internal void AutoDeleverage(int account, AdlRanking ranking, long price, long liquidationId)
    {
        ref var a = ref _accounts[account];
        long lots = a.Lots;
        if (lots == 0)
        {
            return;
        }

        if (price == 0)
        {
            price = _margin.BankruptcyPrice(a.MarginCash, lots);
        }

        int count = RankOpposite(account, lots > 0, ranking);
        var side = lots > 0 ? Side.Sell : Side.Buy;
        long remaining = Math.Abs(lots);
        for (int i = 0; i < count && remaining > 0; i++)
        {
            int counterparty = _adlScratch[i].Account;
            long q = Math.Min(remaining, Math.Abs(_accounts[counterparty].Lots));
            ref var e = ref Emit(ExchangeEventType.AutoDeleverage);
            e.AccountId = account;
            e.CounterpartyAccountId = counterparty;
            e.LiquidationId = liquidationId;
            e.Design = _design.Kind;
            e.TriggerSequence = TriggerOf(liquidationId, account);
            e.Side = side;
            e.Quantity = new Quantity(q);
            e.Price = new Price(price);
            e.BankruptcyPrice = new Price(price);
            e.MarkPrice = new Price(_mark);
            e.Rate = FixedPoint.Saturate(_adlScratch[i].Score);
            Transfer(account, counterparty, side, q, price);
            remaining -= q;
        }

        if (remaining > 0)
        {
            DeleverageAgainstCollateral(account, remaining, price, liquidationId);
        }

        if (account != _settings.FundAccount)
        {
            SweepResidue(account, liquidationId);
        }

        Detect();
    }

    /// <summary>
    /// The last resort of auto-deleveraging a short when the open perpetual longs are fewer lots than it (the rest of
    /// the long lots sit in the lending pool as collateral): collateral is sold to the short at the bankruptcy price,
    /// largest holders first, the proceeds credited to the holder's cash. Perpetual lots plus collateral always net to
    /// zero, so this always completes.
    /// </summary>
    private void DeleverageAgainstCollateral(int account, long remaining, long price, long liquidationId)
    {
        while (remaining > 0)
        {
            int holder = -1;
            for (int i = 0; i < _accounts.Length; i++)
            {
                if (i != account && _accounts[i].Collateral > 0 && (holder < 0 || _accounts[i].Collateral > _accounts[holder].Collateral))
                {
                    holder = i;
                }
            }

            if (holder < 0 || _accounts[account].Lots >= 0)
            {
                return;
            }

            long q = Math.Min(remaining, _accounts[holder].Collateral);
            ref var e = ref Emit(ExchangeEventType.AutoDeleverage);
            e.AccountId = account;
            e.CounterpartyAccountId = holder;
            e.LiquidationId = liquidationId;
            e.Design = _design.Kind;
            e.Side = Side.Buy;
            e.Quantity = new Quantity(q);
            e.Price = new Price(price);
            e.BankruptcyPrice = new Price(price);
            e.MarkPrice = new Price(_mark);
            e.PositionLots = -1; // marks a collateral counterparty
            e.TriggerSequence = TriggerOf(liquidationId, account);
            _accounts[holder].Collateral -= q;
            _accounts[holder].MarginCash += q * price * _k;
            Settle(account, Side.Buy, q, price, 0, LiquidationCause.Transfer);
            Touch(holder, LiquidationCause.Transfer);
            ReindexPool(holder);
            remaining -= q;
        }
    }

    /// <summary>
    /// The insurance-fund path: takeover at the bankruptcy price, then the fund sells (buys) the position on the book
    /// limited at its own bankruptcy price — it can take losses up to its balance, never beyond — and whatever the
    /// book cannot take within that is auto-deleveraged at the takeover price.
    /// </summary>
    internal void InsuranceFundBackstop(int account, AdlRanking ranking, long liquidationId)
    {
        int fund = _settings.FundAccount;
        long takeoverPrice = TakeoverAtBankruptcy(account, fund, liquidationId);
        ref var f = ref _accounts[fund];
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

    /// <summary>Hands the vault a position (see <see cref="TakeoverWhole"/>) and schedules its unwind.</summary>
    internal void VaultTakeover(int account, long liquidationId, long unwindInterval, long unwindFraction)
    {
        TakeoverWhole(account, _settings.VaultAccount, liquidationId);
        _lastVaultLiquidation = liquidationId;
        _vaultUnwindInterval = unwindInterval;
        _vaultUnwindFraction = unwindFraction;
        UnwindVault(liquidationId);
    }

    /// <summary>One unwind slice of the vault's position by market order; parks the next slice while some is left.</summary>
    private void UnwindVault(long liquidationId)
    {
        int vault = _settings.VaultAccount;
        ref var v = ref _accounts[vault];
        while (v.Lots != 0)
        {
            long lots = Math.Abs(v.Lots);
            long slice = Math.Min(lots, Math.Max(1, FixedPoint.RateCeil(lots, _vaultUnwindFraction)));
            long filled = SendLiquidationOrder(vault, v.Lots > 0 ? Side.Sell : Side.Buy, slice, 0, fillOrKill: false, liquidationId);
            if (v.Lots != 0 && (_vaultUnwindInterval > 0 || filled == 0))
            {
                if (!_parked.Contains(vault, TicketKind.VaultUnwind))
                {
                    var ticket = new LiquidationTicket { Account = vault, Kind = TicketKind.VaultUnwind, LiquidationId = _lastVaultLiquidation };
                    _parked.Add(in ticket, _now + Math.Max(_vaultUnwindInterval, 1_000_000_000));
                }

                return;
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="bidder"/> (a cross account) can take <paramref name="lots"/> at <paramref name="price"/>
    /// on <paramref name="side"/> and still meet initial margin on its worst-case position at the mark.
    /// </summary>
    internal bool CanTakePosition(int bidder, Side side, long lots, long price)
    {
        var b = _accounts[bidder];
        if (b.Mode != MarginMode.Cross)
        {
            return false;
        }

        long value = lots * price * _k;
        b.MarginCash += side == Side.Buy ? -value : value;
        b.CostBasis += side == Side.Buy ? value : -value;
        b.Lots += side == Side.Buy ? lots : -lots;
        long worst = Worst(b.Lots, b.OpenBuyLots, b.OpenSellLots);
        if (worst > _settings.MaxPositionLots)
        {
            return false;
        }

        return AvailableCross(ref b, worst * Math.Max(_mark, price) * _k) >= 0;
    }

    /// <summary>Moves auctioned lots from the liquidated account to a bidder at the auction price (off the book).</summary>
    internal void AuctionTransfer(int account, int bidder, Side accountSide, long lots, long price) =>
        Transfer(account, bidder, accountSide, lots, price);

    /// <summary>A flat account's leftover margin after a bankruptcy-price close goes to the fund.</summary>
    private void SweepResidue(int account, long liquidationId)
    {
        ref var a = ref _accounts[account];
        if (a.Lots != 0 || a.MarginCash <= 0 || a.IsSystem)
        {
            return;
        }

        long residue = a.MarginCash;
        MoveCash(account, _settings.FundAccount, residue);
        EmitFund(FundMovementReason.Residual, residue, account, liquidationId);
        Touch(account, LiquidationCause.Transfer);
    }

    /// <summary>Fills the ADL scratch with every account holding the opposite position, ranked; returns how many.</summary>
    private int RankOpposite(int exclude, bool bankruptIsLong, AdlRanking ranking)
    {
        int count = 0;
        for (int i = 0; i < _positionCount; i++)
        {
            int account = _positions[i];
            ref var c = ref _accounts[account];
            if (account == exclude || (bankruptIsLong ? c.Lots >= 0 : c.Lots <= 0))
            {
                continue;
            }

            _adlScratch[count++] = new AdlCandidate { Account = account, Score = AdlScore(ref c, ranking) };
        }

        _adlScratch.AsSpan(0, count).Sort();
        return count;
    }

    private Int128 AdlScore(ref AccountState c, AdlRanking ranking)
    {
        const long Scale = FixedPoint.RateScale;
        long notional = _margin.Notional(c.Lots, _mark);
        long upnl = (c.Lots * _mark * _k) - c.CostBasis;
        long equity = _margin.Equity(c.MarginCash, c.Lots, _mark);
        if (ranking == AdlRanking.Binance)
        {
            long wallet = c.MarginCash + c.CostBasis;
            Int128 pnlPct = (Int128)Math.Max(0, upnl) * Scale / Math.Max(FixedPoint.CashScale, wallet);
            long mm = _margin.Maintenance(c.Lots, c.CostBasis, _mark);
            Int128 ratio = equity > 0 ? (Int128)mm * Scale / equity : (Int128)long.MaxValue;
            return pnlPct * ratio;
        }

        Int128 pct = (Int128)upnl * Scale / Math.Max(1, Math.Abs(c.CostBasis));
        Int128 leverage = equity > 0 ? (Int128)notional * Scale / equity : (Int128)long.MaxValue;
        if (pct > 0)
        {
            return pct * leverage;
        }

        return leverage == 0 ? pct * Scale * Scale : pct * Scale * Scale / leverage;
    }
}
