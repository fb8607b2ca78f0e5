using System.Text.Json.Serialization;
using Microstructure.Agents.Randomness;
using Microstructure.Agents.Validation;
using Microstructure.Risk.Liquidation;

namespace Microstructure.Agents.Families;

/// <summary>
/// A market maker: post-only quotes on both sides around a reservation price skewed by inventory (Avellaneda and
/// Stoikov 2008, simplified), a half-spread that widens with short-term volatility, and a withdrawal — every quote
/// cancelled for a pause — when short-term volatility jumps against its long-run level. The withdrawal is what turns
/// a dip into a cascade.
/// </summary>
public sealed record MarketMakerOptions : AgentOptions
{
    /// <summary>Sets the family's defaults.</summary>
    public MarketMakerOptions()
    {
        Capital = ValueDistribution.Fixed(20_000_000);
    }

    /// <inheritdoc />
    [JsonIgnore]
    public override AgentKind Kind => AgentKind.MarketMaker;

    /// <summary>Seconds between re-quotes (each interval jittered ±20%). Default 0.5.</summary>
    public double QuoteIntervalSeconds { get; init; } = 0.5;

    /// <summary>Quote levels per side. Default 3.</summary>
    public int Levels { get; init; } = 3;

    /// <summary>Ticks between consecutive levels. Default 5.</summary>
    public long LevelSpacingTicks { get; init; } = 5;

    /// <summary>Lots per quote. Default 20. Ignored when <see cref="DepthQuote"/> is set.</summary>
    public ValueDistribution QuoteSize { get; init; } = ValueDistribution.Fixed(20);

    /// <summary>
    /// Quote notional (quote currency) the maker rests on <b>each side</b> within <see cref="DepthBand"/> of the mid,
    /// split equally over the levels inside the band (levels outside it quote the same size). Default 0: sizes come
    /// from <see cref="QuoteSize"/>.
    /// </summary>
    public double DepthQuote { get; init; }

    /// <summary>The band of <see cref="DepthQuote"/> as a fraction of the mid. Default 0.01 (the "±1% depth" venues and data vendors report).</summary>
    public double DepthBand { get; init; } = 0.01;

    /// <summary>
    /// After a withdrawal, quoted sizes ramp back as 1 − 2^(−t/h) with t the time since the pause ended and h this
    /// half-life (seconds); quotes are re-placed at each re-quote until the ramp is within 1% of full size. Default 0:
    /// full size at once.
    /// </summary>
    public double RefillHalfLifeSeconds { get; init; }

    /// <summary>Base half-spread from the reservation price to the first level, in ticks. Default 5.</summary>
    public double HalfSpreadTicks { get; init; } = 5;

    /// <summary>Extra half-spread per unit of short-term volatility: + this × σ_short × √interval × mid (ticks). Default 2.</summary>
    public double VolatilitySpread { get; init; } = 2;

    /// <summary>
    /// Weight of the index in the maker's fair value: fair = (1 − w)·mid + w·index (crypto makers quote around the
    /// cross-venue index). Default 0 (the mid alone).
    /// </summary>
    public double IndexWeight { get; init; }

    /// <summary>Reservation-price skew in ticks per lot of inventory (a long maker quotes lower). Default 0.02.</summary>
    public double InventorySkewTicksPerLot { get; init; } = 0.02;

    /// <summary>Largest |inventory| in lots; beyond it the maker stops quoting the side that would grow it. Default 1,000.</summary>
    public long MaxInventory { get; init; } = 1_000;

    /// <summary>Withdraw when short-term volatility exceeds this multiple of the long-run level. Default 3; 0 never withdraws.</summary>
    public double WithdrawVolatilityRatio { get; init; } = 3;

    /// <summary>…and short-term volatility (per √s) is at least this (so a calm warm-up does not trigger it). Default 0.0002.</summary>
    public double WithdrawMinVolatility { get; init; } = 0.0002;

    /// <summary>
    /// Seconds a withdrawn maker stays out before quoting again. Default 20. 0 = no pause: the maker pulls its quotes
    /// and looks again at its next re-quote, quoting as soon as volatility has calmed.
    /// </summary>
    public double WithdrawSeconds { get; init; } = 20;

    /// <summary>Re-quote at once after each of its own fills. Default true.</summary>
    public bool RequoteOnFill { get; init; } = true;

    /// <summary>Leverage the account sets. Default 10.</summary>
    public int Leverage { get; init; } = 10;

    /// <summary>
    /// Hedging of the maker's inventory on the hedge venue (the index), the same hedge the insurance fund and the
    /// backstop vault keep under a design's <c>hedge</c>: after every step of the exchange each maker of the population
    /// holds −<c>ratio</c> × its position there, its variation and costs paid into and out of its own cash
    /// (docs/risk.md, "Hedging"). The quoting itself does not change. Null (the default) = no hedge; a comparison entry's
    /// <c>marketMakerHedge</c> replaces it for that entry.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public HedgeOptions? Hedge { get; init; }

    /// <inheritdoc />
    public override void Validate(string path)
    {
        base.Validate(path);
        Require.InRange(QuoteIntervalSeconds, 0.001, 3_600, $"{path}.quoteIntervalSeconds"); // a faster re-quote is a runaway, not a maker (issue 12)
        Require.InRange(Levels, 1, 100, $"{path}.levels");
        Require.InRange(LevelSpacingTicks, 1, 1_000_000, $"{path}.levelSpacingTicks");
        Require.NotNull(QuoteSize, $"{path}.quoteSize");
        QuoteSize.Validate($"{path}.quoteSize", 1, 1_000_000_000);
        Require.InRange(DepthQuote, 0, 1e12, $"{path}.depthQuote");
        Require.That(DepthBand > 0 && DepthBand <= 1, $"{path}.depthBand", $"must be in (0, 1]; got {Require.Format(DepthBand)}");
        Require.InRange(RefillHalfLifeSeconds, 0, 86_400, $"{path}.refillHalfLifeSeconds");
        Require.InRange(HalfSpreadTicks, 0.5, 1_000_000, $"{path}.halfSpreadTicks");
        Require.InRange(VolatilitySpread, 0, 1_000, $"{path}.volatilitySpread");
        Require.InRange(IndexWeight, 0, 1, $"{path}.indexWeight");
        Require.InRange(InventorySkewTicksPerLot, 0, 1_000, $"{path}.inventorySkewTicksPerLot");
        Require.InRange(MaxInventory, 1, 1_000_000_000, $"{path}.maxInventory");
        Require.InRange(WithdrawVolatilityRatio, 0, 1_000, $"{path}.withdrawVolatilityRatio");
        Require.InRange(WithdrawMinVolatility, 0, 1, $"{path}.withdrawMinVolatility");
        Require.InRange(WithdrawSeconds, 0, 86_400, $"{path}.withdrawSeconds");
        Require.InRange(Leverage, 1, 1_000, $"{path}.leverage");
        ValidateHedge(Hedge, $"{path}.hedge");
    }

    /// <summary>Checks a maker's hedge options (null = none), naming the bad field under <paramref name="path"/>.</summary>
    /// <param name="hedge">The options, or null.</param>
    /// <param name="path">Where they sit, e.g. <c>agents[2].hedge</c>.</param>
    /// <exception cref="AgentConfigurationException">A setting is out of range.</exception>
    public static void ValidateHedge(HedgeOptions? hedge, string path)
    {
        try
        {
            hedge?.Validate(path);
        }
        catch (RiskConfigurationException e)
        {
            throw new AgentConfigurationException(e.Path, e.Problem);
        }
    }

    /// <inheritdoc />
    /// <remarks>Each quote interval replaces every level on both sides: a cancel and a new order per level and side.</remarks>
    [JsonIgnore]
    public override double EstimatedCommandsPerSecond => 4.0 * Levels / QuoteIntervalSeconds;

    /// <inheritdoc />
    public override Agent Create(AgentSetup setup) => new MarketMaker(setup, this, DrawCapital(setup.Random));
}
