using System.Text.Json.Serialization;
using Microstructure.Agents.Randomness;
using Microstructure.Agents.Validation;

namespace Microstructure.Agents.Families;

/// <summary>
/// A leveraged position taker: opens a long (or short) at a leverage drawn per position, optionally protected by a
/// reduce-only stop; after a liquidation (or a stop, or the end of its holding time) it waits a cool-down and
/// <b>re-levers with what is left</b> — plus, with some probability, a fresh top-up — at a newly drawn leverage. That
/// re-levering is the recursive part of recursive leverage.
/// </summary>
public sealed record LeveragedTraderOptions : AgentOptions
{
    /// <summary>Sets the family's defaults.</summary>
    public LeveragedTraderOptions()
    {
        Capital = ValueDistribution.LogUniform(1_000, 20_000);
    }

    /// <inheritdoc />
    [JsonIgnore]
    public override AgentKind Kind => AgentKind.Leveraged;

    /// <summary>Effective leverage of each position (notional / equity), drawn per position. Default uniform 5–50.</summary>
    public ValueDistribution Leverage { get; init; } = ValueDistribution.Uniform(5, 50);

    /// <summary>Probability that a position is long (the crowd's bias). Default 1 (all long).</summary>
    public double LongProbability { get; init; } = 1;

    /// <summary>Start of the window in which first positions open, seconds. Default 0.</summary>
    public double EntryStartSeconds { get; init; }

    /// <summary>End of that window, seconds (entry times are uniform in it). Default 60.</summary>
    public double EntryEndSeconds { get; init; } = 60;

    /// <summary>Probability that a position carries a stop. Default 0.3.</summary>
    public double StopProbability { get; init; } = 0.3;

    /// <summary>Stop distance from the entry price as a fraction (a long's stop at entry × (1 − d)). Default uniform 0.01–0.05.</summary>
    public ValueDistribution StopDistance { get; init; } = ValueDistribution.Uniform(0.01, 0.05);

    /// <summary>Seconds to wait flat before re-levering. Default 10 + exponential of mean 30, at most 600.</summary>
    public ValueDistribution CoolDownSeconds { get; init; } = ValueDistribution.ExponentialFrom(10, 30, 600);

    /// <summary>Seconds a position is held before it is closed by the trader itself; null = until stopped or liquidated.</summary>
    public ValueDistribution? HoldSeconds { get; init; }

    /// <summary>Whether the trader re-levers after a liquidation, stop or exit. Default true.</summary>
    public bool ReLever { get; init; } = true;

    /// <summary>Probability of adding fresh money before re-levering. Default 0.5.</summary>
    public double TopUpProbability { get; init; } = 0.5;

    /// <summary>Size of a top-up as a fraction of the initial capital. Default 0.5.</summary>
    public double TopUpFraction { get; init; } = 0.5;

    /// <summary>Below this equity (quote) the trader stops for good. Default 10.</summary>
    public double MinEquity { get; init; } = 10;

    /// <summary>Most re-levers per trader. Default 10.</summary>
    public int MaxReLevers { get; init; } = 10;

    /// <inheritdoc />
    public override void Validate(string path)
    {
        base.Validate(path);
        Require.NotNull(Leverage, $"{path}.leverage");
        Leverage.Validate($"{path}.leverage", 1, 1_000);
        Require.InRange(LongProbability, 0, 1, $"{path}.longProbability");
        Require.InRange(EntryStartSeconds, 0, 31_536_000, $"{path}.entryStartSeconds");
        Require.InRange(EntryEndSeconds, EntryStartSeconds, 31_536_000, $"{path}.entryEndSeconds");
        Require.InRange(StopProbability, 0, 1, $"{path}.stopProbability");
        Require.NotNull(StopDistance, $"{path}.stopDistance");
        StopDistance.Validate($"{path}.stopDistance", 0.0001, 0.99);
        Require.NotNull(CoolDownSeconds, $"{path}.coolDownSeconds");
        CoolDownSeconds.Validate($"{path}.coolDownSeconds", 0, 31_536_000);
        HoldSeconds?.Validate($"{path}.holdSeconds", 0.001, 31_536_000);
        Require.InRange(TopUpProbability, 0, 1, $"{path}.topUpProbability");
        Require.InRange(TopUpFraction, 0, 100, $"{path}.topUpFraction");
        Require.InRange(MinEquity, 0, 1_000_000_000, $"{path}.minEquity");
        Require.InRange(MaxReLevers, 0, 1_000_000, $"{path}.maxReLevers");
    }

    /// <inheritdoc />
    public override Agent Create(AgentSetup setup) => new LeveragedTrader(setup, this, DrawCapital(setup.Random));
}
