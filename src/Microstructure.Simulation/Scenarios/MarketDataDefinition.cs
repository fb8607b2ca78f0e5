namespace Microstructure.Simulation.Scenarios;

/// <summary>Public market data the kernel derives for agents (scenario field <c>marketData</c>).</summary>
public sealed record MarketDataDefinition
{
    /// <summary>Window τ of the short volatility estimate, seconds. Default 10.</summary>
    public double ShortVolatilitySeconds { get; init; } = 10;

    /// <summary>Window τ of the long volatility estimate, seconds. Default 300.</summary>
    public double LongVolatilitySeconds { get; init; } = 300;
}
