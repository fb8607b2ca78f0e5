using Microstructure.Agents.Configuration;

namespace Microstructure.Simulation.Scenarios;

/// <summary>The account that sends market-order shocks (scenario field <c>shockTrader</c>).</summary>
public sealed record ShockTraderDefinition
{
    /// <summary>Its cash, in quote currency. Default 1,000,000,000.</summary>
    public decimal Capital { get; init; } = 1_000_000_000m;

    /// <summary>Its leverage. Default 20.</summary>
    public int Leverage { get; init; } = 20;

    /// <summary>Its latency. Default 0 in, 1,000 µs out, no jitter (the shock reaches the exchange 1 ms after its time).</summary>
    public LatencyOptions Latency { get; init; } = new() { InMicros = 0, OutMicros = 1_000, JitterMicros = 0 };
}
