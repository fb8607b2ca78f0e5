namespace Microstructure.Engine.Matching;

/// <content>New orders: validation, acceptance, immediate execution, resting.</content>
public sealed partial class MatchingEngine
{
    private void Place<TSink>(in OrderCommand c, ref TSink sink)
        where TSink : struct, IEngineEventSink
    {
        var reason = Validate(in c);
        if (reason != RejectReason.None)
        {
            Reject(in c, reason, ref sink);
            return;
        }

        var isMarketLike = c.OrderType is OrderType.Market or OrderType.StopMarket;
        var price = isMarketLike ? 0 : c.Price.Ticks;
        var t = new Taker
        {
            Id = c.OrderId.Value,
            AccountId = c.AccountId,
            Price = price,
            Limit = isMarketLike ? (c.Side == Side.Buy ? long.MaxValue : 0) : price,
            Remaining = c.Quantity.Lots,
            Side = c.Side,
            Stp = c.SelfTradePrevention,
        };

        if ((c.Flags & OrderFlags.PostOnly) != 0 && Crosses(c.Side, t.Limit))
        {
            Reject(in c, RejectReason.PostOnlyWouldCross, ref sink);
            return;
        }

        var isStop = c.OrderType is OrderType.StopMarket or OrderType.StopLimit;
        if (c.TimeInForce == TimeInForce.Fok && !isStop && FillableQuantity(in t) < t.Remaining)
        {
            Reject(in c, RejectReason.FokNotFillable, ref sink);
            return;
        }

        EmitAccepted(in c, price, ref sink);

        if (isStop)
        {
            var ni = AllocateNode();
            ref var n = ref _nodes[ni];
            InitNode(ref n, in c, price);
            _map.Add(ni);
            if (StopConditionHolds(n.Side, n.StopPriceOrDisplay))
            {
                TriggerStop(ni, ref sink);
            }
            else
            {
                n.State = NodeState.PendingStop;
                (n.Side == Side.Buy ? _buyStops : _sellStops).Add(ni);
            }

            return;
        }

        if (Crosses(t.Side, t.Limit))
        {
            Match(ref t, ref sink);
        }

        if (t.Remaining == 0)
        {
            return;
        }

        if (c.OrderType == OrderType.Limit && c.TimeInForce == TimeInForce.Gtc)
        {
            var ni = AllocateNode();
            ref var n = ref _nodes[ni];
            InitNode(ref n, in c, price);
            n.Open = t.Remaining;
            n.Visible = VisibleSlice(n.StopPriceOrDisplay, n.Open);
            n.State = NodeState.Resting;
            _map.Add(ni);
            (n.Side == Side.Buy ? _bids : _asks).Append(ni);
        }
        else
        {
            Emit(ref sink, EngineEventType.Cancelled, t.Side, t.Id, t.AccountId, t.Price, t.Remaining, 0, CancelReason.Expired);
        }
    }

    private void EmitAccepted<TSink>(in OrderCommand c, long price, ref TSink sink)
        where TSink : struct, IEngineEventSink
    {
        var e = default(EngineEvent);
        e.Type = EngineEventType.Accepted;
        e.Side = c.Side;
        e.OrderType = c.OrderType;
        e.TimeInForce = c.TimeInForce;
        e.Flags = c.Flags;
        e.CommandSequence = _sequence;
        e.Timestamp = _timestamp;
        e.OrderId = c.OrderId;
        e.AccountId = c.AccountId;
        e.Price = new Price(price);
        e.Quantity = c.Quantity;
        e.RemainingQuantity = c.Quantity;
        e.StopPrice = c.OrderType is OrderType.StopMarket or OrderType.StopLimit ? c.StopPrice : Price.Zero;
        e.DisplayQuantity = c.DisplayQuantity;
        sink.OnEvent(in e);
    }

    private static void InitNode(ref OrderNode n, in OrderCommand c, long price)
    {
        n.Id = c.OrderId.Value;
        n.AccountId = c.AccountId;
        n.Price = price;
        n.StopPriceOrDisplay = c.OrderType is OrderType.StopMarket or OrderType.StopLimit ? c.StopPrice.Ticks : c.DisplayQuantity.Lots;
        n.Open = c.Quantity.Lots;
        n.Visible = 0;
        n.Side = c.Side;
        n.OrderType = c.OrderType;
        n.TimeInForce = c.TimeInForce;
        n.Flags = c.Flags;
        n.Stp = c.SelfTradePrevention;
        n.Next = -1;
        n.Prev = -1;
    }

    private RejectReason Validate(in OrderCommand c)
    {
        if ((uint)c.OrderType > (uint)OrderType.StopLimit || (uint)c.TimeInForce > (uint)TimeInForce.Fok
            || (uint)c.Side > (uint)Side.Sell || (uint)c.SelfTradePrevention > (uint)SelfTradePrevention.Decrement
            || (c.Flags & ~(OrderFlags.PostOnly | OrderFlags.ReduceOnly)) != 0
            || c.OrderId == OrderId.None)
        {
            // Id 0 is OrderId.None, which events use for "no order" (e.g. no maker): it cannot name a real order.
            return RejectReason.InvalidOrder;
        }

        var qty = c.Quantity.Lots;
        if (qty <= 0 || qty > _maxQuantity)
        {
            return RejectReason.InvalidQuantity;
        }

        if ((c.OrderType is OrderType.Limit or OrderType.StopLimit) && !InBounds(c.Price.Ticks))
        {
            return RejectReason.InvalidPrice;
        }

        var isStop = c.OrderType is OrderType.StopMarket or OrderType.StopLimit;
        if (isStop && !InBounds(c.StopPrice.Ticks))
        {
            return RejectReason.InvalidPrice;
        }

        var restingLimit = c.OrderType == OrderType.Limit && c.TimeInForce == TimeInForce.Gtc;
        var display = c.DisplayQuantity.Lots;
        if (display < 0 || display > qty || (display > 0 && !restingLimit))
        {
            return RejectReason.InvalidOrder;
        }

        if ((c.Flags & OrderFlags.PostOnly) != 0 && !restingLimit)
        {
            return RejectReason.InvalidOrder;
        }

        if (_map.Get(c.OrderId.Value) >= 0)
        {
            return RejectReason.DuplicateOrderId;
        }

        // Checked on arrival, before anything happens, so a refusal leaves the book unchanged; an order that would
        // have filled completely is refused too (its need for a node or a level is only known afterwards). A pool
        // below its maximum grows here instead, so BookFull comes exactly at maxOrders (or maxPriceLevels).
        if ((restingLimit || isStop) && _freeNode < 0 && !TryGrowNodes())
        {
            return RejectReason.BookFull;
        }

        if (restingLimit && !CanRestAt(c.Side == Side.Buy ? _bids : _asks, c.Price.Ticks))
        {
            return RejectReason.BookFull;
        }

        return RejectReason.None;
    }

    private bool InBounds(long price) => price >= _minPrice && price <= _maxPrice;
}
