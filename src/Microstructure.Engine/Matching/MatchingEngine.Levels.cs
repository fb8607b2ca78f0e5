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
        var li = book.Find(price.Ticks);
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
        var li = book.Find(price.Ticks);
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
}
