namespace Microstructure.Engine.Tests.Matching;

/// <content>Cancel, reduce and amend.</content>
internal sealed partial class ReferenceBook
{
    private ReferenceOrder? FindOwned(OrderCommand c, out bool rejected)
    {
        var order = Find(c.OrderId.Value);
        rejected = true;
        if (order == null)
        {
            Reject(c, RejectReason.UnknownOrder);
            return null;
        }

        if (order.Account != c.AccountId)
        {
            Reject(c, RejectReason.NotOwner);
            return null;
        }

        rejected = false;
        return order;
    }

    private void RemoveLive(ReferenceOrder order)
    {
        Resting.Remove(order);
        Stops.Remove(order);
        Emit(EngineEventType.Cancelled, order.Side, order.Id, order.Account, order.Price, order.Open, 0, CancelReason.UserRequested);
    }

    private bool Cancel(OrderCommand c)
    {
        var order = FindOwned(c, out var rejected);
        if (order != null)
        {
            RemoveLive(order);
        }

        return rejected;
    }

    private bool Reduce(OrderCommand c)
    {
        var order = FindOwned(c, out var rejected);
        if (order == null)
        {
            return rejected;
        }

        if (c.Quantity.Lots <= 0)
        {
            return Reject(c, RejectReason.InvalidQuantity);
        }

        if (c.Quantity.Lots >= order.Open)
        {
            RemoveLive(order);
            return false;
        }

        order.Open -= c.Quantity.Lots;
        order.Visible = Math.Min(order.Visible, order.Open);
        Emit(EngineEventType.Amended, order.Side, order.Id, order.Account, order.Price, order.Open, order.Open);
        return false;
    }

    private bool Amend(OrderCommand c)
    {
        var order = FindOwned(c, out var rejected);
        if (order == null)
        {
            return rejected;
        }

        if (Stops.Contains(order))
        {
            return Reject(c, RejectReason.InvalidOrder);
        }

        var qty = c.Quantity.Lots;
        var price = c.Price.Ticks;
        if (qty < 0 || qty > _maxQuantity)
        {
            return Reject(c, RejectReason.InvalidQuantity);
        }

        if (!InBounds(price))
        {
            return Reject(c, RejectReason.InvalidPrice);
        }

        if (qty == 0)
        {
            RemoveLive(order);
            return false;
        }

        if (price == order.Price && qty <= order.Open)
        {
            order.Open = qty;
            order.Visible = Math.Min(order.Visible, qty);
            Emit(EngineEventType.Amended, order.Side, order.Id, order.Account, price, qty, qty);
            return false;
        }

        var crosses = WouldCross(order.Side, price);
        if (crosses && order.Flags.HasFlag(OrderFlags.PostOnly))
        {
            return Reject(c, RejectReason.PostOnlyWouldCross);
        }

        var aloneAtItsLevel = Resting.Count(o => o.Side == order.Side && o.Price == order.Price) == 1;
        if (price != order.Price && !CanRestAt(order.Side, price) && !aloneAtItsLevel)
        {
            return Reject(c, RejectReason.BookFull);
        }

        Resting.Remove(order);
        order.Price = price;
        order.Open = qty;
        Emit(EngineEventType.Amended, order.Side, order.Id, order.Account, price, qty, qty);
        var remaining = Match(order, qty, false, out _);
        if (remaining > 0)
        {
            order.Open = remaining;
            order.Visible = order.Display > 0 ? Math.Min(order.Display, remaining) : remaining;
            order.Seq = ++NextSeq;
            Resting.Add(order);
        }

        return false;
    }
}
