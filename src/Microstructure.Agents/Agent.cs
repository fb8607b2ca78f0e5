using Microstructure.Agents.Accounts;
using Microstructure.Agents.Randomness;

namespace Microstructure.Agents;

/// <summary>
/// A trading agent: the kernel calls <see cref="Start"/> once at time 0, <see cref="OnWake"/> at the times the agent
/// asks for (<see cref="IAgentContext.WakeAt"/>), and <see cref="Receive"/> for each event about its account (and each
/// public event it subscribed to), after its outbound latency. It acts only through the context.
/// </summary>
/// <remarks>
/// An agent sees nothing but the context and its delivered events — never the exchange's state — so a run gives the
/// same result whether the exchange is called inline or runs on its own thread. The helpers below send commands and
/// record them in <see cref="Account"/> at once, so the agent does not send the same order twice while waiting.
/// </remarks>
public abstract class Agent
{
    /// <summary>Builds the agent for the account and random stream the kernel assigned.</summary>
    protected Agent(AgentSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        AccountId = setup.AccountId;
        Population = setup.Population;
        Member = setup.Member;
        Random = setup.Random;
        Account = new AccountTracker(setup.AccountId);
    }

    /// <summary>The agent's exchange account.</summary>
    public long AccountId { get; }

    /// <summary>The population (scenario entry) it belongs to.</summary>
    public string Population { get; }

    /// <summary>Its index within the population.</summary>
    public int Member { get; }

    /// <summary>Its family.</summary>
    public abstract AgentKind Kind { get; }

    /// <summary>Public events it wants besides its own. Default none.</summary>
    public virtual AgentSubscriptions Subscriptions => AgentSubscriptions.None;

    /// <summary>Its own picture of its account.</summary>
    public AccountTracker Account { get; }

    /// <summary>Its seeded random stream.</summary>
    protected SimRandom Random { get; }

    /// <summary>Called once at time 0: fund the account, set leverage, schedule the first wake-up.</summary>
    public abstract void Start(IAgentContext context);

    /// <summary>Called at a wake-up the agent scheduled.</summary>
    public virtual void OnWake(IAgentContext context)
    {
    }

    /// <summary>Delivers one event: updates <see cref="Account"/>, then lets the agent react.</summary>
    /// <param name="context">The kernel's services for this call.</param>
    /// <param name="e">The event (valid during the call only).</param>
    public void Receive(IAgentContext context, in ExchangeEvent e)
    {
        ArgumentNullException.ThrowIfNull(context);
        Account.Apply(in e, context.Rules);
        OnEvent(context, in e);
    }

    /// <summary>Reacts to a delivered event (after <see cref="Account"/> was updated). Default: nothing.</summary>
    protected virtual void OnEvent(IAgentContext context, in ExchangeEvent e)
    {
    }

    /// <summary>Deposits <paramref name="cash"/> cash units.</summary>
    protected void Deposit(IAgentContext context, long cash)
    {
        if (cash <= 0)
        {
            return;
        }

        context.Submit(ExchangeCommand.Cash(ExchangeCommandType.Deposit, AccountId, cash, context.Now));
        Account.DepositSent(cash);
    }

    /// <summary>Sends a command about this account with an integer argument (leverage, collateral lots, e-mode, pool cash).</summary>
    protected void SendAccountCommand(IAgentContext context, ExchangeCommandType type, long amount) =>
        context.Submit(ExchangeCommand.ForAccount(type, AccountId, amount, context.Now));

    /// <summary>Places a limit order; returns its id.</summary>
    protected long PlaceLimit(IAgentContext context, Side side, long priceTicks, long lots, TimeInForce timeInForce = TimeInForce.Gtc, OrderFlags flags = OrderFlags.None) =>
        Place(context, side, OrderType.Limit, priceTicks, 0, lots, timeInForce, flags);

    /// <summary>Places a market order; returns its id.</summary>
    protected long PlaceMarket(IAgentContext context, Side side, long lots, OrderFlags flags = OrderFlags.None) =>
        Place(context, side, OrderType.Market, 0, 0, lots, TimeInForce.Ioc, flags);

    /// <summary>Places a stop-market order that triggers when the last trade reaches <paramref name="stopTicks"/>; returns its id.</summary>
    protected long PlaceStop(IAgentContext context, Side side, long stopTicks, long lots, OrderFlags flags = OrderFlags.ReduceOnly) =>
        Place(context, side, OrderType.StopMarket, 0, stopTicks, lots, TimeInForce.Gtc, flags);

    /// <summary>Asks to cancel one of the agent's orders (no-op when it is already being cancelled).</summary>
    protected void Cancel(IAgentContext context, long orderId)
    {
        if (Account.TryGetOrder(orderId, out var order) && order.State == OrderState.Cancelling)
        {
            return;
        }

        var command = new OrderCommand { Type = CommandType.Cancel, OrderId = new OrderId(orderId), AccountId = AccountId };
        context.Submit(ExchangeCommand.ForOrder(in command, context.Now));
        Account.CancelSent(orderId);
    }

    /// <summary>Asks to cancel every order the agent knows of that is not already being cancelled.</summary>
    protected void CancelAll(IAgentContext context)
    {
        for (int i = 0; i < Account.OrderCount; i++)
        {
            var order = Account.OrderAt(i);
            if (order.State != OrderState.Cancelling && order.Type != OrderType.Market)
            {
                Cancel(context, order.Id);
            }
        }
    }

    private long Place(IAgentContext context, Side side, OrderType type, long price, long stop, long lots, TimeInForce timeInForce, OrderFlags flags)
    {
        long id = context.NextOrderId();
        var command = new OrderCommand
        {
            Type = CommandType.Place,
            OrderType = type,
            TimeInForce = timeInForce,
            Flags = flags,
            Side = side,
            SelfTradePrevention = SelfTradePrevention.CancelOldest,
            OrderId = new OrderId(id),
            AccountId = AccountId,
            Price = new Price(price),
            StopPrice = new Price(stop),
            Quantity = new Quantity(lots),
        };
        context.Submit(ExchangeCommand.ForOrder(in command, context.Now));
        Account.OrderSent(new OwnOrder(id, side, type, price, stop, lots, flags, OrderState.Pending));
        return id;
    }
}
