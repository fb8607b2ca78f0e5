namespace Microstructure.Engine.Tests.Matching;

/// <summary>
/// A deliberately naive order book used as the model in the property tests: unsorted lists, every "best" found
/// by sorting, the fill-or-kill check done by really matching on a throw-away copy. Clarity over speed; it shares
/// no code with the engine.
/// </summary>
internal sealed partial class ReferenceBook
{
    private readonly int _maxOrders;
    private readonly int _maxLevels;
    private readonly long _minPrice;
    private readonly long _maxPrice;
    private readonly long _maxQuantity;
    private List<EngineEvent> _out = new();
    private long _cmdSeq;
    private Timestamp _ts;

    public ReferenceBook(int maxOrders, long minPrice, long maxPrice, long maxQuantity, int? maxLevels = null)
    {
        _maxOrders = maxOrders;
        _maxLevels = maxLevels ?? maxOrders;
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

    /// <summary>Price levels in use on both sides: distinct (side, price) among resting orders.</summary>
    public int LevelCount => Resting.Select(o => (o.Side, o.Price)).Distinct().Count();

    /// <summary>An order can rest at a price when its level exists or the shared level pool has room for one more.</summary>
    public bool CanRestAt(Side side, long price) =>
        LevelCount < _maxLevels || Resting.Any(o => o.Side == side && o.Price == price);

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
            CommandType.SnapshotL2 => Snapshot(c),
            _ => Reject(c, RejectReason.InvalidOrder),
        };
        if (c.Type == CommandType.SnapshotL2)
        {
            return _out; // a snapshot changes nothing: no stops, no top-of-book event
        }

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

    /// <summary>Each side's levels best first, visible and total open size and order count, up to the requested depth.</summary>
    private bool Snapshot(OrderCommand c)
    {
        if (c.Quantity.Lots <= 0)
        {
            return Reject(c, RejectReason.InvalidQuantity);
        }

        foreach (var side in new[] { Side.Buy, Side.Sell })
        {
            var levels = SideInPriority(side).GroupBy(o => o.Price).Take((int)Math.Min(int.MaxValue, c.Quantity.Lots)).ToList();
            for (var rank = 0; rank < levels.Count; rank++)
            {
                _out.Add(new EngineEvent
                {
                    Type = EngineEventType.L2Level, Side = side, CommandSequence = _cmdSeq, Timestamp = _ts,
                    Price = new Price(levels[rank].Key), Quantity = new Quantity(levels[rank].Sum(o => o.Visible)),
                    RemainingQuantity = new Quantity(levels[rank].Sum(o => o.Open)), Level = rank, OrderCount = levels[rank].Count(),
                });
            }
        }

        return false;
    }

    private void Emit(EngineEventType type, Side side, long id, long account, long price, long qty, long remaining, CancelReason reason = CancelReason.None) =>
        _out.Add(new EngineEvent
        {
            Type = type, Side = side, CancelReason = reason, CommandSequence = _cmdSeq, Timestamp = _ts, OrderId = new OrderId(id),
            AccountId = account, Price = new Price(price), Quantity = new Quantity(qty), RemainingQuantity = new Quantity(remaining),
        });

    private bool InBounds(long p) => p >= _minPrice && p <= _maxPrice;
}
