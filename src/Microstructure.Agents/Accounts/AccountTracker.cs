using Microstructure.Agents.Market;

namespace Microstructure.Agents.Accounts;

/// <summary>
/// An agent's own picture of its account, built only from what it sent and the events delivered to it (after its
/// latency): position, its cash, lending collateral and debt, its orders, and whether it is being
/// liquidated. It never reads the exchange, so it behaves the same whether the exchange runs inline or on its own
/// thread.
/// </summary>
/// <remarks>
/// Lots are exact (every position change is an event). Cash is exact as of each of the account's fills: a trade
/// event carries the balance settlement left (fees included), and the tracker takes it, plus the deposits it sent
/// that the exchange has not confirmed yet. Between fills, cash follows the amounts of the other cash events
/// (deposits, withdrawals, funding, fund movements, transfers, lending); events that state the account's equity (a
/// finished liquidation of a flat account) reset it exactly.
/// </remarks>
public sealed class AccountTracker
{
    private readonly List<OwnOrder> _orders = [];
    private readonly Dictionary<long, int> _slots = [];
    /// <summary>Tracks <paramref name="accountId"/>.</summary>
    public AccountTracker(long accountId)
    {
        AccountId = accountId;
    }

    /// <summary>The account tracked.</summary>
    public long AccountId { get; }

    /// <summary>Signed perpetual position in lots.</summary>
    public long Position { get; private set; }

    /// <summary>
    /// Settled cash (cash units; cross: the account's cash, isolated: margin plus free cash) as the delivered events
    /// state it, plus deposits sent and not yet confirmed.
    /// </summary>
    public long Cash { get; private set; }

    /// <summary>Lending collateral in lots.</summary>
    public long Collateral { get; private set; }

    /// <summary>Lending debt in cash units.</summary>
    public long Debt { get; private set; }

    /// <summary>Between a delivered liquidation trigger and its finish.</summary>
    public bool InLiquidation { get; private set; }

    /// <summary>Liquidations of this account seen so far.</summary>
    public int Liquidations { get; private set; }

    /// <summary>Equity stated by the last finished liquidation (cash units).</summary>
    public long LastLiquidationEquity { get; private set; }

    /// <summary>Lots bought or sold so far (absolute).</summary>
    public long TradedLots { get; private set; }

    /// <summary>Number of orders known (pending, live or being cancelled).</summary>
    public int OrderCount => _orders.Count;

    /// <summary>The order in slot <paramref name="index"/> (0 … <see cref="OrderCount"/> − 1; slots move on removal).</summary>
    public OwnOrder OrderAt(int index) => _orders[index];

    /// <summary>Finds one of the agent's orders by id.</summary>
    public bool TryGetOrder(long id, out OwnOrder order)
    {
        if (_slots.TryGetValue(id, out int slot))
        {
            order = _orders[slot];
            return true;
        }

        order = default;
        return false;
    }

    /// <summary>Records an order the agent just sent (pending until the exchange answers).</summary>
    public void OrderSent(in OwnOrder order)
    {
        _slots[order.Id] = _orders.Count;
        _orders.Add(order with { State = OrderState.Pending });
    }

    /// <summary>Records that a cancel was sent for <paramref name="id"/>.</summary>
    public void CancelSent(long id)
    {
        if (_slots.TryGetValue(id, out int slot))
        {
            _orders[slot] = _orders[slot] with { State = OrderState.Cancelling };
        }
    }

    /// <summary>Records a deposit the agent sent, before the exchange confirms it (so the agent can size its next order).</summary>
    /// <remarks>The confirming <see cref="ExchangeEventType.Deposit"/> event is then not counted again.</remarks>
    public void DepositSent(long cash)
    {
        Cash += cash;
        _unconfirmedDeposits += cash;
    }

    private long _unconfirmedDeposits;

    /// <summary>Updates the picture with one delivered event (own events and subscribed public ones alike).</summary>
    /// <param name="e">The event.</param>
    /// <param name="rules">The exchange's rules (the tick value, for the cash of off-book transfers).</param>
    public void Apply(in ExchangeEvent e, MarketRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        long me = AccountId;
        switch (e.Type)
        {
            case ExchangeEventType.Accepted when e.Engine.AccountId == me:
                if (_slots.TryGetValue(e.Engine.OrderId.Value, out int accepted) && _orders[accepted].State == OrderState.Pending)
                {
                    _orders[accepted] = _orders[accepted] with { State = OrderState.Live };
                }

                break;
            case ExchangeEventType.Trade:
                ApplyTrade(in e);
                break;
            case ExchangeEventType.Cancelled or ExchangeEventType.Rejected or ExchangeEventType.RiskRejected when e.Engine.AccountId == me:
                Remove(e.Engine.OrderId.Value);
                break;
            case ExchangeEventType.Amended when e.Engine.AccountId == me:
                if (_slots.TryGetValue(e.Engine.OrderId.Value, out int amended))
                {
                    _orders[amended] = _orders[amended] with { Price = e.Engine.Price.Ticks, Remaining = e.Engine.RemainingQuantity.Lots };
                }

                break;
            case ExchangeEventType.Deposit when e.Engine.AccountId == me:
                long confirmed = Math.Min(_unconfirmedDeposits, e.Amount);
                _unconfirmedDeposits -= confirmed;
                Cash += e.Amount - confirmed;
                break;
            case ExchangeEventType.Withdrawal when e.Engine.AccountId == me:
                Cash -= e.Amount;
                break;
            case ExchangeEventType.FundingPayment when e.Engine.AccountId == me:
                Cash += e.Amount;
                break;
            case ExchangeEventType.LiquidationTriggered when e.Engine.AccountId == me:
                InLiquidation = true;
                Liquidations++;
                break;
            case ExchangeEventType.LiquidationFinished when e.Engine.AccountId == me:
                InLiquidation = false;
                Position = e.PositionLots;
                LastLiquidationEquity = e.Equity;
                if (Position == 0)
                {
                    Cash = e.Equity;
                }

                break;
            case ExchangeEventType.Takeover or ExchangeEventType.AuctionTake:
                ApplyTransfer(in e, rules, collateral: false);
                break;
            case ExchangeEventType.AutoDeleverage:
                ApplyTransfer(in e, rules, collateral: e.PositionLots == -1);
                break;
            case ExchangeEventType.InsuranceFund when e.Engine.AccountId == me && e.FundReason is FundMovementReason.ClearanceFee
                or FundMovementReason.Residual or FundMovementReason.DeficitCover or FundMovementReason.AuctionPenalty:
                Cash -= e.Amount;
                break;
            case ExchangeEventType.BadDebt when e.Engine.AccountId == me:
                Cash += e.Amount;
                break;
            default:
                ApplyPool(in e);
                break;
        }
    }

    private void ApplyPool(in ExchangeEvent e)
    {
        if (e.Engine.AccountId != AccountId)
        {
            return;
        }

        switch (e.Type)
        {
            case ExchangeEventType.CollateralDeposited:
                Position -= e.Engine.Quantity.Lots;
                break;
            case ExchangeEventType.CollateralWithdrawn:
                Position += e.Engine.Quantity.Lots;
                break;
            case ExchangeEventType.Borrowed or ExchangeEventType.PoolSupplyWithdrawn:
                Cash += e.Amount;
                break;
            case ExchangeEventType.Repaid or ExchangeEventType.PoolSupplied:
                Cash -= e.Amount;
                break;
            case ExchangeEventType.PoolLiquidation:
                // The event states collateral and debt before the seizure.
                Collateral = e.PositionLots - e.Engine.Quantity.Lots;
                Debt = e.Equity - e.Amount;
                return;
            case ExchangeEventType.PoolBadDebt:
                Debt = 0;
                return;
            default:
                return;
        }

        // Pool events state the collateral and debt after the change.
        Collateral = e.PositionLots;
        Debt = e.Equity;
    }

    /// <summary>A fill: the position moves by its lots; cash is the balance settlement put on the event (fee charged).</summary>
    private void ApplyTrade(in ExchangeEvent e)
    {
        long q = e.Engine.Quantity.Lots;
        int sign = e.Engine.Side == Side.Buy ? 1 : -1;
        if (e.Engine.AccountId == AccountId)
        {
            Position += sign * q;
            Cash = e.TakerBalance + _unconfirmedDeposits;
            TradedLots += q;
            UpdateRemaining(e.Engine.OrderId.Value, e.Engine.RemainingQuantity.Lots);
        }

        if (e.Engine.MakerAccountId == AccountId)
        {
            Position -= sign * q;
            Cash = e.MakerBalance + _unconfirmedDeposits;
            TradedLots += q;
            UpdateRemaining(e.Engine.MakerOrderId.Value, e.Engine.MakerRemainingQuantity.Lots);
        }
    }

    /// <summary>A position moved off the book: the subject account closes on <c>Side</c>, the counterparty takes the other side.</summary>
    private void ApplyTransfer(in ExchangeEvent e, MarketRules rules, bool collateral)
    {
        long q = e.Engine.Quantity.Lots;
        long value = q * e.Engine.Price.Ticks * rules.CashPerTickLot;
        int sign = e.Engine.Side == Side.Buy ? 1 : -1;
        if (e.Engine.AccountId == AccountId)
        {
            Position += sign * q;
            Cash -= sign * value;
        }
        else if (e.CounterpartyAccountId == AccountId)
        {
            if (collateral)
            {
                Collateral -= q;
                Cash += value;
            }
            else
            {
                Position -= sign * q;
                Cash += sign * value;
            }
        }
    }

    private void UpdateRemaining(long id, long remaining)
    {
        if (remaining <= 0)
        {
            Remove(id);
        }
        else if (_slots.TryGetValue(id, out int slot))
        {
            _orders[slot] = _orders[slot] with { Remaining = remaining };
        }
    }

    private void Remove(long id)
    {
        if (!_slots.Remove(id, out int slot))
        {
            return;
        }

        int last = _orders.Count - 1;
        if (slot != last)
        {
            var moved = _orders[last];
            _orders[slot] = moved;
            _slots[moved.Id] = slot;
        }

        _orders.RemoveAt(last);
    }
}
