using Microstructure.Engine.Matching;

namespace Microstructure.Risk.Ledger;

/// <summary>
/// The risk layer's view of live user orders (side, open quantity, price, reduce-only), with one intrusive list per
/// account (newest first) so that margin reservations and "cancel all orders of this account" need no scan.
/// Pre-allocated; fed by the matching engine's events.
/// </summary>
internal sealed class OrderTable
{
    private const int None = -1;

    private readonly IndexMap _map;
    private readonly long[] _id;
    private readonly long[] _open;
    private readonly long[] _price;
    private readonly int[] _account;
    private readonly int[] _next;
    private readonly int[] _prev;
    private readonly Side[] _side;
    private readonly bool[] _reduceOnly;
    private int _free;

    public OrderTable(int capacity)
    {
        _map = new IndexMap(capacity);
        _id = new long[capacity];
        _open = new long[capacity];
        _price = new long[capacity];
        _account = new int[capacity];
        _next = new int[capacity];
        _prev = new int[capacity];
        _side = new Side[capacity];
        _reduceOnly = new bool[capacity];
        for (int i = 0; i < capacity; i++)
        {
            _next[i] = i + 1 < capacity ? i + 1 : None;
        }

        _free = capacity > 0 ? 0 : None;
    }

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
        int slot = _free;
        if (slot == None)
        {
            return false;
        }

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
}
