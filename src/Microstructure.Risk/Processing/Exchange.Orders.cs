using Microstructure.Risk.Accounts;
using Microstructure.Risk.Margin;

namespace Microstructure.Risk.Processing;

/// <content>Order commands: pre-trade checks, the engine's events applied to accounts, reduce-only enforcement.</content>
public sealed partial class Exchange
{
    /// <summary>Called by <see cref="EngineRouter"/> for each engine event, in order, during matching.</summary>
    internal void OnEngineEvent(in EngineEvent e)
    {
        switch (e.Type)
        {
            case EngineEventType.Accepted:
                if (e.OrderId.Value > 0)
                {
                    TrackNewOrder(in e);
                }

                break;
            case EngineEventType.Trade:
                OnTrade(in e);
                break;
            case EngineEventType.Cancelled:
                if (e.OrderId.Value > 0)
                {
                    TrackOpen(e.OrderId.Value, e.RemainingQuantity.Lots, price: -1);
                }

                break;
            case EngineEventType.Amended:
                if (e.OrderId.Value > 0)
                {
                    TrackOpen(e.OrderId.Value, e.RemainingQuantity.Lots, e.Price.Ticks);
                }

                break;
        }

        StageEngineEvent(in e);
    }

    private void RunEngine(in OrderCommand order)
    {
        var router = new EngineRouter(this);
        _engine.Process(in order, _sequence, ref router);
    }

    private void ApplyOrder(in ExchangeCommand command)
    {
        var order = command.Order;
        order.Timestamp = command.Timestamp;
        if (!IsValidAccount(order.AccountId))
        {
            EmitReject(in command, RiskRejectReason.UnknownAccount);
            return;
        }

        int account = (int)order.AccountId;
        var reason = CheckOrder(ref order, account);
        if (reason != RiskRejectReason.None)
        {
            EmitReject(in command, reason);
            return;
        }

        _currentOrderFlags = order.Flags;
        RunEngine(in order);
    }

    private RiskRejectReason CheckOrder(ref OrderCommand order, int account)
    {
        ref var a = ref _accounts[account];
        if (a.IsSystem)
        {
            return RiskRejectReason.SystemAccount;
        }

        if ((a.Flags & AccountFlags.InLiquidation) != 0)
        {
            return order.Type == CommandType.Cancel ? RiskRejectReason.None : RiskRejectReason.AccountInLiquidation;
        }

        switch (order.Type)
        {
            case CommandType.Place:
                if (order.OrderId.Value <= 0)
                {
                    return RiskRejectReason.ReservedOrderId;
                }

                return _guard.IsHalted(_now) ? RiskRejectReason.TradingHalted : CheckPlace(ref order, ref a);
            case CommandType.Amend:
                return _guard.IsHalted(_now) ? RiskRejectReason.TradingHalted : CheckAmend(in order, ref a);
            default:
                return RiskRejectReason.None;
        }
    }

    private RiskRejectReason CheckPlace(ref OrderCommand order, ref AccountState a)
    {
        long q = order.Quantity.Lots;
        if (q <= 0 || q > _settings.MaxPositionLots || (uint)order.Side > (uint)Side.Sell)
        {
            return RiskRejectReason.None; // the engine refuses it with its own reason
        }

        var side = order.Side;
        if (_guard.IsActive)
        {
            if (order.OrderType is OrderType.Limit or OrderType.StopLimit && _guard.IsOutside(side, order.Price.Ticks, _mark, _index))
            {
                return RiskRejectReason.PriceOutsideBand;
            }

            if (order.OrderType == OrderType.Market)
            {
                long edge = _guard.ClampLimit(side, 0, _mark, _index);
                if (edge > 0)
                {
                    // A market order cannot trade beyond the band: it becomes an IOC (or FOK) limit at the edge.
                    order.OrderType = OrderType.Limit;
                    order.TimeInForce = order.TimeInForce == TimeInForce.Fok ? TimeInForce.Fok : TimeInForce.Ioc;
                    order.Price = new Price(edge);
                }
            }
        }

        if ((order.Flags & OrderFlags.ReduceOnly) != 0)
        {
            long reducible = side == Side.Buy ? Math.Max(0, -a.Lots) : Math.Max(0, a.Lots);
            long already = side == Side.Buy ? a.ReduceOnlyBuyLots : a.ReduceOnlySellLots;
            return q <= reducible - already ? RiskRejectReason.None : RiskRejectReason.ReduceOnlyWouldIncrease;
        }

        long buys = a.OpenBuyLots + (side == Side.Buy ? q : 0);
        long sells = a.OpenSellLots + (side == Side.Sell ? q : 0);
        return CheckExposure(ref a, buys, sells, Valuation(in order), q);
    }

    private RiskRejectReason CheckAmend(in OrderCommand order, ref AccountState a)
    {
        int slot = _orders.Find(order.OrderId.Value);
        if (slot < 0 || _orders.Account(slot) != order.AccountId)
        {
            return RiskRejectReason.None; // the engine refuses it (unknown order / not owner)
        }

        var side = _orders.Side(slot);
        long newQty = order.Quantity.Lots;
        long delta = newQty - _orders.Open(slot);
        if (_guard.IsActive && newQty > 0 && _guard.IsOutside(side, order.Price.Ticks, _mark, _index))
        {
            return RiskRejectReason.PriceOutsideBand;
        }

        if (_orders.IsReduceOnly(slot))
        {
            long reducible = side == Side.Buy ? Math.Max(0, -a.Lots) : Math.Max(0, a.Lots);
            long already = side == Side.Buy ? a.ReduceOnlyBuyLots : a.ReduceOnlySellLots;
            return delta <= 0 || already + delta <= reducible ? RiskRejectReason.None : RiskRejectReason.ReduceOnlyWouldIncrease;
        }

        if (delta <= 0 && order.Price.Ticks == _orders.Price(slot))
        {
            return RiskRejectReason.None;
        }

        long buys = a.OpenBuyLots + (side == Side.Buy ? Math.Max(0, delta) : 0);
        long sells = a.OpenSellLots + (side == Side.Sell ? Math.Max(0, delta) : 0);
        long valuation = Math.Max(_mark, order.Price.Ticks);
        return CheckExposure(ref a, buys, sells, valuation, Math.Max(0, newQty));
    }

    /// <summary>
    /// The worst-case position (every open buy, or every open sell, filled) must fit the position limit, the
    /// bracket's leverage and the account's margin, valued at <paramref name="valuation"/> ticks. Orders that do not
    /// enlarge the worst case always pass.
    /// </summary>
    private RiskRejectReason CheckExposure(ref AccountState a, long buys, long sells, long valuation, long orderLots)
    {
        long worstBefore = Worst(a.Lots, a.OpenBuyLots, a.OpenSellLots);
        long worstAfter = Worst(a.Lots, buys, sells);
        if (worstAfter > _settings.MaxPositionLots)
        {
            return RiskRejectReason.PositionLimit;
        }

        if (worstAfter <= worstBefore || valuation <= 0)
        {
            return RiskRejectReason.None;
        }

        long notional = worstAfter * valuation * _k;
        if (_margin.Brackets.MaxLeverage(notional) < a.Leverage)
        {
            return RiskRejectReason.LeverageTooHigh;
        }

        long fee = FixedPoint.RateCeil(orderLots * valuation * _k, _settings.TakerFee);
        long available;
        if (a.Mode == MarginMode.Cross)
        {
            available = AvailableCross(ref a, notional);
        }
        else
        {
            long growth = Math.Max(Math.Max(0, a.Lots + buys) - Math.Max(0, a.Lots), Math.Max(0, sells - a.Lots) - Math.Max(0, -a.Lots));
            available = a.FreeCash - MarginModel.Initial(growth * valuation * _k, a.Leverage);
        }

        return available - fee >= 0 ? RiskRejectReason.None : RiskRejectReason.InsufficientMargin;
    }

    /// <summary>Cross: wallet + min(0, uPnL) − initial margin of <paramref name="worstNotional"/> (unrealised profit is not spendable).</summary>
    private long AvailableCross(ref AccountState a, long worstNotional) =>
        Math.Min(a.MarginCash + a.CostBasis, _margin.Equity(a.MarginCash, a.Lots, _mark)) - MarginModel.Initial(worstNotional, a.Leverage);

    private static long Worst(long lots, long buys, long sells) => Math.Max(Math.Max(0, lots + buys), Math.Max(0, sells - lots));

    /// <summary>Price (ticks) an order is margined at: max(mark, its limit); market orders max(mark, best opposite or stop) × (1 + buffer).</summary>
    private long Valuation(in OrderCommand order)
    {
        if (order.OrderType is OrderType.Limit or OrderType.StopLimit)
        {
            return Math.Max(_mark, order.Price.Ticks);
        }

        long reference = order.OrderType == OrderType.StopMarket
            ? order.StopPrice.Ticks
            : (order.Side == Side.Buy ? _engine.BestAsk.Ticks : _engine.BestBid.Ticks);
        long basis = Math.Max(_mark, reference);
        return basis + FixedPoint.RateCeil(basis, _settings.MarketBuffer);
    }

    private void TrackNewOrder(in EngineEvent e)
    {
        int account = (int)e.AccountId;
        ref var a = ref _accounts[account];
        bool reduceOnly = (_currentOrderFlags & OrderFlags.ReduceOnly) != 0;
        if (!_orders.Add(e.OrderId.Value, account, e.Side, e.Price.Ticks, e.Quantity.Lots, reduceOnly, ref a.OrderHead))
        {
            throw new InvalidOperationException("The risk layer's order table is full; it is sized to the book's capacity plus transient orders.");
        }

        Reserve(ref a, e.Side, reduceOnly, e.Quantity.Lots);
    }

    /// <summary>Sets a tracked order's open quantity (and price when ≥ 0), adjusting reservations; removes it at zero.</summary>
    private void TrackOpen(long orderId, long open, long price)
    {
        int slot = _orders.Find(orderId);
        if (slot < 0)
        {
            return;
        }

        ref var a = ref _accounts[_orders.Account(slot)];
        Reserve(ref a, _orders.Side(slot), _orders.IsReduceOnly(slot), open - _orders.Open(slot));
        if (open == 0)
        {
            _orders.Remove(slot, ref a.OrderHead);
            return;
        }

        _orders.SetOpen(slot, open);
        if (price >= 0)
        {
            _orders.SetPrice(slot, price);
        }
    }

    private static void Reserve(ref AccountState a, Side side, bool reduceOnly, long delta)
    {
        if (reduceOnly)
        {
            if (side == Side.Buy)
            {
                a.ReduceOnlyBuyLots += delta;
            }
            else
            {
                a.ReduceOnlySellLots += delta;
            }
        }
        else if (side == Side.Buy)
        {
            a.OpenBuyLots += delta;
        }
        else
        {
            a.OpenSellLots += delta;
        }
    }

    private void OnTrade(in EngineEvent e)
    {
        long q = e.Quantity.Lots;
        long p = e.Price.Ticks;
        long takerOrder = e.OrderId.Value;
        if (takerOrder > 0)
        {
            TrackOpen(takerOrder, e.RemainingQuantity.Lots, price: -1);
        }
        else if (takerOrder == _generatedOrderId)
        {
            _generatedFilled += q;
        }

        if (e.MakerOrderId.Value > 0)
        {
            TrackOpen(e.MakerOrderId.Value, e.MakerRemainingQuantity.Lots, price: -1);
        }

        Settle((int)e.AccountId, e.Side, q, p, _settings.TakerFee, LiquidationCause.Fill);
        Settle((int)e.MakerAccountId, e.Side == Side.Buy ? Side.Sell : Side.Buy, q, p, _settings.MakerFee, LiquidationCause.Fill);
        _traded = true;
    }

    /// <summary>Cancels every live order of the account through the engine (liquidation step one).</summary>
    internal void CancelAllOrders(int account, long liquidationId)
    {
        ref var a = ref _accounts[account];
        if (a.OrderHead < 0)
        {
            return;
        }

        while (a.OrderHead >= 0)
        {
            CancelByRisk(a.OrderHead, RiskRejectReason.AccountInLiquidation, liquidationId);
        }

        AfterChange();
    }

    private void CancelByRisk(int slot, RiskRejectReason reason, long liquidationId)
    {
        long orderId = _orders.Id(slot);
        int account = _orders.Account(slot);
        ref var e = ref Emit(ExchangeEventType.RiskCancel);
        e.RiskReason = reason;
        e.AccountId = account;
        e.OrderId = new OrderId(orderId);
        e.Side = _orders.Side(slot);
        e.Quantity = new Quantity(_orders.Open(slot));
        e.LiquidationId = liquidationId;
        var cancel = new OrderCommand { Type = CommandType.Cancel, OrderId = new OrderId(orderId), AccountId = account, Timestamp = _timestamp };
        RunEngine(in cancel);
        if (_orders.Find(orderId) == slot)
        {
            // The engine no longer knew the order; drop it so the reservation cannot leak.
            TrackOpen(orderId, 0, price: -1);
        }
    }

    /// <summary>Cancels reduce-only orders (newest first) of changed accounts that would now open or increase a position.</summary>
    private bool EnforceReduceOnly()
    {
        bool cancelled = false;
        for (int i = 0; i < _touched.Count; i++)
        {
            int account = _touched[i];
            ref var a = ref _accounts[account];
            if (a.ReduceOnlyBuyLots == 0 && a.ReduceOnlySellLots == 0)
            {
                continue;
            }

            int slot = a.OrderHead;
            while (slot >= 0 && (a.ReduceOnlyBuyLots > Math.Max(0, -a.Lots) || a.ReduceOnlySellLots > Math.Max(0, a.Lots)))
            {
                int next = _orders.Next(slot);
                if (_orders.IsReduceOnly(slot))
                {
                    bool excess = _orders.Side(slot) == Side.Buy
                        ? a.ReduceOnlyBuyLots > Math.Max(0, -a.Lots)
                        : a.ReduceOnlySellLots > Math.Max(0, a.Lots);
                    if (excess)
                    {
                        CancelByRisk(slot, RiskRejectReason.ReduceOnlyWouldIncrease, 0);
                        cancelled = true;
                    }
                }

                slot = next;
            }
        }

        return cancelled;
    }
}
