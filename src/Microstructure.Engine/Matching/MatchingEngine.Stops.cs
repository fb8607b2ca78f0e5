using System.Runtime.CompilerServices;

namespace Microstructure.Engine.Matching;

/// <content>Stop orders: trigger condition, trigger order and execution.</content>
public sealed partial class MatchingEngine
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool StopConditionHolds(Side side, long stopPrice) =>
        _lastTrade != 0 && (side == Side.Buy ? _lastTrade >= stopPrice : _lastTrade <= stopPrice);

    /// <summary>Runs triggered stops one at a time until none is triggered (they may cascade).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void RunTriggeredStops<TSink>(ref TSink sink)
        where TSink : struct, IEngineEventSink
    {
        while (true)
        {
            var ni = _buyStops.Next;
            if (ni >= 0 && StopConditionHolds(Side.Buy, _nodes[ni].StopPriceOrDisplay))
            {
                _buyStops.RemoveNext();
                TriggerStop(ni, ref sink);
                continue;
            }

            ni = _sellStops.Next;
            if (ni >= 0 && StopConditionHolds(Side.Sell, _nodes[ni].StopPriceOrDisplay))
            {
                _sellStops.RemoveNext();
                TriggerStop(ni, ref sink);
                continue;
            }

            return;
        }
    }

    /// <summary>Executes a stop (already out of the stop book) whose node is <paramref name="ni"/>.</summary>
    private void TriggerStop<TSink>(int ni, ref TSink sink)
        where TSink : struct, IEngineEventSink
    {
        ref var n = ref _nodes[ni];
        n.State = NodeState.Free;
        n.StopPriceOrDisplay = 0; // no longer a stop, and never an iceberg
        Emit(ref sink, EngineEventType.StopTriggered, n.Side, n.Id, n.AccountId, n.Price, n.Open, n.Open, CancelReason.None);
        var isMarket = n.OrderType == OrderType.StopMarket;
        var t = new Taker
        {
            Id = n.Id,
            AccountId = n.AccountId,
            Price = n.Price,
            Limit = isMarket ? (n.Side == Side.Buy ? long.MaxValue : 0) : n.Price,
            Remaining = n.Open,
            Side = n.Side,
            Stp = n.Stp,
        };

        if (n.TimeInForce != TimeInForce.Fok || FillableQuantity(in t) >= t.Remaining)
        {
            Match(ref t, ref sink);
        }

        var book = n.Side == Side.Buy ? _bids : _asks;
        if (t.Remaining > 0 && !isMarket && n.TimeInForce == TimeInForce.Gtc && CanRestAt(book, n.Price))
        {
            n.Open = t.Remaining;
            n.Visible = t.Remaining;
            n.State = NodeState.Resting;
            book.Append(ni);
            return;
        }

        if (t.Remaining > 0)
        {
            var reason = !isMarket && n.TimeInForce == TimeInForce.Gtc ? CancelReason.BookFull : CancelReason.Expired;
            Emit(ref sink, EngineEventType.Cancelled, t.Side, t.Id, t.AccountId, t.Price, t.Remaining, 0, reason);
        }

        _map.Remove(n.Id);
        FreeNode(ni);
    }
}
