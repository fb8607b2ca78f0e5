using Microstructure.Agents;

namespace Microstructure.Simulation.Tests.TestSupport;

/// <summary>A scripted agent: runs the given actions at start, at each wake and on each delivery, and records what it saw.</summary>
internal sealed class ProbeAgent(long account, Action<ProbeAgent, IAgentContext>? start = null) : Agent(new AgentSetup(account, "probe", 0, new Agents.Randomness.SimRandom((ulong)account)))
{
    public override AgentKind Kind => AgentKind.Noise;

    public Action<ProbeAgent, IAgentContext>? OnWakeAction { get; set; }

    public Action<ProbeAgent, IAgentContext, ExchangeEvent>? OnEventAction { get; set; }

    public List<long> Wakes { get; } = [];

    public List<(long Now, ExchangeEvent Event)> Received { get; } = [];

    public override void Start(IAgentContext context) => start?.Invoke(this, context);

    public override void OnWake(IAgentContext context)
    {
        Wakes.Add(context.Now);
        OnWakeAction?.Invoke(this, context);
    }

    public static void Send(IAgentContext context, ExchangeCommand command) => context.Submit(in command);

    public void Limit(IAgentContext context, Side side, long price, long lots) => PlaceLimit(context, side, price, lots);

    protected override void OnEvent(IAgentContext context, in ExchangeEvent e)
    {
        Received.Add((context.Now, e));
        OnEventAction?.Invoke(this, context, e);
    }
}
