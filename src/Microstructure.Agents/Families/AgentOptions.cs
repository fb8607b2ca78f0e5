using System.Text.Json.Serialization;
using Microstructure.Agents.Configuration;
using Microstructure.Agents.Randomness;
using Microstructure.Agents.Validation;

namespace Microstructure.Agents.Families;

/// <summary>
/// One population of agents in a scenario: a family (the JSON <c>kind</c>), how many, their capital and latency, and
/// the family's own parameters. Each family has a sealed options record with documented defaults (docs/scenarios.md).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(NoiseTraderOptions), AgentKindNames.Noise)]
[JsonDerivedType(typeof(MarketMakerOptions), AgentKindNames.MarketMaker)]
[JsonDerivedType(typeof(FundamentalTraderOptions), AgentKindNames.Fundamental)]
[JsonDerivedType(typeof(MomentumTraderOptions), AgentKindNames.Momentum)]
[JsonDerivedType(typeof(LeveragedTraderOptions), AgentKindNames.Leveraged)]
[JsonDerivedType(typeof(LendingLooperOptions), AgentKindNames.LendingLooper)]
[JsonDerivedType(typeof(LiquidatorOptions), AgentKindNames.Liquidator)]
[JsonDerivedType(typeof(HedgerOptions), AgentKindNames.Hedger)]
public abstract record AgentOptions
{
    /// <summary>Population name (reports and account roles). Default: the kind.</summary>
    public string? Name { get; init; }

    /// <summary>Number of agents. Default 1.</summary>
    public int Count { get; init; } = 1;

    /// <summary>Cash each agent deposits at the start, in quote units (drawn per agent). Default 1,000,000.</summary>
    public ValueDistribution Capital { get; init; } = ValueDistribution.Fixed(1_000_000);

    /// <summary>Latency to and from the exchange.</summary>
    public LatencyOptions Latency { get; init; } = new();

    /// <summary>The family.</summary>
    [JsonIgnore]
    public abstract AgentKind Kind { get; }

    /// <summary>The family's name as a scenario writes it.</summary>
    [JsonIgnore]
    public string KindName => AgentKindNames.Of(Kind);

    /// <summary>The population's display name: <see cref="Name"/> or the kind.</summary>
    [JsonIgnore]
    public string DisplayName => string.IsNullOrWhiteSpace(Name) ? KindName : Name;

    /// <summary>Checks every setting; throws <see cref="AgentConfigurationException"/> naming the bad field under <paramref name="path"/>.</summary>
    /// <param name="path">Where the population sits, e.g. <c>agents[2]</c>.</param>
    public virtual void Validate(string path)
    {
        Require.InRange(Count, 0, 1_000_000, $"{path}.count");
        Require.NotNull(Capital, $"{path}.capital");
        Capital.Validate($"{path}.capital", 0, 1_000_000_000);
        Require.NotNull(Latency, $"{path}.latency");
        Latency.Validate($"{path}.latency");
    }

    /// <summary>
    /// About how many orders and cancels one agent of the population sends a second in steady state — only for the
    /// run budget shown and checked before a run starts (docs/scenarios.md, "Run budget"), never for the run itself.
    /// Families that trade a few times a run (leveraged traders, hedgers, liquidators, loopers) keep the default 0.05.
    /// </summary>
    [JsonIgnore]
    public virtual double EstimatedCommandsPerSecond => 0.05;

    /// <summary>Builds one agent of the population.</summary>
    /// <param name="setup">Account, population, member index and random stream.</param>
    public abstract Agent Create(AgentSetup setup);

    /// <summary>Draws one agent's capital and converts it to cash units (rounded to a cent, half away from zero).</summary>
    protected long DrawCapital(SimRandom random)
    {
        ArgumentNullException.ThrowIfNull(random);
        return FixedPoint.ToCash(Math.Round((decimal)Capital.Sample(random), 2, MidpointRounding.AwayFromZero));
    }
}
