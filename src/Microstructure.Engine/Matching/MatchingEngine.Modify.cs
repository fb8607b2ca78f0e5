namespace Microstructure.Engine.Matching;

/// <content>Cancel, reduce and amend of live orders.</content>
public sealed partial class MatchingEngine
{
    /// <summary>Looks the command's order up and checks ownership; rejects and returns -1 on failure.</summary>
    private int FindOwned<TSink>(in OrderCommand c, ref TSink sink)
        where TSink : struct, IEngineEventSink
    {
        var ni = _map.Get(c.OrderId.Value);
        if (ni < 0)
        {
            Reject(in c, RejectReason.UnknownOrder, ref sink);
            return -1;
        }

        if (_nodes[ni].AccountId != c.AccountId)
        {
            Reject(in c, RejectReason.NotOwner, ref sink);
            return -1;
        }

        return ni;
    }

    private void Cancel<TSink>(in OrderCommand c, ref TSink sink)
        where TSink : struct, IEngineEventSink
    {
        var ni = FindOwned(in c, ref sink);
        if (ni >= 0)
        {
            RemoveLive(ni, CancelReason.UserRequested, ref sink);
        }
    }

    /// <summary>Removes a live order (resting or pending stop) and emits Cancelled for its open quantity.</summary>
    private void RemoveLive<TSink>(int ni, CancelReason reason, ref TSink sink)
        where TSink : struct, IEngineEventSink
    {
        ref var n = ref _nodes[ni];
        if (n.State == NodeState.Resting)
        {
            CancelResting(ni, n.Side == Side.Buy ? _bids : _asks, reason, ref sink);
            return;
        }

        (n.Side == Side.Buy ? _buyStops : _sellStops).Remove(ni);
        _map.Remove(n.Id);
        FreeNode(ni);
        Emit(ref sink, EngineEventType.Cancelled, n.Side, n.Id, n.AccountId, n.Price, n.Open, 0, reason);
    }

    private void Reduce<TSink>(in OrderCommand c, ref TSink sink)
        where TSink : struct, IEngineEventSink
    {
        var ni = FindOwned(in c, ref sink);
        if (ni < 0)
        {
            return;
        }

        var delta = c.Quantity.Lots;
        if (delta <= 0)
        {
            Reject(in c, RejectReason.InvalidQuantity, ref sink);
            return;
        }

        ref var n = ref _nodes[ni];
        if (delta >= n.Open)
        {
            RemoveLive(ni, CancelReason.UserRequested, ref sink);
            return;
        }

        if (n.State == NodeState.Resting)
        {
            ReduceResting(ref n, n.Side == Side.Buy ? _bids : _asks, delta);
        }
        else
        {
            n.Open -= delta;
        }

        Emit(ref sink, EngineEventType.Amended, n.Side, n.Id, n.AccountId, n.Price, n.Open, n.Open, CancelReason.None);
    }

    private void Amend<TSink>(in OrderCommand c, ref TSink sink)
        where TSink : struct, IEngineEventSink
    {
        var ni = FindOwned(in c, ref sink);
        if (ni < 0)
        {
            return;
        }

        ref var n = ref _nodes[ni];
        if (n.State != NodeState.Resting)
        {
            Reject(in c, RejectReason.InvalidOrder, ref sink);
            return;
        }

        var qty = c.Quantity.Lots;
        if (qty < 0 || qty > _maxQuantity)
        {
            Reject(in c, RejectReason.InvalidQuantity, ref sink);
            return;
        }

        var price = c.Price.Ticks;
        if (!InBounds(price))
        {
            Reject(in c, RejectReason.InvalidPrice, ref sink);
            return;
        }

        var book = n.Side == Side.Buy ? _bids : _asks;
        if (qty == 0)
        {
            CancelResting(ni, book, CancelReason.UserRequested, ref sink);
            return;
        }

        if (price == n.Price && qty <= n.Open)
        {
            if (qty < n.Open)
            {
                ReduceResting(ref n, book, n.Open - qty);
            }

            Emit(ref sink, EngineEventType.Amended, n.Side, n.Id, n.AccountId, price, qty, qty, CancelReason.None);
            return;
        }

        var crosses = Crosses(n.Side, price);
        if (crosses && (n.Flags & OrderFlags.PostOnly) != 0)
        {
            Reject(in c, RejectReason.PostOnlyWouldCross, ref sink);
            return;
        }

        // A new price needs a level there, unless the order leaves one it is alone in (which frees it first); the
        // level pool grows (nothing here holds a ref into it) only when nothing else will do.
        if (price != n.Price && !book.CanRestAt(price) && book.LevelOf(ref n).Count > 1 && !TryGrowLevels())
        {
            Reject(in c, RejectReason.BookFull, ref sink);
            return;
        }

        book.Remove(ni);
        n.Price = price;
        n.Open = qty;
        Emit(ref sink, EngineEventType.Amended, n.Side, n.Id, n.AccountId, price, qty, qty, CancelReason.None);

        if (crosses)
        {
            var t = new Taker
            {
                Id = n.Id,
                AccountId = n.AccountId,
                Price = price,
                Limit = price,
                Remaining = qty,
                Side = n.Side,
                Stp = n.Stp,
            };
            Match(ref t, ref sink);
            if (t.Remaining == 0)
            {
                _map.Remove(n.Id);
                FreeNode(ni);
                return;
            }

            n.Open = t.Remaining;
        }

        n.Visible = VisibleSlice(n.StopPriceOrDisplay, n.Open);
        book.Append(ni);
    }
}
