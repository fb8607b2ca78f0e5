using System.Text.Json.Serialization;
using Microstructure.Agents.Randomness;
using Microstructure.Agents.Validation;

namespace Microstructure.Agents.Families;

/// <summary>
/// A trend follower: keeps a fast and a slow exponential moving average of the mid it sees (time-weighted), buys
/// when the fast one is above the slow one by more than a threshold and sells when below, by market order, within a
/// position limit.
/// </summary>
public sealed record MomentumTraderOptions : AgentOptions
{
    /// <summary>Sets the family's defaults.</summary>
    public MomentumTraderOptions()
    {
        Capital = ValueDistribution.Fixed(2_000_000);
    }

    /// <inheritdoc />
    [JsonIgnore]
    public override AgentKind Kind => AgentKind.Momentum;

    /// <summary>Looks per second (Poisson). Default 0.2.</summary>
    public double Rate { get; init; } = 0.2;

    /// <summary>Time constant of the fast average, seconds. Default 10.</summary>
    public double FastSeconds { get; init; } = 10;

    /// <summary>Time constant of the slow average, seconds. Default 120.</summary>
    public double SlowSeconds { get; init; } = 120;

    /// <summary>Signal |ln(fast / slow)| needed to trade. Default 0.001 (10 bp).</summary>
    public double Threshold { get; init; } = 0.001;

    /// <summary>Order size in lots. Default 10.</summary>
    public ValueDistribution OrderSize { get; init; } = ValueDistribution.Fixed(10);

    /// <summary>Largest |position| in lots. Default 500.</summary>
    public long MaxPosition { get; init; } = 500;

    /// <summary>Leverage the account sets. Default 5.</summary>
    public int Leverage { get; init; } = 5;

    /// <inheritdoc />
    public override void Validate(string path)
    {
        base.Validate(path);
        Require.InRange(Rate, 0.000001, 1_000, $"{path}.rate");
        Require.InRange(FastSeconds, 0.001, 86_400, $"{path}.fastSeconds");
        Require.InRange(SlowSeconds, FastSeconds, 86_400, $"{path}.slowSeconds");
        Require.InRange(Threshold, 0, 1, $"{path}.threshold");
        Require.NotNull(OrderSize, $"{path}.orderSize");
        OrderSize.Validate($"{path}.orderSize", 1, 1_000_000_000);
        Require.InRange(MaxPosition, 1, 1_000_000_000, $"{path}.maxPosition");
        Require.InRange(Leverage, 1, 1_000, $"{path}.leverage");
    }

    /// <inheritdoc />
    /// <remarks>At most one order per decision, decisions at <see cref="Rate"/> a second.</remarks>
    [JsonIgnore]
    public override double EstimatedCommandsPerSecond => Rate;

    /// <inheritdoc />
    public override Agent Create(AgentSetup setup) => new MomentumTrader(setup, this, DrawCapital(setup.Random));
}
