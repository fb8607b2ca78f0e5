using Microstructure.Agents.Market;

namespace Microstructure.Agents.Tests.TestSupport;

/// <summary>An <see cref="IAgentContext"/> that records what the agent sends and when it wants to wake.</summary>
internal sealed class FakeContext : IAgentContext
{
    private long _ids;

    public long Now { get; set; }

    public MarketSnapshot Market { get; set; }

    public MarketRules Rules { get; set; } = TestMarket.Rules;

    public List<ExchangeCommand> Sent { get; } = [];

    public long? Wake { get; private set; }

    public void Submit(in ExchangeCommand command) => Sent.Add(command);

    public void WakeAt(long timeNs) => Wake = timeNs;

    public long NextOrderId() => ++_ids;

    public IEnumerable<OrderCommand> Orders => Sent.Where(c => c.Type == ExchangeCommandType.Order).Select(c => c.Order);

    public IEnumerable<OrderCommand> Places => Orders.Where(o => o.Type == CommandType.Place);

    public IEnumerable<OrderCommand> Cancels => Orders.Where(o => o.Type == CommandType.Cancel);

    public IEnumerable<ExchangeCommand> OfType(ExchangeCommandType type) => Sent.Where(c => c.Type == type);

    /// <summary>Forgets what was sent (to look at the next step only).</summary>
    public void Clear()
    {
        Sent.Clear();
        Wake = null;
    }

    /// <summary>Delivers <paramref name="e"/> to <paramref name="agent"/>.</summary>
    public void Deliver(Agent agent, ExchangeEvent e) => agent.Receive(this, in e);

    /// <summary>Acknowledges every order the agent placed since the last clear (Accepted events).</summary>
    public void AcceptAll(Agent agent)
    {
        foreach (var order in Places.ToList())
        {
            Deliver(agent, Events.Accepted(order.AccountId, order.OrderId.Value, order.Side, order.Price.Ticks, order.Quantity.Lots));
        }
    }
}
