namespace Microstructure.Engine.Matching;

/// <content>
/// Per-price queries. Replay needs them to reconcile historical data with the book: a LOBSTER level that re-enters
/// the window, or an L2 level update, names a price, not an order.
/// </content>
public sealed partial class MatchingEngine
{
    /// <summary>The level resting at exactly <paramref name="price"/> on <paramref name="side"/>; zero quantity and count when none.</summary>
    /// <param name="side">Which side of the book.</param>
    /// <param name="price">The price of the level.</param>
    /// <returns>Visible quantity and order count at that price.</returns>
    public L2Level GetLevel(Side side, Price price)
    {
        var book = side == Side.Buy ? _bids : _asks;

        // Nothing rests outside the instrument's bounds (orders there are rejected), and the paged directories only
        // cover the bounds: a query there is an empty level, not an index past a page table (fuzz tier, issue 12).
        var li = InBounds(price.Ticks) ? book.Find(price.Ticks) : -1;
        if (li < 0)
        {
            return new L2Level(price, Quantity.Zero, 0);
        }

        ref var l = ref book.Level(li);
        return new L2Level(price, new Quantity(l.Visible), l.Count);
    }

    /// <summary>Copies the ids of the orders queued at <paramref name="price"/>, front (oldest priority) first.</summary>
    /// <param name="side">Which side of the book.</param>
    /// <param name="price">The price of the level.</param>
    /// <param name="destination">Receives up to its length of ids.</param>
    /// <returns>The number of orders at the level, which may exceed what fitted in <paramref name="destination"/>.</returns>
    public int CopyLevelOrderIds(Side side, Price price, Span<OrderId> destination)
    {
        var book = side == Side.Buy ? _bids : _asks;
        var li = InBounds(price.Ticks) ? book.Find(price.Ticks) : -1;
        if (li < 0)
        {
            return 0;
        }

        ref var level = ref book.Level(li);
        var n = 0;
        for (var ni = level.Head; ni >= 0; ni = _nodes[ni].Next)
        {
            if (n < destination.Length)
            {
                destination[n] = new OrderId(_nodes[ni].Id);
            }

            n++;
        }

        return n;
    }

    /// <summary>
    /// Visible quantity resting on <paramref name="side"/> at prices a taker limited at <paramref name="limit"/> could
    /// reach: bids at or above it, asks at or below it. Walks levels from the best, so it costs the levels it sums.
    /// </summary>
    /// <param name="side">The resting side (<see cref="Side.Buy"/> = bids).</param>
    /// <param name="limit">The worst price counted.</param>
    /// <returns>The summed visible lots.</returns>
    public Quantity VisibleWithin(Side side, Price limit)
    {
        var book = side == Side.Buy ? _bids : _asks;
        long total = 0;
        for (var li = book.BestLevel; li >= 0; li = book.NextLevel(li))
        {
            ref var l = ref book.Level(li);
            if (side == Side.Buy ? l.Price < limit.Ticks : l.Price > limit.Ticks)
            {
                break;
            }

            total += l.Visible;
        }

        return new Quantity(total);
    }
}
