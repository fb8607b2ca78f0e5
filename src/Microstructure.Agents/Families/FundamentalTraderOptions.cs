using System.Text.Json.Serialization;
using Microstructure.Agents.Randomness;
using Microstructure.Agents.Validation;

namespace Microstructure.Agents.Families;

/// <summary>
/// A value trader around the index (the fundamental price): when the mid is further than a threshold from the
/// index it trades toward it with an immediate-or-cancel limit order priced no worse than the index, in a size that
/// grows with the mispricing.
/// </summary>
public sealed record FundamentalTraderOptions : AgentOptions
{
    /// <summary>Sets the family's defaults.</summary>
    public FundamentalTraderOptions()
    {
        Capital = ValueDistribution.Fixed(5_000_000);
    }

    /// <inheritdoc />
    [JsonIgnore]
    public override AgentKind Kind => AgentKind.Fundamental;

    /// <summary>Looks per second (Poisson). Default 0.2.</summary>
    public double Rate { get; init; } = 0.2;

    /// <summary>Relative mispricing |ln(index / mid)| below which it does nothing. Default 0.002 (20 bp).</summary>
    public double Threshold { get; init; } = 0.002;

    /// <summary>Lots per 1% of mispricing beyond the threshold. Default 50.</summary>
    public double LotsPerPercent { get; init; } = 50;

    /// <summary>Largest order in lots. Default 200.</summary>
    public long MaxOrder { get; init; } = 200;

    /// <summary>Largest |position| in lots. Default 2,000.</summary>
    public long MaxPosition { get; init; } = 2_000;

    /// <summary>Leverage the account sets. Default 5.</summary>
    public int Leverage { get; init; } = 5;

    /// <inheritdoc />
    public override void Validate(string path)
    {
        base.Validate(path);
        Require.InRange(Rate, 0.000001, 1_000, $"{path}.rate");
        Require.InRange(Threshold, 0, 1, $"{path}.threshold");
        Require.InRange(LotsPerPercent, 0, 1_000_000_000, $"{path}.lotsPerPercent");
        Require.InRange(MaxOrder, 1, 1_000_000_000, $"{path}.maxOrder");
        Require.InRange(MaxPosition, 1, 1_000_000_000, $"{path}.maxPosition");
        Require.InRange(Leverage, 1, 1_000, $"{path}.leverage");
    }

    /// <inheritdoc />
    /// <remarks>At most one order per decision, decisions at <see cref="Rate"/> a second (fewer when the book sits at value).</remarks>
    [JsonIgnore]
    public override double EstimatedCommandsPerSecond => Rate;

    /// <inheritdoc />
    public override Agent Create(AgentSetup setup) => new FundamentalTrader(setup, this, DrawCapital(setup.Random));
}
