namespace Microstructure.Engine.Tests.Matching;

/// <content>New orders: validation, acceptance, stops, and resting or expiring the remainder.</content>
internal sealed partial class ReferenceBook
{
    private bool Place(OrderCommand c)
    {
        var qty = c.Quantity.Lots;
        var isStop = c.OrderType is OrderType.StopMarket or OrderType.StopLimit;
        var isMarket = c.OrderType is OrderType.Market or OrderType.StopMarket;
        var gtcLimit = c.OrderType == OrderType.Limit && c.TimeInForce == TimeInForce.Gtc;
        var postOnly = c.Flags.HasFlag(OrderFlags.PostOnly);
        if (qty <= 0 || qty > _maxQuantity)
        {
            return Reject(c, RejectReason.InvalidQuantity);
        }

        if (!isMarket && !InBounds(c.Price.Ticks))
        {
            return Reject(c, RejectReason.InvalidPrice);
        }

        if (isStop && !InBounds(c.StopPrice.Ticks))
        {
            return Reject(c, RejectReason.InvalidPrice);
        }

        var display = c.DisplayQuantity.Lots;
        if (display < 0 || display > qty || (display > 0 && !gtcLimit) || (postOnly && !gtcLimit))
        {
            return Reject(c, RejectReason.InvalidOrder);
        }

        if (Find(c.OrderId.Value) != null)
        {
            return Reject(c, RejectReason.DuplicateOrderId);
        }

        if ((gtcLimit || isStop) && LiveCount >= _maxOrders)
        {
            return Reject(c, RejectReason.BookFull);
        }

        if (gtcLimit && !CanRestAt(c.Side, c.Price.Ticks))
        {
            return Reject(c, RejectReason.BookFull);
        }

        var order = new ReferenceOrder
        {
            Id = c.OrderId.Value, Account = c.AccountId, Side = c.Side, Type = c.OrderType, Tif = c.TimeInForce, Flags = c.Flags,
            Stp = c.SelfTradePrevention, Price = isMarket ? 0 : c.Price.Ticks, StopPrice = isStop ? c.StopPrice.Ticks : 0,
            Open = qty, Display = display,
        };

        if (postOnly && WouldCross(order.Side, order.Price))
        {
            return Reject(c, RejectReason.PostOnlyWouldCross);
        }

        if (!isStop && c.TimeInForce == TimeInForce.Fok && !FullyExecutable(order))
        {
            return Reject(c, RejectReason.FokNotFillable);
        }

        Emit(EngineEventType.Accepted, order.Side, order.Id, order.Account, order.Price, qty, qty);
        var accepted = _out[^1];
        accepted.OrderType = c.OrderType;
        accepted.TimeInForce = c.TimeInForce;
        accepted.Flags = c.Flags;
        accepted.StopPrice = new Price(order.StopPrice);
        accepted.DisplayQuantity = new Quantity(display);
        _out[^1] = accepted;
        order.Seq = ++NextSeq;
        if (isStop)
        {
            if (StopHolds(order))
            {
                Trigger(order);
            }
            else
            {
                Stops.Add(order);
            }

            return false;
        }

        ExecuteAndRestOrExpire(order, isMarket);
        return false;
    }

    private void ExecuteAndRestOrExpire(ReferenceOrder order, bool isMarket)
    {
        var remaining = Match(order, order.Open, isMarket, out _);
        if (remaining == 0)
        {
            return;
        }

        if (!isMarket && order.Tif == TimeInForce.Gtc && CanRestAt(order.Side, order.Price))
        {
            order.Open = remaining;
            order.Visible = order.Display > 0 ? Math.Min(order.Display, remaining) : remaining;
            order.Seq = ++NextSeq;
            Resting.Add(order);
        }
        else
        {
            var reason = !isMarket && order.Tif == TimeInForce.Gtc ? CancelReason.BookFull : CancelReason.Expired;
            Emit(EngineEventType.Cancelled, order.Side, order.Id, order.Account, order.Price, remaining, 0, reason);
        }
    }

    private bool StopHolds(ReferenceOrder stop) =>
        Last != 0 && (stop.Side == Side.Buy ? Last >= stop.StopPrice : Last <= stop.StopPrice);

    private void RunStops()
    {
        while (true)
        {
            var next = Stops.Where(s => s.Side == Side.Buy && StopHolds(s)).OrderBy(s => s.StopPrice).ThenBy(s => s.Seq).FirstOrDefault()
                ?? Stops.Where(s => s.Side == Side.Sell && StopHolds(s)).OrderByDescending(s => s.StopPrice).ThenBy(s => s.Seq).FirstOrDefault();
            if (next == null)
            {
                return;
            }

            Stops.Remove(next);
            Trigger(next);
        }
    }

    private void Trigger(ReferenceOrder stop)
    {
        Emit(EngineEventType.StopTriggered, stop.Side, stop.Id, stop.Account, stop.Price, stop.Open, stop.Open);
        var isMarket = stop.Type == OrderType.StopMarket;
        if (stop.Tif == TimeInForce.Fok && !FullyExecutable(stop))
        {
            Emit(EngineEventType.Cancelled, stop.Side, stop.Id, stop.Account, stop.Price, stop.Open, 0, CancelReason.Expired);
            return;
        }

        ExecuteAndRestOrExpire(stop, isMarket);
    }
}
