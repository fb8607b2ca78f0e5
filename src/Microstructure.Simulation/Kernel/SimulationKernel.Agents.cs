using Microstructure.Agents;
using Microstructure.Agents.Market;

namespace Microstructure.Simulation.Kernel;

/// <content>The kernel as the agents see it (<see cref="IAgentContext"/>): one agent at a time, during its call.</content>
internal sealed partial class SimulationKernel : IAgentContext
{
    private int _current = -1;
    private bool _viewValid;
    private MarketSnapshot _view;

    long IAgentContext.Now => _now;

    MarketRules IAgentContext.Rules => _setup.Rules;

    MarketSnapshot IAgentContext.Market
    {
        get
        {
            if (!_viewValid)
            {
                _view = ViewFor(_current);
                _viewValid = true;
            }

            return _view;
        }
    }

    void IAgentContext.Submit(in ExchangeCommand command)
    {
        int agent = CurrentAgent();
        long arrival = Math.Max(_now + _latencyIn[agent] + Jitter(agent), _lastArrival[agent]);
        _lastArrival[agent] = arrival;
        int slot = TakeSlot();
        _commands[slot] = command;
        Schedule(arrival, ItemKind.Arrival, agent, slot);
    }

    void IAgentContext.WakeAt(long timeNs)
    {
        int agent = CurrentAgent();
        long token = _order + 1;
        _wakeToken[agent] = token;
        Schedule(Math.Max(timeNs, _now), ItemKind.Wake, agent, token);
    }

    long IAgentContext.NextOrderId()
    {
        int agent = CurrentAgent();
        return (_agents[agent].AccountId << 32) | ++_orderCounter[agent];
    }

    /// <summary>Makes <paramref name="agent"/> the one the context speaks for; its market view is computed on first use.</summary>
    private void Enter(int agent)
    {
        _current = agent;
        _viewValid = false;
    }

    private int CurrentAgent()
    {
        if (_current < 0)
        {
            throw new InvalidOperationException("An agent used its context outside a kernel call.");
        }

        return _current;
    }

    /// <summary>The market one outbound delay ago (never older than what the agent saw before).</summary>
    private MarketSnapshot ViewFor(int agent)
    {
        long time = Math.Max(_now - _latencyOut[agent] - Jitter(agent), _lastView[agent]);
        _lastView[agent] = time;
        return _history.At(time);
    }

    private long Jitter(int agent)
    {
        long bound = _jitter[agent];
        return bound == 0 ? 0 : (long)(_jitterRandom[agent].NextDouble() * (bound + 1));
    }
}
