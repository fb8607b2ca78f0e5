using System.Diagnostics;
using Microstructure.Engine.Matching;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Staging;

namespace Microstructure.Risk.Ledger;

/// <summary>
/// The one way into the order book: user orders after their <see cref="PreTradeCheck"/>, liquidation orders and risk
/// cancels. It applies the engine's events to the accounts as they come — open orders and their margin reservations,
/// fills settled with fees — and stages each event (a trade with the fees charged and both sides' resulting cash).
/// </summary>
internal sealed class OrderGate
{
    private readonly MatchingEngine _engine;
    private readonly AccountBook _book;
    private readonly EventStage _stage;
    private readonly OrderTable _orders;
    private readonly PreTradeCheck _check;
    private readonly long _takerFee;
    private readonly long _makerFee;
    private long _generatedOrderId;
    private long _generatedFilled;
    private OrderFlags _currentOrderFlags;
    private bool _traded;

    /// <summary>Wires the gate to the book and the ledger; sizes the order table to the book's capacity plus transient orders.</summary>
    public OrderGate(
        MatchingEngine engine,
        AccountBook book,
        EventStage stage,
        MarginModel margin,
        MarketGuard guard,
        MarketState market,
        int maxOrders,
        long k,
        long takerFee,
        long makerFee,
        long maxPositionLots,
        long marketBuffer)
    {
        _engine = engine;
        _book = book;
        _stage = stage;
        _takerFee = takerFee;
        _makerFee = makerFee;
        _orders = new OrderTable(maxOrders + 64);
        _check = new PreTradeCheck(book, _orders, engine, margin, guard, market, k, takerFee, maxPositionLots, marketBuffer);
    }

    /// <summary>An order command: checked, then matched (its events applied and staged), or refused with one event.</summary>
    public void Apply(in ExchangeCommand command)
    {
        var order = command.Order;
        order.Timestamp = command.Timestamp;
        if (!_book.IsValid(order.AccountId))
        {
            _stage.Reject(in command, RiskRejectReason.UnknownAccount);
            return;
        }

        int account = (int)order.AccountId;
        var reason = _check.Check(ref order, account);
        if (reason != RiskRejectReason.None)
        {
            _stage.Reject(in command, reason);
            return;
        }

        _currentOrderFlags = order.Flags;
        Run(in order);
    }

    /// <summary>A fresh id for an order the exchange itself sends (negative: user ids are positive).</summary>
    public long NextGeneratedOrderId() => --_generatedOrderId;

    /// <summary>Matches a reduce-only order the exchange generated (id from <see cref="NextGeneratedOrderId"/>); returns the lots it filled.</summary>
    public long RunGenerated(in OrderCommand order)
    {
        _generatedFilled = 0;
        _currentOrderFlags = OrderFlags.ReduceOnly;
        Run(in order);
        return _generatedFilled;
    }

    /// <summary>Whether a trade happened since the last call (the breaker checks the last trade price only then).</summary>
    public bool ConsumeTraded()
    {
        bool traded = _traded;
        _traded = false;
        return traded;
    }

    /// <summary>Called by <see cref="EngineRouter"/> for each engine event, in order, during matching.</summary>
    public void OnEngineEvent(in EngineEvent e)
    {
        switch (e.Type)
        {
            case EngineEventType.Accepted:
                if (e.OrderId.Value > 0)
                {
                    TrackNewOrder(in e);
                }

                break;
            case EngineEventType.Trade:
                OnTrade(in e);
                return; // staged by OnTrade, with what settlement computed
            case EngineEventType.Cancelled:
                if (e.OrderId.Value > 0)
                {
                    TrackOpen(e.OrderId.Value, e.RemainingQuantity.Lots, price: -1);
                }

                break;
            case EngineEventType.Amended:
                if (e.OrderId.Value > 0)
                {
                    TrackOpen(e.OrderId.Value, e.RemainingQuantity.Lots, e.Price.Ticks);
                }

                break;
        }

        _stage.StageEngineEvent(in e);
    }

    /// <summary>Cancels every live order of the account through the engine (liquidation step one).</summary>
    /// <returns>Whether the account had any order.</returns>
    public bool CancelAll(int account, long liquidationId)
    {
        ref var a = ref _book[account];
        if (a.OrderHead < 0)
        {
            return false;
        }

        while (a.OrderHead >= 0)
        {
            CancelByRisk(a.OrderHead, RiskRejectReason.AccountInLiquidation, liquidationId);
        }

        return true;
    }

    /// <summary>Cancels reduce-only orders (newest first) of changed accounts that would now open or increase a position.</summary>
    /// <returns>Whether any order was cancelled.</returns>
    public bool EnforceReduceOnly()
    {
        bool cancelled = false;
        var touched = _book.Touched;
        for (int i = 0; i < touched.Count; i++)
        {
            int account = touched[i];
            ref var a = ref _book[account];
            if (a.ReduceOnlyBuyLots == 0 && a.ReduceOnlySellLots == 0)
            {
                continue;
            }

            int slot = a.OrderHead;
            while (slot >= 0 && (a.ReduceOnlyBuyLots > Math.Max(0, -a.Lots) || a.ReduceOnlySellLots > Math.Max(0, a.Lots)))
            {
                int next = _orders.Next(slot);
                if (_orders.IsReduceOnly(slot))
                {
                    bool excess = _orders.Side(slot) == Side.Buy
                        ? a.ReduceOnlyBuyLots > Math.Max(0, -a.Lots)
                        : a.ReduceOnlySellLots > Math.Max(0, a.Lots);
                    if (excess)
                    {
                        CancelByRisk(slot, RiskRejectReason.ReduceOnlyWouldIncrease, 0);
                        cancelled = true;
                    }
                }

                slot = next;
            }
        }

        return cancelled;
    }

    private void Run(in OrderCommand order)
    {
        var router = new EngineRouter(this);
        _engine.Process(in order, _stage.Sequence, ref router);
    }

    private void CancelByRisk(int slot, RiskRejectReason reason, long liquidationId)
    {
        long orderId = _orders.Id(slot);
        int account = _orders.Account(slot);
        ref var e = ref _stage.Emit(ExchangeEventType.RiskCancel);
        e.RiskReason = reason;
        e.Engine.AccountId = account;
        e.Engine.OrderId = new OrderId(orderId);
        e.Engine.Side = _orders.Side(slot);
        e.Engine.Quantity = new Quantity(_orders.Open(slot));
        e.LiquidationId = liquidationId;
        var cancel = new OrderCommand { Type = CommandType.Cancel, OrderId = new OrderId(orderId), AccountId = account, Timestamp = _stage.Timestamp };
        Run(in cancel);
        if (_orders.Find(orderId) == slot)
        {
            // The engine no longer knew the order; drop it so the reservation cannot leak.
            TrackOpen(orderId, 0, price: -1);
        }
    }

    private void TrackNewOrder(in EngineEvent e)
    {
        int account = (int)e.AccountId;
        ref var a = ref _book[account];
        bool reduceOnly = (_currentOrderFlags & OrderFlags.ReduceOnly) != 0;
        if (!_orders.Add(e.OrderId.Value, account, e.Side, e.Price.Ticks, e.Quantity.Lots, reduceOnly, ref a.OrderHead))
        {
            throw new InvalidOperationException("The risk layer's order table is full; it is sized to the book's capacity plus transient orders.");
        }

        Reserve(ref a, e.Side, reduceOnly, e.Quantity.Lots);
    }

    /// <summary>Sets a tracked order's open quantity (and price when ≥ 0), adjusting reservations; removes it at zero.</summary>
    private void TrackOpen(long orderId, long open, long price)
    {
        int slot = _orders.Find(orderId);
        if (slot < 0)
        {
            return;
        }

        ref var a = ref _book[_orders.Account(slot)];
        Reserve(ref a, _orders.Side(slot), _orders.IsReduceOnly(slot), open - _orders.Open(slot));
        if (open == 0)
        {
            _orders.Remove(slot, ref a.OrderHead);
            return;
        }

        _orders.SetOpen(slot, open);
        if (price >= 0)
        {
            _orders.SetPrice(slot, price);
        }
    }

    private static void Reserve(ref AccountState a, Side side, bool reduceOnly, long delta)
    {
        if (reduceOnly)
        {
            if (side == Side.Buy)
            {
                a.ReduceOnlyBuyLots += delta;
            }
            else
            {
                a.ReduceOnlySellLots += delta;
            }
        }
        else if (side == Side.Buy)
        {
            a.OpenBuyLots += delta;
        }
        else
        {
            a.OpenSellLots += delta;
        }

        Debug.Assert(
            a.OpenBuyLots >= 0 && a.OpenSellLots >= 0 && a.ReduceOnlyBuyLots >= 0 && a.ReduceOnlySellLots >= 0,
            "order reservations never go negative");
    }

    private void OnTrade(in EngineEvent e)
    {
        long q = e.Quantity.Lots;
        long p = e.Price.Ticks;
        long takerOrder = e.OrderId.Value;
        if (takerOrder > 0)
        {
            TrackOpen(takerOrder, e.RemainingQuantity.Lots, price: -1);
        }
        else if (takerOrder == _generatedOrderId)
        {
            _generatedFilled += q;
        }

        if (e.MakerOrderId.Value > 0)
        {
            TrackOpen(e.MakerOrderId.Value, e.MakerRemainingQuantity.Lots, price: -1);
        }

        int taker = (int)e.AccountId, maker = (int)e.MakerAccountId;
        long takerFee = _book.Settle(taker, e.Side, q, p, _takerFee, LiquidationCause.Fill);
        long makerFee = _book.Settle(maker, e.Side == Side.Buy ? Side.Sell : Side.Buy, q, p, _makerFee, LiquidationCause.Fill);
        _traded = true;

        // The trade event says what settlement did, so that no consumer has to re-derive fees or cash.
        ref var staged = ref _stage.StageEngineEvent(in e);
        staged.TakerFee = takerFee;
        staged.MakerFee = makerFee;
        staged.TakerBalance = _book.CashOf(taker);
        staged.MakerBalance = _book.CashOf(maker);
    }
}
