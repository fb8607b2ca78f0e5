namespace Microstructure.Engine.Tests.Matching;

/// <summary>
/// A deliberately naive order book used as the model in the property tests: unsorted lists, every "best" found
/// by sorting, the fill-or-kill check done by really matching on a throw-away copy. Clarity over speed; it shares
/// no code with the engine.
/// </summary>
internal sealed class ReferenceBook
{
    private readonly int _maxOrders;
    private readonly long _minPrice;
    private readonly long _maxPrice;
    private readonly long _maxQuantity;
    private List<EngineEvent> _out = new();
    private long _cmdSeq;
    private Timestamp _ts;

    public ReferenceBook(int maxOrders, long minPrice, long maxPrice, long maxQuantity)
    {
        _maxOrders = maxOrders;
        _minPrice = minPrice;
        _maxPrice = maxPrice;
        _maxQuantity = maxQuantity;
    }

    public List<ReferenceOrder> Resting { get; private set; } = new();

    public List<ReferenceOrder> Stops { get; private set; } = new();

    public long Last { get; private set; }

    public long NextSeq { get; private set; }

    public int LiveCount => Resting.Count + Stops.Count;

    public ReferenceOrder? Find(long id) =>
        Resting.FirstOrDefault(o => o.Id == id) ?? Stops.FirstOrDefault(o => o.Id == id);

    /// <summary>Orders of one side in priority order (best price first, then queue position).</summary>
    public List<ReferenceOrder> SideInPriority(Side side) =>
        side == Side.Buy
            ? Resting.Where(o => o.Side == side).OrderByDescending(o => o.Price).ThenBy(o => o.Seq).ToList()
            : Resting.Where(o => o.Side == side).OrderBy(o => o.Price).ThenBy(o => o.Seq).ToList();

    public (long Price, long Visible) Best(Side side)
    {
        var orders = SideInPriority(side);
        if (orders.Count == 0)
        {
            return (0, 0);
        }

        var p = orders[0].Price;
        return (p, orders.Where(o => o.Price == p).Sum(o => o.Visible));
    }

    public List<EngineEvent> Process(OrderCommand c, long commandSequence)
    {
        _out = new List<EngineEvent>();
        _cmdSeq = commandSequence;
        _ts = c.Timestamp;
        var bid = Best(Side.Buy);
        var ask = Best(Side.Sell);
        var rejected = c.Type switch
        {
            CommandType.Place => Place(c),
            CommandType.Cancel => Cancel(c),
            CommandType.Reduce => Reduce(c),
            CommandType.Amend => Amend(c),
            _ => Reject(c, RejectReason.InvalidOrder),
        };
        if (!rejected)
        {
            RunStops();
            var nb = Best(Side.Buy);
            var na = Best(Side.Sell);
            if (nb != bid || na != ask)
            {
                _out.Add(new EngineEvent
                {
                    Type = EngineEventType.TopOfBook, CommandSequence = _cmdSeq, Timestamp = _ts,
                    BidPrice = new Price(nb.Price), BidQuantity = new Quantity(nb.Visible),
                    AskPrice = new Price(na.Price), AskQuantity = new Quantity(na.Visible),
                });
            }
        }

        return _out;
    }

    private bool Reject(OrderCommand c, RejectReason reason)
    {
        _out.Add(new EngineEvent
        {
            Type = EngineEventType.Rejected, Side = c.Side, RejectReason = reason, CommandSequence = _cmdSeq, Timestamp = _ts,
            OrderId = c.OrderId, AccountId = c.AccountId, Price = c.Price, Quantity = c.Quantity,
        });
        return true;
    }

    private void Emit(EngineEventType type, Side side, long id, long account, long price, long qty, long remaining, CancelReason reason = CancelReason.None) =>
        _out.Add(new EngineEvent
        {
            Type = type, Side = side, CancelReason = reason, CommandSequence = _cmdSeq, Timestamp = _ts, OrderId = new OrderId(id),
            AccountId = account, Price = new Price(price), Quantity = new Quantity(qty), RemainingQuantity = new Quantity(remaining),
        });

    private bool InBounds(long p) => p >= _minPrice && p <= _maxPrice;

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

        if (!isMarket && order.Tif == TimeInForce.Gtc)
        {
            order.Open = remaining;
            order.Visible = order.Display > 0 ? Math.Min(order.Display, remaining) : remaining;
            order.Seq = ++NextSeq;
            Resting.Add(order);
        }
        else
        {
            Emit(EngineEventType.Cancelled, order.Side, order.Id, order.Account, order.Price, remaining, 0, CancelReason.Expired);
        }
    }

    private bool Crosses(Side takerSide, long limit, bool isMarket, long makerPrice) =>
        isMarket || (takerSide == Side.Buy ? makerPrice <= limit : makerPrice >= limit);

    private bool WouldCross(Side side, long price)
    {
        var opposite = SideInPriority(side == Side.Buy ? Side.Sell : Side.Buy);
        return opposite.Count > 0 && Crosses(side, price, false, opposite[0].Price);
    }

    /// <summary>Fill-or-kill check: really match a copy of the book and see whether nothing is left over.</summary>
    private bool FullyExecutable(ReferenceOrder taker)
    {
        var copy = new ReferenceBook(_maxOrders, _minPrice, _maxPrice, _maxQuantity)
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
