using Microstructure.Risk;

namespace Microstructure.Analysis.Recording;

/// <summary>
/// Groups fills into aggressive orders. An order opens at its first fill (mid before = the mid then) and closes at
/// the first fill of another order; its mid after is the mid of the next top-of-book change, or the current mid if
/// the command ends first (its fills did not move the top). Orders that trade inside one engine command before the
/// book reports (a market order and the stops it triggers) share that mid after. Memory: 64 bytes per order.
/// </summary>
internal sealed class TakerOrderTracker
{
    private readonly List<TakerOrder> _orders = [];
    private TakerOrder _open;
    private bool _isOpen;
    private int _awaitingFrom; // orders from here on wait for their mid after

    public List<TakerOrder> Orders => _orders;

    /// <summary>Lots filled by all orders: the run's traded volume.</summary>
    public long Volume { get; private set; }

    public void OnTrade(in ExchangeEvent e, long nowNs, long currentMid, long cashPerTickLot)
    {
        if (_isOpen && (_open.OrderId != e.Engine.OrderId.Value || _open.Sequence != e.Engine.CommandSequence))
        {
            Close();
        }

        long price = e.Engine.Price.Ticks, q = e.Engine.Quantity.Lots;
        if (!_isOpen)
        {
            _open = new TakerOrder
            {
                TimeNs = nowNs,
                Sequence = e.Engine.CommandSequence,
                OrderId = e.Engine.OrderId.Value,
                Account = e.Engine.AccountId,
                LiquidationId = e.LiquidationId,
                Side = e.Engine.Side,
                MidBefore = currentMid,
                SizeOverVolume = double.NaN,
            };
            _isOpen = true;
        }

        _open.Quantity += q;
        _open.Notional += q * price * cashPerTickLot;
        _open.Trades++;
        if (_open.Trades == 1 || price != _open.LastPrice)
        {
            _open.Levels++;
        }

        _open.LastPrice = price;
        Volume += q;
    }

    /// <summary>The top of book changed: every order waiting gets this mid as its mid after.</summary>
    public void OnTopOfBook(long newMid) => Settle(newMid);

    /// <summary>A new command starts (or the run ends): orders still waiting keep the current mid as their mid after.</summary>
    public void OnCommandEnd(long currentMid) => Settle(currentMid);

    private void Settle(long mid)
    {
        if (_isOpen)
        {
            Close();
        }

        for (int i = _awaitingFrom; i < _orders.Count; i++)
        {
            TakerOrder o = _orders[i];
            o.MidAfter = mid;
            _orders[i] = o;
        }

        _awaitingFrom = _orders.Count;
    }

    private void Close()
    {
        _orders.Add(_open);
        _isOpen = false;
    }
}
