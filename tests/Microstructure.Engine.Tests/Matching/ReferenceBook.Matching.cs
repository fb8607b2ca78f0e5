namespace Microstructure.Engine.Tests.Matching;

/// <content>Matching by brute force: the best maker is found by sorting the whole side every time.</content>
internal sealed partial class ReferenceBook
{
    private static bool Crosses(Side takerSide, long limit, bool isMarket, long makerPrice) =>
        isMarket || (takerSide == Side.Buy ? makerPrice <= limit : makerPrice >= limit);

    private bool WouldCross(Side side, long price)
    {
        var opposite = SideInPriority(side == Side.Buy ? Side.Sell : Side.Buy);
        return opposite.Count > 0 && Crosses(side, price, false, opposite[0].Price);
    }

    /// <summary>Fill-or-kill check: really match a copy of the book and see whether nothing is left over.</summary>
    private bool FullyExecutable(ReferenceOrder taker)
    {
        var copy = new ReferenceBook(_maxOrders, _minPrice, _maxPrice, _maxQuantity, _maxLevels)
        {
            Resting = Resting.Select(o => o.Clone()).ToList(),
            Stops = Stops.Select(o => o.Clone()).ToList(),
            NextSeq = NextSeq,
        };
        var isMarket = taker.Type is OrderType.Market or OrderType.StopMarket;
        copy.Match(taker.Clone(), taker.Open, isMarket, out var executed);
        return executed == taker.Open;
    }

    /// <summary>Matches; returns the quantity left (zero also when self-trade prevention killed the taker).</summary>
    private long Match(ReferenceOrder taker, long remaining, bool isMarket, out long executed)
    {
        executed = 0;
        var makerSide = taker.Side == Side.Buy ? Side.Sell : Side.Buy;
        while (remaining > 0)
        {
            var maker = SideInPriority(makerSide).FirstOrDefault();
            if (maker == null || !Crosses(taker.Side, taker.Price, isMarket, maker.Price))
            {
                break;
            }

            if (maker.Account == taker.Account && taker.Stp != SelfTradePrevention.None)
            {
                switch (taker.Stp)
                {
                    case SelfTradePrevention.CancelNewest:
                        Emit(EngineEventType.Cancelled, taker.Side, taker.Id, taker.Account, taker.Price, remaining, 0, CancelReason.SelfTradePrevention);
                        return 0;
                    case SelfTradePrevention.CancelOldest:
                        Resting.Remove(maker);
                        Emit(EngineEventType.Cancelled, maker.Side, maker.Id, maker.Account, maker.Price, maker.Open, 0, CancelReason.SelfTradePrevention);
                        continue;
                    case SelfTradePrevention.CancelBoth:
                        Resting.Remove(maker);
                        Emit(EngineEventType.Cancelled, maker.Side, maker.Id, maker.Account, maker.Price, maker.Open, 0, CancelReason.SelfTradePrevention);
                        Emit(EngineEventType.Cancelled, taker.Side, taker.Id, taker.Account, taker.Price, remaining, 0, CancelReason.SelfTradePrevention);
                        return 0;
                    default:
                        var d = Math.Min(remaining, maker.Open);
                        maker.Open -= d;
                        maker.Visible = Math.Min(maker.Visible, maker.Open);
                        if (maker.Open == 0)
                        {
                            Resting.Remove(maker);
                        }

                        Emit(EngineEventType.Cancelled, maker.Side, maker.Id, maker.Account, maker.Price, d, maker.Open, CancelReason.SelfTradePrevention);
                        remaining -= d;
                        executed += d;
                        Emit(EngineEventType.Cancelled, taker.Side, taker.Id, taker.Account, taker.Price, d, remaining, CancelReason.SelfTradePrevention);
                        continue;
                }
            }

            var q = Math.Min(remaining, maker.Visible);
            remaining -= q;
            executed += q;
            maker.Open -= q;
            maker.Visible -= q;
            Last = maker.Price;
            _out.Add(new EngineEvent
            {
                Type = EngineEventType.Trade, Side = taker.Side, CommandSequence = _cmdSeq, Timestamp = _ts,
                OrderId = new OrderId(taker.Id), AccountId = taker.Account, MakerOrderId = new OrderId(maker.Id), MakerAccountId = maker.Account,
                Price = new Price(maker.Price), Quantity = new Quantity(q), RemainingQuantity = new Quantity(remaining),
                MakerRemainingQuantity = new Quantity(maker.Open),
            });
            if (maker.Open == 0)
            {
                Resting.Remove(maker);
            }
            else if (maker.Visible == 0)
            {
                maker.Visible = Math.Min(maker.Display, maker.Open);
                maker.Seq = ++NextSeq;
            }
        }

        return remaining;
    }
}
