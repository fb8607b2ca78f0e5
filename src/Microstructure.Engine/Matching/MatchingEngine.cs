using System.Runtime.CompilerServices;

namespace Microstructure.Engine.Matching;

/// <summary>
/// A single-threaded, price-time priority L3 matching engine for one instrument, allocation-free once its book has reached its size.
/// </summary>
/// <remarks>
/// <para><b>Storage.</b> Orders live in an array of index-linked nodes (free list), one intrusive FIFO list per price
/// level; levels come from one pool shared by both sides and are found by price; an open-addressing id map gives O(1)
/// cancel. The pools start small (<see cref="InitialCapacity"/> nodes and levels) and double on demand up to
/// <c>maxOrders</c> and <c>maxPriceLevels</c>, which are ceilings, not reservations: memory follows the largest book
/// actually held. A growth step copies the arrays (amortised O(1) per order); once the book has reached its largest
/// size nothing more is allocated.</para>
/// <para><b>Semantics.</b></para>
/// <list type="bullet">
/// <item>Trades happen at the maker's price. Only an iceberg's visible slice can be hit; when the slice is used up
/// a new slice of <c>min(display, open)</c> is cut from the reserve and re-queued at the back of its level.</item>
/// <item>Market orders (and Limit IOC) never rest: the unfilled remainder is cancelled with
/// <see cref="CancelReason.Expired"/>. <see cref="TimeInForce.Fok"/> on a limit or market order is checked
/// before anything happens: if the full quantity cannot be executed now it is rejected with
/// <see cref="RejectReason.FokNotFillable"/>. Self-trade prevention is taken into account by the check
/// (orders of the same account that would stop the taker end the count; with CancelOldest they are skipped;
/// with Decrement they count as consumed).</item>
/// <item>Post-only, iceberg (display quantity &gt; 0) are valid only on Limit GTC orders, else
/// <see cref="RejectReason.InvalidOrder"/>.</item>
/// <item>Stops trigger on the last trade price: buy when last ≥ stop, sell when last ≤ stop; never before the first
/// trade. A stop whose condition already holds on arrival triggers at once. Stops triggered by a command run after
/// that command's own execution, one at a time, re-evaluated after each: the next buy stop (lowest stop price,
/// then earliest arrival) if triggered, otherwise the next sell stop (highest stop price, then earliest arrival).
/// A triggered stop-market executes as a market order, a stop-limit as a limit order with its time in force;
/// a triggered FOK that cannot fill completely is cancelled (<see cref="CancelReason.Expired"/>).</item>
/// <item>Reduce keeps priority; reducing to zero or below cancels (<see cref="CancelReason.UserRequested"/>).
/// Amend sets a new price and new total open size: priority is kept only when the price is unchanged and the size
/// does not grow; otherwise the order is re-queued at the back. A re-priced order that now crosses executes
/// immediately as an aggressor (with its own self-trade prevention mode) and its remainder rests; a post-only
/// order whose amend would cross is rejected. Amend to size zero cancels. Stops can be cancelled and reduced but
/// not amended (<see cref="RejectReason.InvalidOrder"/>). Reductions come out of an iceberg's hidden reserve
/// first.</item>
/// <item>Cancel, reduce and amend must come from the owning account (else <see cref="RejectReason.NotOwner"/>).</item>
/// <item>Self-trade prevention (incoming order's mode) when the next maker belongs to the taker's account:
/// CancelNewest cancels the taker's remainder; CancelOldest cancels the maker and continues; CancelBoth cancels the
/// maker then the taker; Decrement removes min(taker remaining, maker open) from both without a trade, emitting
/// a (possibly partial) Cancelled event for the maker and then for the taker, and continues while the taker has
/// quantity left.</item>
/// </list>
/// <para><b>Event order for one command.</b> Every event carries the command's sequence and timestamp.</para>
/// <list type="number">
/// <item>A refused command emits exactly one <see cref="EngineEventType.Rejected"/> and nothing else; the book is unchanged.</item>
/// <item>Place: <see cref="EngineEventType.Accepted"/>; for a stop, <see cref="EngineEventType.StopTriggered"/> if it
/// triggers at once (else nothing more for it); then per maker reached, in price-time order, a
/// <see cref="EngineEventType.Trade"/> or the self-trade Cancelled events; then a Cancelled(Expired) for an
/// unfilled market/IOC remainder (a GTC remainder rests silently).</item>
/// <item>Cancel: Cancelled(UserRequested). Reduce: <see cref="EngineEventType.Amended"/>, or Cancelled when reduced to
/// zero. Amend: Amended (or Cancelled for size zero), then, if it crosses, its trades as for a Place.</item>
/// <item>Then each stop triggered by the above, in the order described: StopTriggered, then its execution events.</item>
/// <item>Last, at most one <see cref="EngineEventType.TopOfBook"/>, only if best bid/ask price or visible size differs
/// from before the command.</item>
/// </list>
/// <para><see cref="OrderCount"/> counts resting orders plus pending (untriggered) stops; both use the pool of at most
/// <c>maxOrders</c> nodes, and a GTC limit or stop order is rejected with <see cref="RejectReason.BookFull"/> when
/// <c>maxOrders</c> orders are live on arrival (market, IOC and FOK orders never need a node).</para>
/// </remarks>
public sealed partial class MatchingEngine
{
    private readonly LevelPool _levels;
    private readonly BookSide _bids;
    private readonly BookSide _asks;
    private readonly StopBook _buyStops;
    private readonly StopBook _sellStops;
    private readonly OrderIndex _map;
    private readonly long _minPrice;
    private readonly long _maxPrice;
    private readonly long _maxQuantity;
    private readonly int _maxOrders;
    private OrderNode[] _nodes;
    private int _freeNode;
    private int _liveCount;
    private long _lastTrade;
    private long _sequence;
    private Timestamp _timestamp;

    /// <summary>
    /// The widest price range (<c>MaxPrice − MinPrice + 1</c>, in ticks) an engine accepts: 2^62 ticks (a 10⁻⁸ tick
    /// on prices up to 4.6 × 10¹⁰). Each side's price-indexed structures are paged and sparse, so their memory follows
    /// the prices that were used, not the range; prices, offsets and page numbers are 64-bit throughout.
    /// </summary>
    public const long MaxPriceRange = 1L << 62;

    /// <summary>
    /// The largest <c>maxOrders</c> an engine accepts: 2^29 = 536,870,912 live orders (its id index keeps twice as many
    /// slots, and 2^30 is the largest power-of-two array .NET allows). It is a ceiling: memory grows with the orders
    /// actually live (about 75 bytes each, up to twice that just after a pool doubles), not with this number.
    /// </summary>
    public const int MaxOrderCapacity = 1 << 29;

    /// <summary>Nodes and price levels an engine starts with by default (fewer if its maximum is smaller); the pools double from here on demand.</summary>
    public const int InitialCapacity = 4096;

    /// <summary>Creates an engine whose pools hold up to <paramref name="maxOrders"/> live orders (resting plus pending stops).</summary>
    /// <param name="spec">The instrument; its price and quantity bounds are enforced on every order.</param>
    /// <param name="maxOrders">Most live orders, 1 to <see cref="MaxOrderCapacity"/>: a ceiling, not a reservation (the pool grows up to it).</param>
    /// <remarks>The price-level pool may grow as large as the order pool, so it can never run out.</remarks>
    public MatchingEngine(InstrumentSpec spec, int maxOrders)
        : this(spec, maxOrders, maxOrders)
    {
    }

    /// <summary>Creates an engine with separately sized order and price-level pools.</summary>
    /// <param name="spec">The instrument; its price and quantity bounds are enforced on every order.</param>
    /// <param name="maxOrders">Most live orders (resting orders plus pending stops), 1 to <see cref="MaxOrderCapacity"/>; the pool grows up to it.</param>
    /// <param name="maxPriceLevels">
    /// Most price levels, both sides together (at most <paramref name="maxOrders"/> are ever needed); the pool grows
    /// up to it. A smaller limit bounds memory; a command that would need a new level when this many are in use is
    /// then rejected with <see cref="RejectReason.BookFull"/> (a triggered stop-limit that cannot rest is cancelled
    /// with <see cref="CancelReason.BookFull"/>).
    /// </param>
    public MatchingEngine(InstrumentSpec spec, int maxOrders, int maxPriceLevels)
        : this(spec, maxOrders, maxPriceLevels, InitialCapacity)
    {
    }

    /// <summary>Creates an engine whose pools start at <paramref name="initialCapacity"/> nodes and levels instead of <see cref="InitialCapacity"/>.</summary>
    /// <param name="spec">The instrument; its price and quantity bounds are enforced on every order.</param>
    /// <param name="maxOrders">Most live orders (resting orders plus pending stops), 1 to <see cref="MaxOrderCapacity"/>.</param>
    /// <param name="maxPriceLevels">Most price levels, both sides together, 1 to <paramref name="maxOrders"/>.</param>
    /// <param name="initialCapacity">
    /// Nodes and levels allocated now (at most the maximums). Pass <paramref name="maxOrders"/> to reserve everything
    /// up front, as a latency-critical deployment may want: the pools then never grow, so no command ever pays for a
    /// copy and nothing is allocated after construction.
    /// </param>
    public MatchingEngine(InstrumentSpec spec, int maxOrders, int maxPriceLevels, int initialCapacity)
    {
        if (spec is null)
        {
            ThrowHelper.ThrowArgumentNull(nameof(spec));
        }

        if (maxOrders <= 0 || maxOrders > MaxOrderCapacity)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(maxOrders), $"Must be in [1, {MaxOrderCapacity}].");
        }

        if (maxPriceLevels <= 0 || maxPriceLevels > maxOrders)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(maxPriceLevels), "Must be positive and at most maxOrders (a book never needs more levels than orders).");
        }

        if (initialCapacity <= 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(initialCapacity), "Must be positive.");
        }

        ValidateSpec(spec);
        Spec = spec;
        _minPrice = spec.MinPrice.Ticks;
        _maxPrice = spec.MaxPrice.Ticks;
        _maxQuantity = spec.MaxQuantity.Lots;
        _maxOrders = maxOrders;
        _nodes = [];
        _freeNode = -1;
        ExtendNodes(Math.Min(initialCapacity, maxOrders));
        _levels = new LevelPool(initialCapacity, maxPriceLevels);
        _bids = new BookSide(Side.Buy, _nodes, _levels, _minPrice, _maxPrice);
        _asks = new BookSide(Side.Sell, _nodes, _levels, _minPrice, _maxPrice);
        _buyStops = new StopBook(Side.Buy, _nodes, maxOrders);
        _sellStops = new StopBook(Side.Sell, _nodes, maxOrders);
        _map = new OrderIndex(_nodes);
    }

    /// <summary>The instrument this engine trades.</summary>
    public InstrumentSpec Spec { get; }

    /// <summary>Best bid price, or <see cref="Price.Zero"/> when there are no bids.</summary>
    public Price BestBid => new(BestPrice(_bids));

    /// <summary>Best ask price, or <see cref="Price.Zero"/> when there are no asks.</summary>
    public Price BestAsk => new(BestPrice(_asks));

    /// <summary>Price of the most recent trade, or <see cref="Price.Zero"/> before the first trade.</summary>
    public Price LastTradePrice => new(_lastTrade);

    /// <summary>Live orders: resting orders plus pending (untriggered) stop orders.</summary>
    public int OrderCount => _liveCount;

    /// <summary>Order nodes allocated so far (live or free): grows by doubling up to <c>maxOrders</c>.</summary>
    internal int NodeCapacity => _nodes.Length;

    /// <summary>Price levels allocated so far (in use or free): grows by doubling up to <c>maxPriceLevels</c>.</summary>
    internal int LevelCapacity => _levels.Capacity;

    /// <summary>
    /// Processes one command and emits its events to <paramref name="sink"/> (see the class remarks for the order).
    /// </summary>
    /// <typeparam name="TSink">A struct sink, so the call is devirtualized and inlined.</typeparam>
    /// <param name="command">The command.</param>
    /// <param name="commandSequence">Input sequence, copied into every emitted event.</param>
    /// <param name="sink">Receives the events.</param>
    public void Process<TSink>(in OrderCommand command, long commandSequence, ref TSink sink)
        where TSink : struct, IEngineEventSink
    {
        _sequence = commandSequence;
        _timestamp = command.Timestamp;
        var before = ReadTop();
        switch (command.Type)
        {
            case CommandType.Amend:
                Amend(in command, ref sink);
                break;
            case CommandType.Place:
                Place(in command, ref sink);
                break;
            case CommandType.Cancel:
                Cancel(in command, ref sink);
                break;
            case CommandType.Reduce:
                Reduce(in command, ref sink);
                break;
            case CommandType.SnapshotL2:
                SnapshotL2(in command, ref sink);
                return;
            default:
                Reject(in command, RejectReason.InvalidOrder, ref sink);
                return;
        }

        if (_lastTrade != 0 && (_buyStops.Count | _sellStops.Count) != 0)
        {
            RunTriggeredStops(ref sink);
        }

        EmitTopOfBookIfChanged(before, ref sink);
        AssertInvariants();
    }

    /// <summary>Writes up to <c>levels.Length</c> levels of <paramref name="side"/>, best first; returns the count written.</summary>
    /// <remarks>Call it on the thread that owns the engine; behind a pipeline, send a <see cref="CommandType.SnapshotL2"/> command instead.</remarks>
    /// <param name="side">Which side to read.</param>
    /// <param name="levels">Destination; its length is the depth requested.</param>
    /// <returns>The number of levels written.</returns>
    public int SnapshotL2(Side side, Span<L2Level> levels)
    {
        var book = side == Side.Buy ? _bids : _asks;
        var n = 0;
        for (var li = book.BestLevel; li >= 0 && n < levels.Length; li = book.NextLevel(li))
        {
            ref var l = ref book.Level(li);
            levels[n++] = new L2Level(new Price(l.Price), new Quantity(l.Visible), l.Count);
        }

        return n;
    }

    /// <summary>Looks up a live order (resting or pending stop).</summary>
    /// <param name="id">The order id.</param>
    /// <param name="view">A copy of the order's state when found.</param>
    /// <returns>True when the order is live.</returns>
    public bool TryGetOrder(OrderId id, out OrderView view)
    {
        var ni = _map.Get(id.Value);
        if (ni < 0)
        {
            view = default;
            return false;
        }

        ref var n = ref _nodes[ni];
        var pending = n.State == NodeState.PendingStop;
        view = new OrderView(
            new OrderId(n.Id),
            n.AccountId,
            n.Side,
            n.OrderType,
            n.TimeInForce,
            n.Flags,
            n.Stp,
            new Price(n.Price),
            new Price(pending ? n.StopPriceOrDisplay : 0),
            new Quantity(n.Open),
            new Quantity(pending ? 0 : n.Visible),
            new Quantity(pending ? 0 : n.StopPriceOrDisplay),
            pending);
        return true;
    }

    /// <summary>Copies the ids of the orders queued at the level of rank <paramref name="rank"/> (0 = best), front first.</summary>
    internal int GetLevelOrders(Side side, int rank, Span<OrderId> ids)
    {
        var book = side == Side.Buy ? _bids : _asks;
        var li = book.BestLevel;
        for (var r = 0; r < rank && li >= 0; r++)
        {
            li = book.NextLevel(li);
        }

        if (li < 0)
        {
            return 0;
        }

        var n = 0;
        for (var ni = book.Level(li).Head; ni >= 0 && n < ids.Length; ni = _nodes[ni].Next)
        {
            ids[n++] = new OrderId(_nodes[ni].Id);
        }

        return n;
    }

    /// <summary>Number of price levels on <paramref name="side"/>.</summary>
    internal int LevelCount(Side side) => side == Side.Buy ? _bids.LevelCount : _asks.LevelCount;

    private static void ValidateSpec(InstrumentSpec spec)
    {
        if (spec.MinPrice.Ticks < 1 || spec.MaxPrice < spec.MinPrice)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(spec), $"Price bounds must satisfy 1 <= MinPrice <= MaxPrice (got {spec.MinPrice}..{spec.MaxPrice}).");
        }

        if (spec.MaxPrice.Ticks - spec.MinPrice.Ticks >= MaxPriceRange)
        {
            ThrowHelper.ThrowArgumentOutOfRange(
                nameof(spec),
                $"The price range {spec.MinPrice}..{spec.MaxPrice} spans more than {MaxPriceRange} ticks; narrow MinPrice..MaxPrice or use a coarser tick size.");
        }

        if (spec.TickSize <= 0 || spec.LotSize <= 0 || spec.MaxQuantity.Lots <= 0)
        {
            ThrowHelper.ThrowArgumentOutOfRange(nameof(spec), "TickSize, LotSize and MaxQuantity must be positive.");
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long BestPrice(BookSide book)
    {
        var level = book.BestLevel;
        return level >= 0 ? book.Level(level).Price : 0;
    }

    /// <summary>Best bid and ask, price and visible size; zeros for an empty side.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Top ReadTop()
    {
        var top = default(Top);
        var bidLevel = _bids.BestLevel;
        if (bidLevel >= 0)
        {
            ref var l = ref _bids.Level(bidLevel);
            top.BidPrice = l.Price;
            top.BidQuantity = l.Visible;
        }

        var askLevel = _asks.BestLevel;
        if (askLevel >= 0)
        {
            ref var l = ref _asks.Level(askLevel);
            top.AskPrice = l.Price;
            top.AskQuantity = l.Visible;
        }

        return top;
    }

    private void EmitTopOfBookIfChanged<TSink>(in Top before, ref TSink sink)
        where TSink : struct, IEngineEventSink
    {
        var now = ReadTop();
        if (now.BidPrice == before.BidPrice && now.BidQuantity == before.BidQuantity
            && now.AskPrice == before.AskPrice && now.AskQuantity == before.AskQuantity)
        {
            return;
        }

        var e = default(EngineEvent);
        e.Type = EngineEventType.TopOfBook;
        e.CommandSequence = _sequence;
        e.Timestamp = _timestamp;
        e.BidPrice = new Price(now.BidPrice);
        e.BidQuantity = new Quantity(now.BidQuantity);
        e.AskPrice = new Price(now.AskPrice);
        e.AskQuantity = new Quantity(now.AskQuantity);
        sink.OnEvent(in e);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Emit<TSink>(
        ref TSink sink,
        EngineEventType type,
        Side side,
        long orderId,
        long accountId,
        long price,
        long quantity,
        long remaining,
        CancelReason reason)
        where TSink : struct, IEngineEventSink
    {
        var e = default(EngineEvent);
        e.Type = type;
        e.Side = side;
        e.CancelReason = reason;
        e.CommandSequence = _sequence;
        e.Timestamp = _timestamp;
        e.OrderId = new OrderId(orderId);
        e.AccountId = accountId;
        e.Price = new Price(price);
        e.Quantity = new Quantity(quantity);
        e.RemainingQuantity = new Quantity(remaining);
        sink.OnEvent(in e);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SnapshotL2<TSink>(in OrderCommand command, ref TSink sink)
        where TSink : struct, IEngineEventSink
    {
        var depth = command.Quantity.Lots;
        if (depth <= 0)
        {
            Reject(in command, RejectReason.InvalidQuantity, ref sink);
            return;
        }

        EmitLevels(_bids, Side.Buy, depth, ref sink);
        EmitLevels(_asks, Side.Sell, depth, ref sink);
    }

    private void EmitLevels<TSink>(BookSide book, Side side, long depth, ref TSink sink)
        where TSink : struct, IEngineEventSink
    {
        var rank = 0;
        for (var li = book.BestLevel; li >= 0 && rank < depth; li = book.NextLevel(li))
        {
            ref var l = ref book.Level(li);
            var e = default(EngineEvent);
            e.Type = EngineEventType.L2Level;
            e.Side = side;
            e.CommandSequence = _sequence;
            e.Timestamp = _timestamp;
            e.Price = new Price(l.Price);
            e.Quantity = new Quantity(l.Visible);
            e.RemainingQuantity = new Quantity(l.Open);
            e.Level = rank++;
            e.OrderCount = l.Count;
            sink.OnEvent(in e);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Reject<TSink>(in OrderCommand command, RejectReason reason, ref TSink sink)
        where TSink : struct, IEngineEventSink
    {
        var e = default(EngineEvent);
        e.Type = EngineEventType.Rejected;
        e.Side = command.Side;
        e.RejectReason = reason;
        e.CommandSequence = _sequence;
        e.Timestamp = _timestamp;
        e.OrderId = command.OrderId;
        e.AccountId = command.AccountId;
        e.Price = command.Price;
        e.Quantity = command.Quantity;
        sink.OnEvent(in e);
    }

    /// <summary>What a resting order shows: its iceberg slice when it has a display size, else everything open.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long VisibleSlice(long display, long open) => display > 0 ? Math.Min(display, open) : open;

    /// <summary>
    /// Doubles the order pool (at most to <c>maxOrders</c>) when every node is live; false at the limit. Called only
    /// while validating a new order, when no <c>ref</c> into the node array is held.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryGrowNodes()
    {
        if (_nodes.Length >= _maxOrders)
        {
            return false;
        }

        ExtendNodes((int)Math.Min(_nodes.Length * 2L, _maxOrders));
        _bids.Rebind(_nodes);
        _asks.Rebind(_nodes);
        _buyStops.Rebind(_nodes);
        _sellStops.Rebind(_nodes);
        _map.Rebind(_nodes);
        return true;
    }

    /// <summary>Copies the nodes into an array of <paramref name="capacity"/> and puts the new ones on the free list.</summary>
    private void ExtendNodes(int capacity)
    {
        var old = _nodes.Length;
        var nodes = new OrderNode[capacity];
        Array.Copy(_nodes, nodes, old);
        for (var i = old; i < capacity; i++)
        {
            nodes[i].Next = i + 1 < capacity ? i + 1 : _freeNode;
            nodes[i].Prev = -1;
        }

        _freeNode = old;
        _nodes = nodes;
    }

    /// <summary>
    /// Whether an order can rest at <paramref name="price"/> on <paramref name="book"/>: its level exists, a level is
    /// free, or the level pool can still grow (then it does, and both sides take the new array).
    /// </summary>
    private bool CanRestAt(BookSide book, long price) => book.CanRestAt(price) || TryGrowLevels();

    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool TryGrowLevels()
    {
        if (!_levels.TryGrow())
        {
            return false;
        }

        _bids.Rebind(_nodes);
        _asks.Rebind(_nodes);
        return true;
    }

    private int AllocateNode()
    {
        var ni = _freeNode;
        _freeNode = _nodes[ni].Next;
        _liveCount++;
        return ni;
    }

    private void FreeNode(int ni)
    {
        ref var n = ref _nodes[ni];
        n.State = NodeState.Free;
        n.Next = _freeNode;
        _freeNode = ni;
        _liveCount--;
    }
}
