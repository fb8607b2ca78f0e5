using System.Runtime.CompilerServices;

namespace Microstructure.Engine.Matching;

/// <content>The matching loop, self-trade prevention and the fill-or-kill pre-check.</content>
public sealed partial class MatchingEngine
{
    /// <summary>True when a taker of <paramref name="side"/> with worst price <paramref name="limit"/> would trade now.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Crosses(Side side, long limit)
    {
        if (side == Side.Buy)
        {
            var level = _asks.BestLevel;
            return level >= 0 && _asks.Level(level).Price <= limit;
        }
        else
        {
            var level = _bids.BestLevel;
            return level >= 0 && _bids.Level(level).Price >= limit;
        }
    }

    /// <summary>Matches <paramref name="t"/> against the opposite side until it is filled, stopped by STP or no longer crosses.</summary>
    private void Match<TSink>(ref Taker t, ref TSink sink)
        where TSink : struct, IEngineEventSink
    {
        var book = t.Side == Side.Buy ? _asks : _bids;
        var nodes = _nodes;
        while (t.Remaining > 0)
        {
            var li = book.BestLevel;
            if (li < 0)
            {
                return;
            }

            ref var level = ref book.Level(li);
            if (t.Side == Side.Buy ? level.Price > t.Limit : level.Price < t.Limit)
            {
                return;
            }

            var mi = level.Head;
            ref var maker = ref nodes[mi];
            if (maker.AccountId == t.AccountId && t.Stp != SelfTradePrevention.None)
            {
                SelfTrade(ref t, mi, book, ref sink);
                continue;
            }

            var q = Math.Min(t.Remaining, maker.Visible);
            t.Remaining -= q;
            maker.Open -= q;
            maker.Visible -= q;
            level.Open -= q;
            level.Visible -= q;
            _lastTrade = level.Price;

            var e = default(EngineEvent);
            e.Type = EngineEventType.Trade;
            e.Side = t.Side;
            e.CommandSequence = _sequence;
            e.Timestamp = _timestamp;
            e.OrderId = new OrderId(t.Id);
            e.AccountId = t.AccountId;
            e.MakerOrderId = new OrderId(maker.Id);
            e.MakerAccountId = maker.AccountId;
            e.Price = new Price(level.Price);
            e.Quantity = new Quantity(q);
            e.RemainingQuantity = new Quantity(t.Remaining);
            e.MakerRemainingQuantity = new Quantity(maker.Open);
            sink.OnEvent(in e);

            if (maker.Open == 0)
            {
                book.Remove(mi);
                _map.Remove(maker.Id);
                FreeNode(mi);
            }
            else if (maker.Visible == 0)
            {
                RefreshIceberg(ref maker, ref level, mi, book);
            }
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void RefreshIceberg(ref OrderNode maker, ref PriceLevel level, int mi, BookSide book)
    {
        maker.Visible = VisibleSlice(maker.StopPriceOrDisplay, maker.Open);
        level.Visible += maker.Visible;
        book.MoveToBack(mi);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SelfTrade<TSink>(ref Taker t, int mi, BookSide book, ref TSink sink)
        where TSink : struct, IEngineEventSink
    {
        ref var maker = ref _nodes[mi];
        switch (t.Stp)
        {
            case SelfTradePrevention.CancelNewest:
                Emit(ref sink, EngineEventType.Cancelled, t.Side, t.Id, t.AccountId, t.Price, t.Remaining, 0, CancelReason.SelfTradePrevention);
                t.Remaining = 0;
                break;
            case SelfTradePrevention.CancelOldest:
                CancelResting(mi, book, CancelReason.SelfTradePrevention, ref sink);
                break;
            case SelfTradePrevention.CancelBoth:
                CancelResting(mi, book, CancelReason.SelfTradePrevention, ref sink);
                Emit(ref sink, EngineEventType.Cancelled, t.Side, t.Id, t.AccountId, t.Price, t.Remaining, 0, CancelReason.SelfTradePrevention);
                t.Remaining = 0;
                break;
            default:
                var d = Math.Min(t.Remaining, maker.Open);
                if (d == maker.Open)
                {
                    CancelResting(mi, book, CancelReason.SelfTradePrevention, ref sink);
                }
                else
                {
                    ReduceResting(ref maker, book, d);
                    Emit(ref sink, EngineEventType.Cancelled, maker.Side, maker.Id, maker.AccountId, maker.Price, d, maker.Open, CancelReason.SelfTradePrevention);
                }

                t.Remaining -= d;
                Emit(ref sink, EngineEventType.Cancelled, t.Side, t.Id, t.AccountId, t.Price, d, t.Remaining, CancelReason.SelfTradePrevention);
                break;
        }
    }

    /// <summary>Removes a resting order entirely, emitting Cancelled for its whole open quantity.</summary>
    private void CancelResting<TSink>(int ni, BookSide book, CancelReason reason, ref TSink sink)
        where TSink : struct, IEngineEventSink
    {
        ref var n = ref _nodes[ni];
        var open = n.Open;
        book.Remove(ni);
        _map.Remove(n.Id);
        FreeNode(ni);
        Emit(ref sink, EngineEventType.Cancelled, n.Side, n.Id, n.AccountId, n.Price, open, 0, reason);
    }

    /// <summary>Takes <paramref name="delta"/> (less than open) out of a resting order in place: reserve first, priority kept.</summary>
    private static void ReduceResting(ref OrderNode n, BookSide book, long delta)
    {
        ref var level = ref book.LevelOf(ref n);
        n.Open -= delta;
        var visible = Math.Min(n.Visible, n.Open);
        level.Visible -= n.Visible - visible;
        level.Open -= delta;
        n.Visible = visible;
    }

    /// <summary>
    /// How much of <paramref name="t"/> would be executed (traded, or decremented by STP) right now; exact, including
    /// iceberg re-queues and self-trade prevention, without changing anything.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private long FillableQuantity(in Taker t)
    {
        var book = t.Side == Side.Buy ? _asks : _bids;
        long total = 0;
        for (var li = book.BestLevel; li >= 0 && total < t.Remaining; li = book.NextLevel(li))
        {
            ref var level = ref book.Level(li);
            if (t.Side == Side.Buy ? level.Price > t.Limit : level.Price < t.Limit)
            {
                break;
            }

            if (t.Stp == SelfTradePrevention.None || t.Stp == SelfTradePrevention.Decrement)
            {
                total += level.Open;
                continue;
            }

            if (t.Stp == SelfTradePrevention.CancelOldest)
            {
                for (var ni = level.Head; ni >= 0; ni = _nodes[ni].Next)
                {
                    if (_nodes[ni].AccountId != t.AccountId)
                    {
                        total += _nodes[ni].Open;
                    }
                }

                continue;
            }

            // CancelNewest / CancelBoth: the taker dies at the first own order it reaches. Before reaching it, only
            // the visible slices of the orders queued ahead are taken (icebergs re-queue behind it).
            long beforeSelf = 0;
            var self = false;
            for (var ni = level.Head; ni >= 0; ni = _nodes[ni].Next)
            {
                if (_nodes[ni].AccountId == t.AccountId)
                {
                    self = true;
                    break;
                }

                beforeSelf += _nodes[ni].Visible;
            }

            if (self)
            {
                return Math.Min(t.Remaining, total + beforeSelf);
            }

            total += level.Open;
        }

        return total;
    }
}
