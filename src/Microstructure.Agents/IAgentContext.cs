using Microstructure.Agents.Market;

namespace Microstructure.Agents;

/// <summary>
/// What the simulation kernel offers the agent it is calling: the simulated clock, the market as this agent sees it
/// (delayed by its latency), a way to send commands (delivered to the exchange after its latency) and to schedule its
/// next wake-up. Valid only during the call it is passed to.
/// </summary>
public interface IAgentContext
{
    /// <summary>Simulated time now, in nanoseconds.</summary>
    long Now { get; }

    /// <summary>Public market data as this agent sees it now: the exchange's state one outbound latency ago.</summary>
    MarketSnapshot Market { get; }

    /// <summary>The exchange's published rules (contract, fees, brackets, pool).</summary>
    MarketRules Rules { get; }

    /// <summary>
    /// Sends a command; it reaches the exchange after this agent's inbound latency (its own commands arrive in the
    /// order sent). The kernel stamps the arrival time; the command's own timestamp is ignored.
    /// </summary>
    /// <param name="command">The command (an order's account must be this agent's).</param>
    void Submit(in ExchangeCommand command);

    /// <summary>
    /// Wakes the agent at <paramref name="timeNs"/> (at least now); replaces the wake-up scheduled before, if any.
    /// </summary>
    /// <param name="timeNs">When to call <see cref="Agent.OnWake"/> next.</param>
    void WakeAt(long timeNs);

    /// <summary>A fresh order id for this agent, unique in the run.</summary>
    long NextOrderId();
}
