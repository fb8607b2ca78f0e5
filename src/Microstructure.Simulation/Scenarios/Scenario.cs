using System.Globalization;
using Microstructure.Engine.Matching;
using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Processing;
using Microstructure.Agents.Families;
using Microstructure.Agents.Validation;

namespace Microstructure.Simulation.Scenarios;

/// <summary>
/// A validated scenario: the definition as written plus everything converted to the exchange's units (instrument,
/// prices in ticks, design and mitigation options). Build one with <see cref="ScenarioLoader"/>.
/// </summary>
public sealed class Scenario
{
    internal Scenario(ScenarioDefinition definition, string source, string folder)
    {
        Definition = definition;
        Source = source;
        Name = string.IsNullOrWhiteSpace(definition.Name) ? System.IO.Path.GetFileNameWithoutExtension(source) : definition.Name;
        var instrument = definition.Instrument;
        Require.NotNull(instrument, "instrument");
        Require.That(instrument.TickSize > 0, "instrument.tickSize", $"must be > 0; got {instrument.TickSize}");
        Require.That(instrument.LotSize > 0, "instrument.lotSize", $"must be > 0; got {instrument.LotSize}");
        Require.That(instrument.MaxPrice >= instrument.TickSize, "instrument.maxPrice", $"must be at least one tick; got {instrument.MaxPrice}");
        Require.InRange(instrument.MaxOrderLots, 1, long.MaxValue / 4, "instrument.maxOrderLots");
        // The book indexes prices 1 … maxPrice in 64-bit ticks, sparsely (a 0.0001 tick under the default $10M cap,
        // 10^11 ticks, is fine); only a range past the engine's 2^62 ticks is refused, here rather than by its
        // constructor's exception (issue 12). Whether a lot at maxPrice fits 64-bit cash the exchange checks below.
        // (Compared before dividing: maxPrice / tickSize itself overflows a decimal past 7.9 × 10^28.)
        bool countable = instrument.TickSize >= instrument.MaxPrice / 10_000_000_000_000_000_000_000_000_000m;
        decimal ticks = countable ? decimal.Floor(instrument.MaxPrice / instrument.TickSize) : decimal.MaxValue;
        Require.That(ticks <= MaxPriceTicks, "instrument.tickSize",
            $"with tickSize {instrument.TickSize} the prices up to maxPrice {instrument.MaxPrice} span {(countable ? ticks.ToString("N0", CultureInfo.InvariantCulture) : "more than " + MaxPriceTicks.ToString("N0", CultureInfo.InvariantCulture))} ticks; the book holds at most {MaxPriceTicks.ToString("N0", CultureInfo.InvariantCulture)} (2^62): use a coarser tick or a lower instrument.maxPrice");
        long maxTicks = (long)ticks;
        Instrument = new InstrumentSpec(instrument.Symbol, instrument.TickSize, instrument.LotSize, new Price(1), new Price(maxTicks), new Quantity(instrument.MaxOrderLots));
        bool inRange = definition.InitialPrice > 0 && definition.InitialPrice - instrument.TickSize <= instrument.MaxPrice;
        decimal initialTicks = inRange ? decimal.Round(definition.InitialPrice / instrument.TickSize, MidpointRounding.AwayFromZero) : 0;
        Require.That(initialTicks >= 1 && initialTicks <= maxTicks, "initialPrice",
            $"must lie between one tick ({instrument.TickSize}) and instrument.maxPrice ({instrument.MaxPrice}); got {definition.InitialPrice}");
        InitialPriceTicks = (long)initialTicks;

        Require.InRange(definition.DurationSeconds, 0.001, 31_536_000, "durationSeconds");
        DurationNs = Nanos(definition.DurationSeconds);
        Seeds = definition.Seeds is { Count: > 0 } seeds ? seeds : [definition.Seed];

        Require.NotNull(definition.Exchange, "exchange");
        Brackets = definition.Exchange.Brackets is { } specs ? new BracketTable(specs, "exchange.brackets") : BracketTable.BinanceBtcUsdt2021;
        Require.NotNull(definition.Liquidation, "liquidation");
        Design = LiquidationPolicies.CreateDesign(definition.Liquidation.Design, definition.Liquidation.Options, "liquidation");
        Require.NotNull(definition.Mitigations, "mitigations");
        Mitigations = CreateMitigations(definition.Mitigations, "mitigations", folder);
        ComparisonMitigations = definition.Comparison is { } withMitigations
            ? [.. withMitigations.Designs.Select((d, i) => d.Mitigations is { } list ? CreateMitigations(list, $"comparison.designs[{i}].mitigations", folder) : null)]
            : [null];
        ComparisonDesigns = definition.Comparison is { } comparison
            ? [.. comparison.Designs.Select((d, i) => LiquidationPolicies.CreateDesign(d.Design, d.Options, $"comparison.designs[{i}]"))]
            : [Design];
        ComparisonNames = definition.Comparison is { } labelled ? Labels(labelled) : [Design.Name];
        Require.That(definition.Liquidation.Label is null, "liquidation.label", "labels name variants in comparison.designs only");
        Require.That(definition.Liquidation.Mitigations is null, "liquidation.mitigations", "per-variant mitigations belong in comparison.designs; the scenario's own are its top-level mitigations");
        for (int i = 0; i < ComparisonMitigations.Count; i++)
        {
            Require.That(ComparisonMitigations[i] is null || definition.Comparison!.Designs[i].Label is not null, $"comparison.designs[{i}].label",
                "an entry with its own mitigations needs a label, which names the variant (e.g. 'fund-predictive-margin')");
        }
        Require.That(definition.Liquidation.MarketMakerHedge is null, "liquidation.marketMakerHedge",
            "is a comparison.designs entry's override; a scenario's makers hedge with the market-maker population's own 'hedge'");

        ValidateEnvironment(definition);
        Require.NotNull(definition.Agents, "agents");
        for (int i = 0; i < definition.Agents.Count; i++)
        {
            Require.NotNull(definition.Agents[i], $"agents[{i}]");
            definition.Agents[i].Validate($"agents[{i}]");
        }

        for (int i = 0; definition.Comparison is { } entries && i < entries.Designs.Count; i++)
        {
            if (entries.Designs[i].MarketMakerHedge is { } hedge)
            {
                string path = $"comparison.designs[{i}].marketMakerHedge";
                Require.That(definition.Agents.Any(a => a is MarketMakerOptions), path, "the scenario has no market-maker population to hedge");
                MarketMakerOptions.ValidateHedge(hedge, path);
            }
        }

        AgentCount = definition.Agents.Sum(a => a.Count);
        Require.That(AgentCount <= 4_000_000, "agents", $"at most 4,000,000 agents in all; got {AgentCount}");
        Layout = new AccountLayout(AgentCount, definition.LendingPool is not null);

        // The exchange validates the rest of its options (fees, mark, funding, pool) with its own field paths.
        // A ceiling, not a reservation: the book grows with the orders actually live. 2^28, as replay's --max-orders
        // (the engine indexes up to 2^29).
        Require.InRange(definition.Exchange.MaxOrders, 1, 1 << 28, "exchange.maxOrders");
        _ = new Exchange(CreateExchangeOptions(Design) with { MaxOrders = 16, MaxAccounts = 8, AccountHedges = [] });
        for (int i = 0; i < ComparisonMitigations.Count; i++)
        {
            if (ComparisonMitigations[i] is { } own)
            {
                // Combinations (a factor against the brackets, a mitigation listed twice) are the exchange's to check.
                try
                {
                    _ = new Exchange(CreateExchangeOptions(ComparisonDesigns[i], own, null) with { MaxOrders = 16, MaxAccounts = 8, AccountHedges = [] });
                }
                catch (RiskConfigurationException e) when (e.Path.StartsWith("mitigations", StringComparison.Ordinal))
                {
                    throw new RiskConfigurationException($"comparison.designs[{i}].{e.Path}", e.Problem);
                }
            }
        }
    }

    /// <summary>
    /// The mitigations of a list as options; a predictive-margin model is read now, a relative path from
    /// <paramref name="folder"/> (the scenario file's, also under --set; <c>ScenarioLoader.FolderOf</c>).
    /// </summary>
    private static List<MitigationOptions> CreateMitigations(IReadOnlyList<MitigationDefinition> list, string path, string folder)
    {
        Require.NotNull(list, path);
        var result = new List<MitigationOptions>(list.Count);
        for (int i = 0; i < list.Count; i++)
        {
            Require.NotNull(list[i], $"{path}[{i}]");
            MitigationOptions m = LiquidationPolicies.CreateMitigation(list[i].Name, list[i].Options, $"{path}[{i}]");
            result.Add(m is PredictiveMarginOptions predictive ? predictive.WithModelFrom(folder, $"{path}[{i}].options") : m);
        }

        return result;
    }

    /// <summary>The definition as written.</summary>
    public ScenarioDefinition Definition { get; }

    /// <summary>
    /// SHA-256 (hex) of every predictive-margin model the scenario reads, the scenario's own then the comparison
    /// entries', joined by ','; empty when it reads none. Part of a run's key: a retrained model makes new runs.
    /// </summary>
    public string ModelDigest => string.Join(',', Mitigations.Concat(ComparisonMitigations.SelectMany(m => m ?? []))
        .OfType<PredictiveMarginOptions>().Select(p => p.ModelSha256));

    /// <summary>The file (or source name) it came from.</summary>
    public string Source { get; }

    /// <summary>Its name (the definition's, else the file name).</summary>
    public string Name { get; }

    /// <summary>The contract, in the engine's terms.</summary>
    public InstrumentSpec Instrument { get; }

    /// <summary>Starting price in ticks.</summary>
    public long InitialPriceTicks { get; }

    /// <summary>Simulated duration (ns).</summary>
    public long DurationNs { get; }

    /// <summary>The seeds a comparison runs (the definition's <c>seeds</c>, else just its <c>seed</c>).</summary>
    public IReadOnlyList<long> Seeds { get; }

    /// <summary>Maintenance brackets.</summary>
    public BracketTable Brackets { get; }

    /// <summary>The scenario's liquidation design.</summary>
    public LiquidationDesignOptions Design { get; }

    /// <summary>The mitigations.</summary>
    public IReadOnlyList<MitigationOptions> Mitigations { get; }

    /// <summary>
    /// Per entry of <see cref="ComparisonDesigns"/>: the entry's own mitigations (its <c>mitigations</c> field), or null
    /// where it runs with the scenario's <see cref="Mitigations"/>.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<MitigationOptions>?> ComparisonMitigations { get; }

    /// <summary>The designs a comparison runs by default (the <c>comparison</c> list, else the scenario's design).</summary>
    public IReadOnlyList<LiquidationDesignOptions> ComparisonDesigns { get; }

    /// <summary>
    /// The names <see cref="ComparisonDesigns"/> run under in a comparison, in the same order: each entry's
    /// <c>label</c>, else its design's name.
    /// </summary>
    public IReadOnlyList<string> ComparisonNames { get; }

    /// <summary>Agents in all populations.</summary>
    public int AgentCount { get; }

    /// <summary>Which account is whose.</summary>
    internal AccountLayout Layout { get; }

    /// <summary>The comparison entries' names (label, else design name), labels checked: well-formed, unique, no design's name.</summary>
    private static List<string> Labels(ComparisonDefinition comparison)
    {
        var names = new List<string>(comparison.Designs.Count);
        for (int i = 0; i < comparison.Designs.Count; i++)
        {
            var entry = comparison.Designs[i];
            if (entry.Label is not { } label)
            {
                names.Add(entry.Design);
                continue;
            }

            string path = $"comparison.designs[{i}].label";
            Require.That(label.Length is > 0 and <= 64 && label.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-') && label[0] is not ('.' or '-' or '_'),
                path, $"must be 1 to 64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit; got '{label}'");
            Require.That(!LiquidationPolicies.DesignNames.Contains(label), path, $"'{label}' is the name of a design; a label names a variant, e.g. '{entry.Design}-hedged'");
            names.Add(label);
        }

        for (int i = 0; i < names.Count; i++)
        {
            if (comparison.Designs[i].Label is { } label)
            {
                Require.That(names.IndexOf(label) == i && names.LastIndexOf(label) == i, $"comparison.designs[{i}].label", $"'{label}' names two comparison designs; give each its own label");
            }
        }

        return names;
    }

    /// <summary>
    /// The options of design <paramref name="name"/> for this scenario: the scenario's own (or its comparison list's)
    /// when it names that design, else the design's defaults.
    /// </summary>
    /// <exception cref="ScenarioException">Unknown design name.</exception>
    public LiquidationDesignOptions ResolveDesign(string name)
    {
        for (int i = 0; i < ComparisonNames.Count; i++)
        {
            if (ComparisonNames[i] == name && Definition.Comparison?.Designs[i].Label is not null)
            {
                return ComparisonDesigns[i];
            }
        }

        foreach (var design in ComparisonDesigns.Prepend(Design))
        {
            if (design.Name == name)
            {
                return design;
            }
        }

        try
        {
            return LiquidationPolicies.CreateDesign(name);
        }
        catch (RiskConfigurationException e)
        {
            throw new ScenarioException(Source, "design", e.Problem, null, e);
        }
    }

    /// <summary>
    /// The mitigations of a run under design or variant <paramref name="name"/>: a labelled comparison entry's own when it
    /// lists them, else the scenario's.
    /// </summary>
    public IReadOnlyList<MitigationOptions> ResolveMitigations(string name)
    {
        for (int i = 0; i < ComparisonNames.Count; i++)
        {
            if (ComparisonNames[i] == name && ComparisonMitigations[i] is { } own)
            {
                return own;
            }
        }

        return Mitigations;
    }

    /// <summary>
    /// The market makers' hedge that the comparison entry run under <paramref name="name"/> (a label or a design name)
    /// sets for every market-maker population (its <c>marketMakerHedge</c>), or null: the populations' own.
    /// </summary>
    internal HedgeOptions? ResolveMarketMakerHedge(string name)
    {
        for (int i = 0; i < ComparisonNames.Count && Definition.Comparison is { } comparison; i++)
        {
            if (ComparisonNames[i] == name)
            {
                return comparison.Designs[i].MarketMakerHedge;
            }
        }

        return null;
    }

    /// <summary>
    /// The exchange's hedged trading accounts: every member of each market-maker population with a hedge (its own, or
    /// <paramref name="marketMakerHedge"/> for all when set), in account order.
    /// </summary>
    internal List<AccountHedgeOptions> MarketMakerHedges(HedgeOptions? marketMakerHedge)
    {
        var hedges = new List<AccountHedgeOptions>();
        int index = 0;
        foreach (var population in Definition.Agents)
        {
            if (population is MarketMakerOptions maker && (marketMakerHedge ?? maker.Hedge) is { } hedge)
            {
                for (int member = 0; member < population.Count; member++)
                {
                    hedges.Add(new AccountHedgeOptions(Layout.AgentAccount(index + member), hedge));
                }
            }

            index += population.Count;
        }

        return hedges;
    }

    /// <summary>The exchange options of a run of this scenario under <paramref name="design"/>: the scenario's mitigations, the makers with their own hedges.</summary>
    public ExchangeOptions CreateExchangeOptions(LiquidationDesignOptions design) => CreateExchangeOptions(design, Mitigations, null);

    /// <summary>The exchange options of a run of this scenario under <paramref name="design"/>.</summary>
    /// <param name="design">The liquidation design.</param>
    /// <param name="mitigations">The mitigations (a comparison entry's own, or the scenario's).</param>
    /// <param name="marketMakerHedge">The hedge of every market maker (a comparison entry's), or null: each population's own.</param>
    internal ExchangeOptions CreateExchangeOptions(LiquidationDesignOptions design, IReadOnlyList<MitigationOptions> mitigations, HedgeOptions? marketMakerHedge)
    {
        var exchange = Definition.Exchange;
        return new ExchangeOptions
        {
            Instrument = Instrument,
            MaxOrders = exchange.MaxOrders,
            MaxAccounts = Layout.AccountCount,
            Brackets = Brackets,
            MaintenanceBasis = exchange.MaintenanceBasis,
            TakerFeeRate = exchange.TakerFeeRate,
            MakerFeeRate = exchange.MakerFeeRate,
            DefaultLeverage = exchange.DefaultLeverage,
            MarketOrderPriceBuffer = exchange.MarketOrderPriceBuffer,
            Mark = exchange.Mark,
            LiquidationEngine = exchange.LiquidationEngine,
            FundPolicy = exchange.FundPolicy,
            Funding = exchange.Funding,
            Liquidation = design,
            Mitigations = mitigations,
            LendingPool = Definition.LendingPool?.Options,
            AccountHedges = MarketMakerHedges(marketMakerHedge),
        };
    }

    /// <summary>The most price levels (ticks from 1 to the maximum) the matching engine indexes.</summary>
    private const long MaxPriceTicks = MatchingEngine.MaxPriceRange;

    internal static long Nanos(double seconds) => (long)Math.Round(seconds * 1e9, MidpointRounding.AwayFromZero);

    /// <summary>
    /// A repeating interval is 0 (none) or at least 1 ms: a nanosecond tick or snapshot schedules a billion kernel items
    /// per simulated second and the run never ends (issue 12).
    /// </summary>
    private static void RequireNoneOrAtLeastAMillisecond(double seconds, string path) =>
        Require.That(seconds == 0 || seconds >= 0.001, path, $"must be 0 (none) or at least 0.001 s; got {Require.Format(seconds)}");

    private static void ValidateEnvironment(ScenarioDefinition d)
    {
        var index = d.Index;
        Require.NotNull(index, "index");
        Require.InRange(index.VolatilityPerSqrtSecond, 0, 0.1, "index.volatilityPerSqrtSecond");
        Require.InRange(index.DriftPerSecond, -0.01, 0.01, "index.driftPerSecond");
        Require.InRange(index.VolatilityOfVolatility, 0, 3, "index.volatilityOfVolatility");
        Require.NotNull(index.VolatilityTimescalesSeconds, "index.volatilityTimescalesSeconds");
        Require.That(index.VolatilityTimescalesSeconds.Count is >= 1 and <= 8, "index.volatilityTimescalesSeconds", $"needs 1 to 8 time scales; got {index.VolatilityTimescalesSeconds.Count}");
        for (int i = 0; i < index.VolatilityTimescalesSeconds.Count; i++)
        {
            Require.InRange(index.VolatilityTimescalesSeconds[i], 0.001, 31_536_000, $"index.volatilityTimescalesSeconds[{i}]");
        }

        Require.InRange(index.UpdateIntervalSeconds, 0.001, 86_400, "index.updateIntervalSeconds");
        Require.InRange(index.BookWeight, 0, 1, "index.bookWeight");
        Require.InRange(index.LagSeconds, 0, 3_600, "index.lagSeconds");
        Require.NotNull(d.MarketData, "marketData");
        Require.InRange(d.MarketData.ShortVolatilitySeconds, 0.001, 86_400, "marketData.shortVolatilitySeconds");
        Require.InRange(d.MarketData.LongVolatilitySeconds, d.MarketData.ShortVolatilitySeconds, 864_000, "marketData.longVolatilitySeconds");
        Require.NotNull(d.Snapshot, "snapshot");
        Require.InRange(d.Snapshot.IntervalSeconds, 0, 86_400, "snapshot.intervalSeconds");
        RequireNoneOrAtLeastAMillisecond(d.Snapshot.IntervalSeconds, "snapshot.intervalSeconds");
        Require.InRange(d.Snapshot.Depth, 1, 10_000, "snapshot.depth");
        Require.InRange(d.TickIntervalSeconds, 0, 86_400, "tickIntervalSeconds");
        RequireNoneOrAtLeastAMillisecond(d.TickIntervalSeconds, "tickIntervalSeconds");
        Require.That(d.Exchange.InsuranceFund is >= 0 and <= 1_000_000_000m, "exchange.insuranceFund", $"must be in [0, 1000000000]; got {d.Exchange.InsuranceFund}");
        Require.That(d.Exchange.KeeperCash is >= 0 and <= 1_000_000_000m, "exchange.keeperCash", $"must be in [0, 1000000000]; got {d.Exchange.KeeperCash}");
        if (d.LendingPool is { } pool)
        {
            Require.That(pool.Liquidity is >= 0 and <= 1_000_000_000m, "lendingPool.liquidity", $"must be in [0, 1000000000]; got {pool.Liquidity}");
            Require.That(pool.LiquidatorCash is >= 0 and <= 1_000_000_000m, "lendingPool.liquidatorCash", $"must be in [0, 1000000000]; got {pool.LiquidatorCash}");
        }

        Require.NotNull(d.ShockTrader, "shockTrader");
        Require.That(d.ShockTrader.Capital is > 0 and <= 1_000_000_000m, "shockTrader.capital", $"must be in (0, 1000000000]; got {d.ShockTrader.Capital}");
        Require.InRange(d.ShockTrader.Leverage, 1, 1_000, "shockTrader.leverage");
        Require.NotNull(d.ShockTrader.Latency, "shockTrader.latency");
        d.ShockTrader.Latency.Validate("shockTrader.latency");
        Require.NotNull(d.Shocks, "shocks");
        for (int i = 0; i < d.Shocks.Count; i++)
        {
            var shock = d.Shocks[i];
            Require.NotNull(shock, $"shocks[{i}]");
            Require.InRange(shock.AtSeconds, 0, d.DurationSeconds, $"shocks[{i}].atSeconds");
            switch (shock)
            {
                case MarketOrderShock order:
                    Require.That(Enum.IsDefined(order.Side), $"shocks[{i}].side", $"must be 'buy' or 'sell'; got {order.Side}");
                    Require.InRange(order.Quantity, 1, 1_000_000_000, $"shocks[{i}].quantity");
                    break;
                case IndexJumpShock jump:
                    Require.That(jump.Relative > -1 && jump.Relative <= 10, $"shocks[{i}].relative", $"must be in (-1, 10]; got {Require.Format(jump.Relative)}");
                    Require.InRange(jump.DurationSeconds, 0, d.DurationSeconds - shock.AtSeconds, $"shocks[{i}].durationSeconds");
                    break;
            }
        }
    }
}
