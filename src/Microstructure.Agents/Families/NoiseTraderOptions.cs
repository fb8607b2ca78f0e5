using System.Text.Json.Serialization;
using Microstructure.Agents.Randomness;
using Microstructure.Agents.Validation;

namespace Microstructure.Agents.Families;

/// <summary>
/// Zero-intelligence noise flow (Santa Fe model, Farmer, Patelli and Zovko 2005): each agent is a Poisson process of
/// limit orders, market orders and cancellations (each resting order is cancelled at its own rate), limit prices at a
/// random distance from the mid.
/// </summary>
public sealed record NoiseTraderOptions : AgentOptions
{
    /// <summary>Sets the family's defaults.</summary>
    public NoiseTraderOptions()
    {
        Capital = ValueDistribution.Fixed(1_000_000);
    }

    /// <inheritdoc />
    [JsonIgnore]
    public override AgentKind Kind => AgentKind.Noise;

    /// <summary>Limit orders per second per agent. Default 0.5.</summary>
    public double LimitRate { get; init; } = 0.5;

    /// <summary>Market orders per second per agent. Default 0.1.</summary>
    public double MarketRate { get; init; } = 0.1;

    /// <summary>Cancellations per second per resting order (so the book holds about limitRate / cancelRate orders per agent). Default 0.05.</summary>
    public double CancelRate { get; init; } = 0.05;

    /// <summary>Distance of a limit price from the mid, in ticks (buy below, sell above; 0 = at the mid). Default exponential, mean 20, at most 500.</summary>
    public ValueDistribution LimitOffsetTicks { get; init; } = ValueDistribution.ExponentialFrom(0, 20, 500);

    /// <summary>Limit order size in lots. Default power law from 1 to 200 lots, α 1.5.</summary>
    public ValueDistribution LimitSize { get; init; } = ValueDistribution.PowerLaw(1, 200, 1.5);

    /// <summary>Market order size in lots. Default power law from 1 to 200 lots, α 1.5.</summary>
    public ValueDistribution MarketSize { get; init; } = ValueDistribution.PowerLaw(1, 200, 1.5);

    /// <summary>
    /// Selective liquidity taking (Farmer, Gillemot, Lillo et al. 2004: large market orders arrive when the opposite
    /// best is deep): a market order is cut to at most this multiple of the size quoted at the opposite best price the
    /// trader sees. 0 = no cut. Default 0.
    /// </summary>
    public double MarketSizeDepthMultiple { get; init; }

    /// <summary>Probability that an order buys. Default 0.5.</summary>
    public double BuyProbability { get; init; } = 0.5;

    /// <summary>Largest |position| in lots; beyond it the agent only trades to reduce. Default 2,000.</summary>
    public long MaxPosition { get; init; } = 2_000;

    /// <summary>Largest number of resting orders; at the limit the trader cancels one of its orders instead of placing a new one. Default 50.</summary>
    public int MaxOpenOrders { get; init; } = 50;

    /// <summary>Leverage the account sets (initial margin). Default 10.</summary>
    public int Leverage { get; init; } = 10;

    /// <summary>
    /// Activity feedback: order rates are multiplied by 1 + this × max(0, short / long volatility − 1), capped at
    /// <see cref="MaxActivityMultiplier"/> ("traders trade more when the market moves"). Default 0 (constant rates).
    /// </summary>
    public double ActivityFeedback { get; init; }

    /// <summary>Cap of the activity multiplier. Default 5.</summary>
    public double MaxActivityMultiplier { get; init; } = 5;

    /// <inheritdoc />
    public override void Validate(string path)
    {
        base.Validate(path);
        Require.InRange(LimitRate, 0, 1_000, $"{path}.limitRate");
        Require.InRange(MarketRate, 0, 1_000, $"{path}.marketRate");
        Require.InRange(CancelRate, 0, 1_000, $"{path}.cancelRate");
        Require.That(LimitRate + MarketRate > 0, $"{path}.limitRate", "limitRate + marketRate must be > 0 (the agent would never act)");
        Require.NotNull(LimitOffsetTicks, $"{path}.limitOffsetTicks");
        LimitOffsetTicks.Validate($"{path}.limitOffsetTicks", 0, 1_000_000);
        Require.NotNull(LimitSize, $"{path}.limitSize");
        LimitSize.Validate($"{path}.limitSize", 1, 1_000_000_000);
        Require.NotNull(MarketSize, $"{path}.marketSize");
        MarketSize.Validate($"{path}.marketSize", 1, 1_000_000_000);
        Require.InRange(MarketSizeDepthMultiple, 0, 1_000, $"{path}.marketSizeDepthMultiple");
        Require.InRange(BuyProbability, 0, 1, $"{path}.buyProbability");
        Require.InRange(MaxPosition, 1, 1_000_000_000, $"{path}.maxPosition");
        Require.InRange(MaxOpenOrders, 1, 100_000, $"{path}.maxOpenOrders");
        Require.InRange(Leverage, 1, 1_000, $"{path}.leverage");
        Require.InRange(ActivityFeedback, 0, 100, $"{path}.activityFeedback");
        Require.InRange(MaxActivityMultiplier, 1, 1_000, $"{path}.maxActivityMultiplier");
    }

    /// <inheritdoc />
    /// <remarks>
    /// Limit and market orders at their rates, and the cancellations of resting orders — which in steady state cannot
    /// outnumber the limit orders that rest, and are at most the cancel rate on a full book of maxOpenOrders. Activity
    /// feedback is counted at its average of about 1 (bursts are short).
    /// </remarks>
    [JsonIgnore]
    public override double EstimatedCommandsPerSecond =>
        LimitRate + MarketRate + Math.Min(CancelRate * MaxOpenOrders, LimitRate);

    /// <inheritdoc />
    public override Agent Create(AgentSetup setup) => new NoiseTrader(setup, this, DrawCapital(setup.Random));
}
