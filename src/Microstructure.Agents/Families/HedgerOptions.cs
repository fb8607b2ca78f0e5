using System.Text.Json.Serialization;
using Microstructure.Agents.Randomness;
using Microstructure.Agents.Validation;

namespace Microstructure.Agents.Families;

/// <summary>
/// A hedger (basis / cash-and-carry trader): holds a notional long in the index off this exchange and a short
/// perpetual of the same size here — delta-neutral, at a low leverage, opened in slices over an entry window. It never
/// closes for a view on the price. When the short loses (the price rises) its margin ratio climbs; past
/// <see cref="TopUpMarginRatio"/> it sends fresh collateral (from a finite reserve, arriving after a transfer delay),
/// past <see cref="ReduceMarginRatio"/> it buys back part of the short. If the price rises faster than that, it is
/// liquidated: the short squeeze of a market whose hedgers' collateral is elsewhere.
/// </summary>
public sealed record HedgerOptions : AgentOptions
{
    /// <summary>Sets the family's defaults.</summary>
    public HedgerOptions()
    {
        Capital = ValueDistribution.LogUniform(100_000, 2_000_000);
    }

    /// <inheritdoc />
    [JsonIgnore]
    public override AgentKind Kind => AgentKind.Hedger;

    /// <summary>Short notional / capital at entry, drawn per hedger. Default uniform 2–5.</summary>
    public ValueDistribution Leverage { get; init; } = ValueDistribution.Uniform(2, 5);

    /// <summary>Start of the window in which hedgers begin to open their short, seconds. Default 0.</summary>
    public double EntryStartSeconds { get; init; }

    /// <summary>End of that window (start times uniform in it), seconds. Default 60.</summary>
    public double EntryEndSeconds { get; init; } = 60;

    /// <summary>
    /// Market sells the short is opened in (equal slices, <see cref="SliceIntervalSeconds"/> apart). What a thin book
    /// leaves unfilled is sold by further slices, at most 4 × this in all. Default 4.
    /// </summary>
    public int EntrySlices { get; init; } = 4;

    /// <summary>Seconds between slices. Default 5.</summary>
    public double SliceIntervalSeconds { get; init; } = 5;

    /// <summary>Seconds between margin checks once the short is open. Default 1.</summary>
    public double CheckIntervalSeconds { get; init; } = 1;

    /// <summary>
    /// Margin ratio (maintenance margin / equity, marked at the mark price; 1 = liquidation, as venues such as Binance
    /// define it) at which the hedger sends a top-up. Default 0.5.
    /// </summary>
    public double TopUpMarginRatio { get; init; } = 0.5;

    /// <summary>Cash available for top-ups over the run, as a multiple of the initial capital. Default 1; 0 = none.</summary>
    public double TopUpReserve { get; init; } = 1;

    /// <summary>Seconds a top-up takes to arrive (a transfer from another venue or wallet). Default 30.</summary>
    public double TopUpDelaySeconds { get; init; } = 30;

    /// <summary>Margin ratio at which it buys back part of the short (reduce-only market buy). Default 0.8.</summary>
    public double ReduceMarginRatio { get; init; } = 0.8;

    /// <summary>Share of the short bought back per reduction. Default 0.25.</summary>
    public double ReduceFraction { get; init; } = 0.25;

    /// <inheritdoc />
    public override void Validate(string path)
    {
        base.Validate(path);
        Require.NotNull(Leverage, $"{path}.leverage");
        Leverage.Validate($"{path}.leverage", 0.1, 100);
        Require.InRange(EntryStartSeconds, 0, 31_536_000, $"{path}.entryStartSeconds");
        Require.InRange(EntryEndSeconds, EntryStartSeconds, 31_536_000, $"{path}.entryEndSeconds");
        Require.InRange(EntrySlices, 1, 10_000, $"{path}.entrySlices");
        Require.InRange(SliceIntervalSeconds, 0.001, 86_400, $"{path}.sliceIntervalSeconds");
        Require.InRange(CheckIntervalSeconds, 0.001, 86_400, $"{path}.checkIntervalSeconds");
        Require.That(double.IsFinite(TopUpMarginRatio) && TopUpMarginRatio > 0 && TopUpMarginRatio < 1, $"{path}.topUpMarginRatio",
            $"must be in (0, 1); got {Require.Format(TopUpMarginRatio)}");
        Require.InRange(TopUpReserve, 0, 1_000, $"{path}.topUpReserve");
        Require.InRange(TopUpDelaySeconds, 0, 86_400, $"{path}.topUpDelaySeconds");
        Require.That(double.IsFinite(ReduceMarginRatio) && ReduceMarginRatio > 0 && ReduceMarginRatio < 1, $"{path}.reduceMarginRatio",
            $"must be in (0, 1); got {Require.Format(ReduceMarginRatio)}");
        Require.That(double.IsFinite(ReduceFraction) && ReduceFraction > 0 && ReduceFraction <= 1, $"{path}.reduceFraction",
            $"must be in (0, 1]; got {Require.Format(ReduceFraction)}");
    }

    /// <inheritdoc />
    public override Agent Create(AgentSetup setup) => new Hedger(setup, this, DrawCapital(setup.Random));
}
