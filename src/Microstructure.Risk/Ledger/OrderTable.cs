using Microstructure.Engine.Matching;

namespace Microstructure.Risk.Ledger;

/// <summary>
/// The risk layer's view of live user orders (side, open quantity, price, reduce-only), with one intrusive list per
/// account (newest first) so that margin reservations and "cancel all orders of this account" need no scan.
/// Fed by the matching engine's events. Its capacity is a ceiling: the slots start at <see cref="InitialCapacity"/>
/// and double on demand (like the engine's pools), so a large <c>maxOrders</c> costs nothing until orders arrive.
/// </summary>
internal sealed class OrderTable
{
    /// <summary>Slots a table starts with (fewer if its capacity is smaller).</summary>
    internal const int InitialCapacity = 4096;

    private const int None = -1;

    private readonly IndexMap _map;
    private readonly int _capacity;
    private long[] _id;
    private long[] _open;
    private long[] _price;
    private int[] _account;
    private int[] _next;
    private int[] _prev;
    private Side[] _side;
    private bool[] _reduceOnly;
    private int _free;

    /// <summary>Creates a table that holds up to <paramref name="capacity"/> orders.</summary>
    public OrderTable(int capacity)
    {
        _capacity = capacity;
        int initial = Math.Min(capacity, InitialCapacity);
        _map = new IndexMap(initial);
        _id = [];
        _open = [];
        _price = [];
        _account = [];
        _next = [];
        _prev = [];
        _side = [];
        _reduceOnly = [];
        _free = None;
        Extend(initial);
    }

    /// <summary>Slots allocated so far.</summary>
    internal int SlotCapacity => _id.Length;

    public int Count => _map.Count;

    public int Find(long orderId) => _map.Get(orderId);

    public long Id(int slot) => _id[slot];

    public int Account(int slot) => _account[slot];

    public Side Side(int slot) => _side[slot];

    public bool IsReduceOnly(int slot) => _reduceOnly[slot];

    public long Price(int slot) => _price[slot];

    public long Open(int slot) => _open[slot];

    public int Next(int slot) => _next[slot];

    /// <summary>Adds an order at the head of its account's list; false when the table is full.</summary>
    public bool Add(long orderId, int account, Side side, long price, long open, bool reduceOnly, ref int accountHead)
    {
        if (_free == None)
        {
            if (_id.Length >= _capacity)
            {
                return false;
            }

            Extend((int)Math.Min(_id.Length * 2L, _capacity));
        }

        int slot = _free;

        _free = _next[slot];
        _id[slot] = orderId;
        _account[slot] = account;
        _side[slot] = side;
        _price[slot] = price;
        _open[slot] = open;
        _reduceOnly[slot] = reduceOnly;
        _prev[slot] = None;
        _next[slot] = accountHead;
        if (accountHead != None)
        {
            _prev[accountHead] = slot;
        }

        accountHead = slot;
        _map.Add(orderId, slot);
        return true;
    }

    public void SetOpen(int slot, long open) => _open[slot] = open;

    public void SetPrice(int slot, long price) => _price[slot] = price;

    public void Remove(int slot, ref int accountHead)
    {
        int next = _next[slot];
        int prev = _prev[slot];
        if (prev != None)
        {
            _next[prev] = next;
        }
        else
        {
            accountHead = next;
        }

        if (next != None)
        {
            _prev[next] = prev;
        }

        _map.Remove(_id[slot]);
        _next[slot] = _free;
        _free = slot;
    }

    /// <summary>Grows every column to <paramref name="capacity"/> slots and puts the new ones on the free list.</summary>
    private void Extend(int capacity)
    {
        int old = _id.Length;
        Array.Resize(ref _id, capacity);
        Array.Resize(ref _open, capacity);
        Array.Resize(ref _price, capacity);
        Array.Resize(ref _account, capacity);
        Array.Resize(ref _next, capacity);
        Array.Resize(ref _prev, capacity);
        Array.Resize(ref _side, capacity);
        Array.Resize(ref _reduceOnly, capacity);
        for (int i = old; i < capacity; i++)
        {
            _next[i] = i + 1 < capacity ? i + 1 : _free;
        }

        if (capacity > old)
        {
            _free = old;
        }
    }
}
