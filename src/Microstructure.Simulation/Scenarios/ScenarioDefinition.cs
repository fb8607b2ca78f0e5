using Microstructure.Agents.Families;

namespace Microstructure.Simulation.Scenarios;

/// <summary>
/// A scenario file as written (JSON, camelCase, comments and trailing commas allowed, unknown fields refused). Every
/// field, its default and range is documented in docs/scenarios.md; <see cref="ScenarioLoader"/> validates it into a
/// <see cref="Scenario"/>.
/// </summary>
public sealed record ScenarioDefinition
{
    /// <summary>Name shown in reports. Default: the file name without extension.</summary>
    public string? Name { get; init; }

    /// <summary>One line on what the scenario shows.</summary>
    public string? Description { get; init; }

    /// <summary>Simulated duration, seconds. Default 300.</summary>
    public double DurationSeconds { get; init; } = 300;

    /// <summary>Seed of a single run. Default 1.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Seeds of a comparison; null = just <see cref="Seed"/>.</summary>
    public IReadOnlyList<long>? Seeds { get; init; }

    /// <summary>The contract.</summary>
    public InstrumentDefinition Instrument { get; init; } = new();

    /// <summary>Starting price (index and agents' anchor) in quote currency. Default 50,000.</summary>
    public decimal InitialPrice { get; init; } = 50_000m;

    /// <summary>Exchange settings.</summary>
    public ExchangeDefinition Exchange { get; init; } = new();

    /// <summary>The liquidation design and its options.</summary>
    public DesignDefinition Liquidation { get; init; } = new();

    /// <summary>Mitigations (price band, circuit breaker, dynamic margin, predictive margin).</summary>
    public IReadOnlyList<MitigationDefinition> Mitigations { get; init; } = [];

    /// <summary>The lending pool; null = none.</summary>
    public LendingPoolDefinition? LendingPool { get; init; }

    /// <summary>The index process.</summary>
    public IndexDefinition Index { get; init; } = new();

    /// <summary>Public market data derived for agents.</summary>
    public MarketDataDefinition MarketData { get; init; } = new();

    /// <summary>Periodic L2 snapshots.</summary>
    public SnapshotDefinition Snapshot { get; init; } = new();

    /// <summary>Seconds between exchange clock ticks (funding, auctions, cool-downs run even when nobody trades); 0 = none. Default 1.</summary>
    public double TickIntervalSeconds { get; init; } = 1;

    /// <summary>Exogenous shocks.</summary>
    public IReadOnlyList<ShockDefinition> Shocks { get; init; } = [];

    /// <summary>The account that sends market-order shocks.</summary>
    public ShockTraderDefinition ShockTrader { get; init; } = new();

    /// <summary>The agent populations.</summary>
    public IReadOnlyList<AgentOptions> Agents { get; init; } = [];

    /// <summary>Designs a comparison runs by default; null = the scenario's own design only.</summary>
    public ComparisonDefinition? Comparison { get; init; }
}
