using Microstructure.Agents;
using Microstructure.Agents.Configuration;
using Microstructure.Agents.Families;
using Microstructure.Agents.Market;
using Microstructure.Agents.Randomness;
using Microstructure.Risk.Processing;
using Microstructure.Simulation.Environment;
using Microstructure.Simulation.Kernel;
using Microstructure.Simulation.Scenarios;

namespace Microstructure.Simulation.Running;

/// <summary>
/// One run of a scenario with one seed and one design: the exchange, the agents and the kernel, built and ready;
/// <see cref="Info"/> describes it before it starts, <see cref="Execute"/> runs it to the end.
/// </summary>
/// <example>
/// <code>
/// var scenario = ScenarioLoader.Load("data/scenarios/leveraged-cascade.json");
/// using var run = new SimulationRun(scenario, new RunOptions { Seed = 7, Design = "tiered-partial" });
/// RunSummary summary = RecordedSimulation.Execute(run, "runs/my-run", progress: p => Console.Write($"\r{p.Fraction:P0}"));
/// </code>
/// </example>
/// <remarks>
/// Each run owns everything it touches (no shared state), so several runs may execute on several threads at once; a
/// run's events depend only on the scenario, seed, design and duration — never on the mode or the thread timing.
/// </remarks>
public sealed class SimulationRun : IDisposable
{
    private readonly SimulationKernel _kernel;
    private bool _executed;

    /// <summary>Builds the run.</summary>
    /// <param name="scenario">A validated scenario.</param>
    /// <param name="options">Seed, design override, mode; null = the scenario's defaults, direct mode.</param>
    /// <exception cref="ScenarioException">The design override names no design.</exception>
    public SimulationRun(Scenario scenario, RunOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new RunOptions();
        Scenario = scenario;
        long seed = options.Seed ?? scenario.Definition.Seed;
        var design = options.Design is { } name ? scenario.ResolveDesign(name) : scenario.Design;
        var exchangeOptions = options.Design is { } variant
            ? scenario.CreateExchangeOptions(design, scenario.ResolveMitigations(variant), scenario.ResolveMarketMakerHedge(variant))
            : scenario.CreateExchangeOptions(design);
        Exchange = new Exchange(exchangeOptions);
        var definition = scenario.Definition;
        var layout = scenario.Layout;
        long end = options.DurationSeconds is { } seconds ? Scenario.Nanos(seconds) : scenario.DurationNs;
        var rules = new MarketRules(
            scenario.Instrument,
            Exchange.CashPerTickLot,
            (double)exchangeOptions.TakerFeeRate,
            (double)exchangeOptions.MakerFeeRate,
            (double)exchangeOptions.MarketOrderPriceBuffer,
            exchangeOptions.Brackets,
            exchangeOptions.LendingPool,
            scenario.InitialPriceTicks);

        var agents = new List<Agent>(scenario.AgentCount + 1);
        var latencies = new List<LatencyOptions>(scenario.AgentCount + 1);
        var roles = new List<AccountRole> { new(layout.KernelAccount, AccountRoleKind.Kernel, "kernel", 0) };
        foreach (var population in definition.Agents)
        {
            for (int member = 0; member < population.Count; member++)
            {
                int index = agents.Count;
                long account = layout.AgentAccount(index);
                agents.Add(population.Create(new AgentSetup(account, population.DisplayName, member, SimRandom.ForStream(seed, index))));
                latencies.Add(population.Latency);
                roles.Add(new AccountRole(account, RoleOf(population.Kind), population.DisplayName, member));
            }
        }

        var shocks = BuildShocks(definition, layout, scenario.InitialPriceTicks * Exchange.CashPerTickLot);
        var orders = shocks.Where(s => !s.IsIndexJump).Select(s => new ScheduledOrder(s.TimeNs, s.Side, s.Lots)).ToList();
        if (orders.Count > 0)
        {
            var shockTrader = definition.ShockTrader;
            agents.Add(new ShockTrader(
                new AgentSetup(layout.ShockAccount, AgentKindNames.Shock, 0, SimRandom.ForStream(seed, agents.Count)),
                orders,
                FixedPoint.ToCash(shockTrader.Capital),
                shockTrader.Leverage));
            latencies.Add(shockTrader.Latency);
            roles.Add(new AccountRole(layout.ShockAccount, AccountRoleKind.Shock, AgentKindNames.Shock, 0));
        }

        var bootstrap = Bootstrap(definition, layout, roles);
        roles.Add(new AccountRole(Exchange.KeeperAccountId, AccountRoleKind.Keeper, "keeper", 0));
        roles.Add(new AccountRole(Exchange.PoolLiquidatorAccountId, AccountRoleKind.PoolLiquidator, "pool-liquidator", 0));
        roles.Add(new AccountRole(Exchange.VaultAccountId, AccountRoleKind.Vault, "vault", 0));
        roles.Add(new AccountRole(Exchange.InsuranceFundAccountId, AccountRoleKind.InsuranceFund, "insurance-fund", 0));
        roles.Sort((a, b) => a.AccountId.CompareTo(b.AccountId));

        Agents = agents;
        Info = new RunInfo
        {
            ScenarioName = scenario.Name,
            ScenarioSource = scenario.Source,
            Seed = seed,
            DesignName = design.Name,
            Mode = options.Mode,
            Instrument = scenario.Instrument,
            CashPerTickLot = Exchange.CashPerTickLot,
            InitialPriceTicks = scenario.InitialPriceTicks,
            EndNs = end,
            SnapshotIntervalNs = Scenario.Nanos(definition.Snapshot.IntervalSeconds),
            SnapshotDepth = definition.Snapshot.Depth,
            Shocks = shocks,
            Accounts = roles,
            Exchange = exchangeOptions,
        };
        _kernel = new SimulationKernel(new KernelSetup
        {
            Exchange = Exchange,
            Agents = agents,
            Latencies = latencies,
            Rules = rules,
            Seed = seed,
            EndNs = end,
            Mode = options.Mode,
            SnapshotIntervalNs = Info.SnapshotIntervalNs,
            SnapshotDepth = definition.Snapshot.Depth,
            TickIntervalNs = Scenario.Nanos(definition.TickIntervalSeconds),
            ShortVolatilitySeconds = definition.MarketData.ShortVolatilitySeconds,
            LongVolatilitySeconds = definition.MarketData.LongVolatilitySeconds,
            Index = new IndexSettings(
                definition.Index.VolatilityPerSqrtSecond,
                definition.Index.DriftPerSecond,
                Scenario.Nanos(definition.Index.UpdateIntervalSeconds),
                definition.Index.BookWeight,
                Scenario.Nanos(definition.Index.LagSeconds),
                definition.Index.VolatilityOfVolatility,
                definition.Index.VolatilityTimescalesSeconds),
            IndexJumps = [.. definition.Shocks.OfType<IndexJumpShock>().SelectMany(j => j.Steps()).OrderBy(s => s.TimeNs)],
            Bootstrap = bootstrap,
        });
    }

    /// <summary>The scenario.</summary>
    public Scenario Scenario { get; }

    /// <summary>Everything a recorder needs before the first event.</summary>
    public RunInfo Info { get; }

    /// <summary>The exchange. Read its state only after <see cref="Execute"/> returned.</summary>
    public Exchange Exchange { get; }

    /// <summary>The agents, in account order (the shock trader, if any, last).</summary>
    public IReadOnlyList<Agent> Agents { get; }

    /// <summary>The kernel's lookahead (the smallest outbound latency, ns).</summary>
    public long Lookahead => _kernel.Lookahead;

    /// <summary>
    /// Runs to the end. Every exchange event goes to <paramref name="observer"/> in sequence order on this thread;
    /// <paramref name="progress"/> is called about every 1% of simulated time. A run executes once.
    /// </summary>
    /// <exception cref="InvalidOperationException">Executed before.</exception>
    /// <exception cref="OperationCanceledException">Cancelled (the observer has seen a prefix of the run).</exception>
    public RunResult Execute(IExchangeEventObserver? observer = null, Action<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (_executed)
        {
            throw new InvalidOperationException("A simulation run executes once; build a new SimulationRun.");
        }

        _executed = true;
        var counters = _kernel.Run(observer, progress, cancellationToken);
        return new RunResult(Info, counters, Exchange.LiquidationCount, Exchange.InsuranceFund, Exchange.BadDebt, Exchange.PoolBadDebt,
            Exchange.FeesCollected, Exchange.MarkPrice.Ticks);
    }

    /// <inheritdoc />
    public void Dispose() => _kernel.Dispose();

    private static AccountRoleKind RoleOf(AgentKind kind) => kind switch
    {
        AgentKind.Noise => AccountRoleKind.Noise,
        AgentKind.MarketMaker => AccountRoleKind.MarketMaker,
        AgentKind.Fundamental => AccountRoleKind.Fundamental,
        AgentKind.Momentum => AccountRoleKind.Momentum,
        AgentKind.Leveraged => AccountRoleKind.Leveraged,
        AgentKind.LendingLooper => AccountRoleKind.LendingLooper,
        AgentKind.Liquidator => AccountRoleKind.Liquidator,
        AgentKind.Hedger => AccountRoleKind.Hedger,
        _ => AccountRoleKind.Shock,
    };

    private static List<ShockInfo> BuildShocks(ScenarioDefinition definition, AccountLayout layout, long initialPerLot)
    {
        var shocks = new List<ShockInfo>();
        foreach (var shock in definition.Shocks)
        {
            long time = Scenario.Nanos(shock.AtSeconds);
            shocks.Add(shock switch
            {
                MarketOrderShock order => new ShockInfo(time, false, order.Side, order.Quantity, order.Quantity * initialPerLot, 0, layout.ShockAccount),
                IndexJumpShock jump => new ShockInfo(time, true, Side.Buy, 0, 0, jump.Relative, -1),
                _ => throw new InvalidOperationException($"unknown shock {shock.GetType().Name}"),
            });
        }

        shocks.Sort((a, b) => a.TimeNs.CompareTo(b.TimeNs));
        return shocks;
    }

    /// <summary>The kernel's commands at time 0: fund, keeper, pool liquidator and pool supplier cash, pool liquidity.</summary>
    private List<ExchangeCommand> Bootstrap(ScenarioDefinition definition, AccountLayout layout, List<AccountRole> roles)
    {
        var commands = new List<ExchangeCommand>();
        void Deposit(long account, decimal quote)
        {
            if (quote > 0)
            {
                commands.Add(ExchangeCommand.Cash(ExchangeCommandType.Deposit, account, FixedPoint.ToCash(quote), 0));
            }
        }

        Deposit(Exchange.InsuranceFundAccountId, definition.Exchange.InsuranceFund);
        Deposit(Exchange.KeeperAccountId, definition.Exchange.KeeperCash);
        if (definition.LendingPool is { } pool)
        {
            Deposit(Exchange.PoolLiquidatorAccountId, pool.LiquidatorCash);
            Deposit(layout.PoolSupplierAccount, pool.Liquidity);
            if (pool.Liquidity > 0)
            {
                commands.Add(ExchangeCommand.Cash(ExchangeCommandType.PoolSupply, layout.PoolSupplierAccount, FixedPoint.ToCash(pool.Liquidity), 0));
            }

            roles.Add(new AccountRole(layout.PoolSupplierAccount, AccountRoleKind.PoolSupplier, "pool-supplier", 0));
        }

        return commands;
    }
}
