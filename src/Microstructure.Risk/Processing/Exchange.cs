using System.Diagnostics;
using Microstructure.Engine.Matching;
using Microstructure.Risk.Detection;
using Microstructure.Risk.Ledger;
using Microstructure.Risk.Lending;
using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Liquidation.Designs;
using Microstructure.Risk.Liquidation.Desk;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Monitoring;
using Microstructure.Risk.Monitoring.Predictive;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Staging;

namespace Microstructure.Risk.Processing;

/// <summary>
/// The exchange's business-logic processor: one <see cref="MatchingEngine"/> plus accounts, positions, margin, mark,
/// funding, a lending pool and a pluggable liquidation design, driven one command at a time on one thread. It runs
/// synchronously (a simulation kernel calls <see cref="Process{TSink}"/> directly) or behind the rings
/// (<see cref="ExchangePipeline"/>); both give the same events for the same commands.
/// </summary>
/// <remarks>
/// <para>This file is the command loop and the wiring; each step's work lives in its own part (docs/risk.md, "Code
/// layout"). The read-only public surface is in <c>Exchange.Readings.cs</c>.</para>
/// <para><b>Order of work for one command</b> (every event carries the command's sequence and timestamp):</para>
/// <list type="number">
/// <item><b>Clock</b> (<see cref="MarketClock"/>). The clock moves to the command's time (never back): the funding
/// premium integrates, a circuit-breaker pause that ended resumes trading, due funding settlements run, the
/// dynamic-margin multiplier updates, the mark's EMAs advance, auctions step, and parked liquidation work that is due
/// joins the liquidation queue. The queue runs (step 4).</item>
/// <item><b>Apply.</b> Risk checks the command (a refusal is one <see cref="ExchangeEventType.RiskRejected"/> event and
/// nothing else); an order goes through the <see cref="OrderGate"/> to the engine, whose events are applied to the
/// <see cref="AccountBook"/> (fills, fees, reservations) as they come.</item>
/// <item><b>Detect</b> (<see cref="MarketWatch"/>). On a clocked mark (the default) the mark is published only by the
/// clock (step 1), once per interval; otherwise it is recomputed here. The threshold indexes yield every account
/// breached at the mark, most severe first (longs: highest liquidation price; then shorts: lowest; then lending
/// positions), and each joins the back of the liquidation queue stamped with the trigger mark, margin ratio, command
/// sequence, cause and parent.</item>
/// <item><b>Work the queue</b> (<see cref="LiquidationRunner"/>), first in, first out, at the pace of
/// <see cref="LiquidationEngineOptions"/> (at most so many tickets per clock window, each no sooner than the
/// processing delay after its breach); what is left waits for the next command's clock, so agents act between
/// liquidation orders. Each liquidation cancels the account's orders and runs the design through the
/// <see cref="ILiquidationDesk"/>; every order it sends is matched at once, and accounts its fills breach (their own
/// fills, or — on a continuous mark — the new mark) join the back of the queue with this liquidation as their parent.
/// After each ticket, negative balances of flat accounts are covered by the fund or written off as bad debt, and
/// reduce-only orders that would now increase a position are cancelled.</item>
/// </list>
/// </remarks>
public sealed partial class Exchange
{
    private readonly ExchangeSettings _settings;
    private readonly MatchingEngine _engine;
    private readonly MarginModel _margin;
    private readonly MarketState _market = new();
    private readonly EventStage _stage = new();
    private readonly MarketGuard _guard;
    private readonly BreachDetector _detector;
    private readonly AccountBook _book;
    private readonly OrderGate _orders;
    private readonly AccountCommands _accountCommands;
    private readonly PriceCommands _priceCommands;
    private readonly LendingPool? _pool;
    private readonly LiquidationDesign _design;
    private readonly LiquidationDesk _desk;
    private readonly LiquidationQueue _queue;
    private readonly LiquidationPacer _pacer;
    private readonly LiquidationRunner _runner;
    private readonly MarketWatch _watch;
    private readonly MarketClock _clock;
    private readonly HedgeDesk? _hedge;
    private readonly PredictiveMargin? _predictive;
    private RiskMonitor? _monitor;

    /// <summary>Builds the exchange; everything it needs is allocated here.</summary>
    /// <param name="options">The configuration.</param>
    /// <exception cref="RiskConfigurationException">A setting is invalid (the message names it).</exception>
    public Exchange(ExchangeOptions options)
    {
        _settings = new ExchangeSettings(options);
        var spec = options.Instrument;
        _engine = new MatchingEngine(spec, options.MaxOrders);
        long k = _settings.CashPerTickLot;
        long minPrice = spec.MinPrice.Ticks;
        long maxPrice = spec.MaxPrice.Ticks;
        _margin = new MarginModel(options.Brackets, options.MaintenanceBasis, k, minPrice, maxPrice);
        _design = LiquidationDesigns.Create(options.Liquidation);
        int accounts = options.MaxAccounts;
        _detector = new BreachDetector(accounts, minPrice, maxPrice, _margin);
        int[] systemAccounts = [_settings.FundAccount, _settings.VaultAccount, _settings.LiquidatorAccount, _settings.KeeperAccount];
        _book = new AccountBook(
            accounts,
            options.DefaultLeverage,
            options.DefaultMarginMode,
            systemAccounts,
            _settings.FundAccount,
            k,
            _margin,
            _market,
            _stage,
            _detector,
            _design.Kind,
            _design.CoversDeficitsFromFund);
        _queue = new LiquidationQueue(_market, _settings.ProcessingDelay);
        _pacer = new LiquidationPacer(_settings.PacingInterval, options.LiquidationEngine.MaxPerInterval);
        var markCalculator = new MarkPriceCalculator(options.Mark.Method, _settings.MarkTau, minPrice, maxPrice, _settings.MarkBand);
        var funding = new FundingClock(_settings.FundingInterval, _settings.FundingInterest, _settings.FundingClamp, _settings.FundingCap);
        _guard = new MarketGuard(_settings.PriceBand, _settings.CircuitBreaker, minPrice, maxPrice);
        var dynamicMargin = _settings.DynamicMargin is null ? null : new DynamicMargin(_settings.DynamicMargin);
        if (options.LendingPool is not null)
        {
            _pool = new LendingPool(options.LendingPool, _book, _market, _stage, k, minPrice, maxPrice);
        }

        _orders = new OrderGate(
            _engine, _book, _stage, _margin, _guard, _market, options.MaxOrders, k,
            _settings.TakerFee, _settings.MakerFee, _settings.MaxPositionLots, _settings.MarketBuffer);
        _accountCommands = new AccountCommands(_book, _margin, _market, _stage, k);
        _priceCommands = new PriceCommands(markCalculator, _guard, _market, _stage, minPrice, maxPrice);
        _watch = new MarketWatch(_engine, markCalculator, funding, _guard, _market, _stage, _book, _detector, _pool, _orders, _queue, _settings.MarkPublishInterval);
        var parked = new ParkedWork();
        var adl = new AutoDeleverager(_book, _stage, _margin, _market, _pool, _design.Kind, k);
        _desk = new LiquidationDesk(
            _book, _orders, _stage, _market, _margin, _guard, _watch, adl, parked,
            _design.Kind, k, _settings.MaxPositionLots, _settings.VaultAccount, _settings.KeeperAccount,
            _engine, options.LiquidationEngine.OrderPricing, _settings.FundUnwind, _settings.FundMaxLoss);
        _runner = new LiquidationRunner(_design, _desk, _book, _stage, _market, _guard, _engine, _watch, parked, _pool, _settings.LiquidatorAccount);
        if (_settings.Hedge is not null || _settings.AccountHedges.Count > 0)
        {
            _hedge = new HedgeDesk(_book, _market, _stage, k, _settings.Hedge, _settings.VaultAccount, _settings.AccountHedges);
        }

        if (_settings.PredictiveMargin is { } predictive)
        {
            // The model is read here unless the scenario already read it (relative to its own folder).
            var model = (predictive.Ensemble is null ? predictive.WithModelFrom(Directory.GetCurrentDirectory(), $"{_settings.PredictiveMarginPath}.options") : predictive).Ensemble!;
            _predictive = new PredictiveMargin(predictive, model, k);
            _predictive.Monitor.Bind(_book, _detector, _margin, _market, k);
            _stage.Reader = _predictive.Feed;
        }

        _clock = new MarketClock(
            _settings, _engine, _margin, markCalculator, funding, _guard, dynamicMargin, _predictive,
            _market, _stage, _book, _watch, _design, _desk, parked, _queue);
    }

    /// <summary>Applies one command and emits its events — and those of every liquidation it causes — to <paramref name="sink"/>.</summary>
    /// <typeparam name="TSink">A struct sink, so the call is devirtualized and inlined.</typeparam>
    /// <param name="command">The command.</param>
    /// <param name="sequence">Input sequence, copied into every emitted event.</param>
    /// <param name="sink">Receives the events, in order.</param>
    public void Process<TSink>(in ExchangeCommand command, long sequence, ref TSink sink)
        where TSink : struct, IEventSink<ExchangeEvent>
    {
        _stage.Begin(sequence, command.Timestamp);
        long time = command.Timestamp.Nanoseconds;
        if (time > _market.Now || _market.Now == long.MinValue)
        {
            _clock.Advance(time);
            EndStep();
            RunQueue(ref sink);
        }

        Apply(in command);
        _watch.AfterChange();
        EndStep();
        RunQueue(ref sink);
        LedgerAudit.AssertConserved(_book, PoolCash);
        _monitor?.AfterCommand(sequence);
        _predictive?.AfterCommand(sequence);
        Debug.Assert(_stage.Scope.Id == 0, "no liquidation scope outlives its queue ticket");
    }

    /// <summary>
    /// Attaches the market-wide risk monitor: after the first command at or past each of its interval boundaries it
    /// reads this exchange's positions and threshold indexes into a snapshot (docs/outputs.md, tape/risk_monitor).
    /// Call before the first command, on the thread that builds the exchange; one monitor per exchange.
    /// </summary>
    /// <param name="monitor">The monitor.</param>
    /// <exception cref="InvalidOperationException">A monitor is already attached, or this one is attached elsewhere.</exception>
    public void AttachMonitor(RiskMonitor monitor)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        if (_monitor is not null)
        {
            throw new InvalidOperationException("A risk monitor is already attached to this exchange.");
        }

        monitor.Bind(_book, _detector, _margin, _market, _settings.CashPerTickLot);
        _monitor = monitor;
    }

    /// <summary>Step 2: hands the command to the part that owns it.</summary>
    private void Apply(in ExchangeCommand command)
    {
        switch (command.Type)
        {
            case ExchangeCommandType.Order:
                _orders.Apply(in command);
                break;
            case ExchangeCommandType.Deposit:
                _accountCommands.Deposit(in command);
                break;
            case ExchangeCommandType.Withdraw:
                _accountCommands.Withdraw(in command);
                break;
            case ExchangeCommandType.SetLeverage:
                _accountCommands.SetLeverage(in command);
                break;
            case ExchangeCommandType.SetMarginMode:
                _accountCommands.SetMarginMode(in command);
                break;
            case ExchangeCommandType.AdjustIsolatedMargin:
                _accountCommands.AdjustIsolatedMargin(in command);
                break;
            case ExchangeCommandType.IndexPrice:
                _priceCommands.SetIndex(in command);
                break;
            case ExchangeCommandType.MarkPrice:
                _priceCommands.SetExternalMark(in command);
                break;
            case ExchangeCommandType.Tick:
                break;
            case ExchangeCommandType.SettleFunding:
                _clock.SettleFundingNow();
                break;
            case ExchangeCommandType.SetReferencePrice:
                _priceCommands.SetReference(in command);
                break;
            case ExchangeCommandType.AuctionTake:
                TakeAuction(in command);
                break;
            default:
                if (_pool is null || command.Type > ExchangeCommandType.PoolSetEMode)
                {
                    _stage.Reject(in command, RiskRejectReason.NotEnabled);
                    break;
                }

                _pool.Apply(in command);
                break;
        }
    }

    /// <summary>An agent's bid in a running auction: checked here, priced and transferred by the design.</summary>
    private void TakeAuction(in ExchangeCommand command)
    {
        if (!_book.TryResolve(in command, allowSystem: false, out int account))
        {
            return;
        }

        if (command.Amount <= 0 || command.Amount > _settings.MaxPositionLots)
        {
            _stage.Reject(in command, RiskRejectReason.InvalidAmount);
            return;
        }

        var reason = _design.Take(_desk, account, command.Target, command.Amount, command.Price.Ticks);
        if (reason != RiskRejectReason.None)
        {
            _stage.Reject(in command, reason);
        }
    }

    /// <summary>
    /// Step 4: hands staged events to the sink, then works the liquidation queue one ticket at a time, flushing after
    /// each, while the head is due and the pacer allows; what is left waits for a later command's clock.
    /// </summary>
    private void RunQueue<TSink>(ref TSink sink)
        where TSink : struct, IEventSink<ExchangeEvent>
    {
        _stage.Flush(ref sink);
        while (_queue.HeadIsDue(_market.Now) && _pacer.TryTake(_market.Now) && _queue.TryDequeue(out var ticket))
        {
            _runner.Run(in ticket);
            EndStep();
            _stage.Scope = LiquidationScope.None;
            _stage.Flush(ref sink);
        }
    }

    /// <summary>Closes a step: the fund's and vault's hedges settled and re-sized, deficits settled, reduce-only orders enforced, change marks cleared.</summary>
    private void EndStep()
    {
        _hedge?.Rebalance();
        _book.SettleDeficits();
        if (_orders.EnforceReduceOnly())
        {
            _watch.AfterChange();
            _book.SettleDeficits();
        }

        _book.ClearTouched();
    }
}
