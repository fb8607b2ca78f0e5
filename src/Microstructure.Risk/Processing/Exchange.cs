using Microstructure.Engine.Matching;
using Microstructure.Risk.Accounts;
using Microstructure.Risk.Detection;
using Microstructure.Risk.Lending;
using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;

namespace Microstructure.Risk.Processing;

/// <summary>
/// The exchange's business-logic processor: one <see cref="MatchingEngine"/> plus accounts, positions, margin, mark,
/// funding, a lending pool and a pluggable liquidation design, driven one command at a time on one thread. It runs
/// synchronously (a simulation kernel calls <see cref="Process{TSink}"/> directly) or behind the rings
/// (<see cref="ExchangePipeline"/>); both give the same events for the same commands.
/// </summary>
/// <remarks>
/// <para><b>Order of work for one command</b> (every event carries the command's sequence and timestamp):</para>
/// <list type="number">
/// <item><b>Clock.</b> The clock moves to the command's time (never back): the funding premium integrates, a circuit-breaker
/// pause that ended resumes trading, due funding settlements run, the dynamic-margin multiplier updates, the mark's EMAs
/// advance, auctions step, and parked liquidation work that is due joins the liquidation queue. The queue runs (step 4).</item>
/// <item><b>The command.</b> Risk checks it (a refusal is one <see cref="ExchangeEventType.RiskRejected"/> event and nothing
/// else); an order goes to the engine, whose events are applied to accounts (fills, fees, reservations) as they come.</item>
/// <item><b>Mark and detection.</b> The mark is recomputed; the threshold indexes yield every account breached at the new
/// mark, most severe first (longs: highest liquidation price; then shorts: lowest; then lending positions), and each
/// joins the back of the liquidation queue stamped with the trigger mark, margin ratio, command sequence and cause.</item>
/// <item><b>Liquidations, inline.</b> The queue runs first in, first out. Each liquidation cancels the account's orders and
/// runs the design; every order it sends is matched at once, then the mark is recomputed and newly breached accounts join
/// the back of the queue with this liquidation as their parent — so the queue holds the cascade in waves. After each
/// liquidation, negative balances of flat accounts are covered by the fund or written off as bad debt, and reduce-only
/// orders that would now increase a position are cancelled.</item>
/// </list>
/// </remarks>
public sealed partial class Exchange
{
    private readonly ExchangeSettings _settings;
    private readonly MatchingEngine _engine;
    private readonly MarginModel _margin;
    private readonly LiquidationDesign _design;
    private readonly long _k;
    private readonly long _minPrice;
    private readonly long _maxPrice;
    private readonly AccountState[] _accounts;
    private readonly OrderTable _orders;
    private readonly ThresholdIndex _longIndex;
    private readonly ThresholdIndex _shortIndex;
    private readonly ThresholdIndex? _poolIndex;
    private readonly int[] _positions;
    private readonly EventBuffer _events = new();
    private readonly LiquidationQueue _queue = new();
    private readonly ParkedWork _parked = new();
    private readonly IntList _touched = new();
    private readonly IntList _deficits = new();
    private readonly MarkPriceCalculator _markCalculator;
    private readonly FundingClock _funding;
    private readonly MarketGuard _guard;
    private readonly DynamicMargin? _dynamicMargin;
    private readonly LendingPoolSettings? _pool;
    private readonly AdlCandidate[] _adlScratch;
    private int _positionCount;
    private long _sequence;
    private Timestamp _timestamp;
    private long _now = long.MinValue;
    private long _mark;
    private long _index;
    private long _markAtDetection;
    private long _activeLiquidation;
    private long _activeTrigger;
    private long _markMover;
    private long _liquidationCounter;
    private long _generatedOrderId;
    private long _generatedFilled;
    private long _fees;
    private long _badDebtBalance;
    private long _poolBadDebt;
    private long _poolCash;
    private long _netDeposits;
    private long _lastVaultLiquidation;
    private long _vaultUnwindInterval;
    private long _vaultUnwindFraction = FixedPoint.RateScale;
    private bool _traded;
    private OrderFlags _currentOrderFlags;

    /// <summary>Builds the exchange; everything it needs is allocated here.</summary>
    /// <param name="options">The configuration.</param>
    /// <exception cref="RiskConfigurationException">A setting is invalid (the message names it).</exception>
    public Exchange(ExchangeOptions options)
    {
        _settings = new ExchangeSettings(options);
        var spec = options.Instrument;
        _engine = new MatchingEngine(spec, options.MaxOrders);
        _k = _settings.CashPerTickLot;
        _minPrice = spec.MinPrice.Ticks;
        _maxPrice = spec.MaxPrice.Ticks;
        _margin = new MarginModel(options.Brackets, options.MaintenanceBasis, _k, _minPrice, _maxPrice);
        _design = LiquidationDesign.Create(options.Liquidation);
        int n = options.MaxAccounts;
        _accounts = new AccountState[n];
        for (int i = 0; i < n; i++)
        {
            ref var a = ref _accounts[i];
            a.Leverage = options.DefaultLeverage;
            a.Mode = options.DefaultMarginMode;
            a.OrderHead = -1;
            a.PositionSlot = -1;
        }

        foreach (int system in (int[])[_settings.FundAccount, _settings.VaultAccount, _settings.LiquidatorAccount, _settings.KeeperAccount])
        {
            _accounts[system].Flags = AccountFlags.System;
            _accounts[system].Mode = MarginMode.Cross;
        }

        _orders = new OrderTable(options.MaxOrders + 64);
        _longIndex = new ThresholdIndex(n, _minPrice, _maxPrice, breachedAtOrBelow: true);
        _shortIndex = new ThresholdIndex(n, _minPrice, _maxPrice, breachedAtOrBelow: false);
        _positions = new int[n];
        _adlScratch = new AdlCandidate[n];
        _markCalculator = new MarkPriceCalculator(options.Mark.Method, _settings.MarkTau, _minPrice, _maxPrice);
        _funding = new FundingClock(_settings.FundingInterval, _settings.FundingInterest, _settings.FundingClamp, _settings.FundingCap);
        _guard = new MarketGuard(_settings.PriceBand, _settings.CircuitBreaker, _minPrice, _maxPrice);
        if (_settings.DynamicMargin is not null)
        {
            _dynamicMargin = new DynamicMargin(_settings.DynamicMargin);
        }

        if (options.LendingPool is not null)
        {
            _pool = new LendingPoolSettings(options.LendingPool);
            _poolIndex = new ThresholdIndex(n, _minPrice, _maxPrice, breachedAtOrBelow: true);
        }
    }

    /// <summary>The configuration this exchange was built from.</summary>
    public ExchangeOptions Options => _settings.Options;

    /// <summary>The order book. Read it (best prices, L2 snapshots, orders); never drive it directly.</summary>
    public MatchingEngine Engine => _engine;

    /// <summary>Cash units per tick per lot: a fill of q lots at P ticks moves q·P·this cash units.</summary>
    public long CashPerTickLot => _k;

    /// <summary>The current mark price in ticks (0 until something prices the contract).</summary>
    public Price MarkPrice => new(_mark);

    /// <summary>The current index price in ticks (0 until the first index command).</summary>
    public Price IndexPrice => new(_index);

    /// <summary>The clock: the latest command time seen (ns).</summary>
    public long Now => _now;

    /// <summary>The insurance fund's balance (its account's settled cash).</summary>
    public long InsuranceFund => _accounts[_settings.FundAccount].MarginCash;

    /// <summary>Trading fees collected so far (cash units).</summary>
    public long FeesCollected => _fees;

    /// <summary>Losses written off so far (cash units, ≥ 0). In the conservation identity it enters as −BadDebt.</summary>
    public long BadDebt => -_badDebtBalance;

    /// <summary>Lending pool: cash available to borrow.</summary>
    public long PoolCash => _poolCash;

    /// <summary>Lending pool: debt written off because no collateral was left (a loss of the pool's suppliers).</summary>
    public long PoolBadDebt => _poolBadDebt;

    /// <summary>Σ deposits − Σ withdrawals (cash units): what all cash buckets together must add up to.</summary>
    public long NetDeposits => _netDeposits;

    /// <summary>Liquidations started so far (ids run 1 … this).</summary>
    public long LiquidationCount => _liquidationCounter;

    /// <summary>Whether trading is paused by the circuit breaker now.</summary>
    public bool IsHalted => _guard.IsHalted(_now);

    /// <summary>Maintenance multiplier of dynamic margin (rate units; 10⁸ = 1×).</summary>
    public long MarginMultiplier => _margin.Multiplier;

    /// <summary>Number of accounts (ids 0 … this − 1).</summary>
    public int AccountCount => _accounts.Length;

    /// <summary>Insurance fund account id.</summary>
    public long InsuranceFundAccountId => _settings.FundAccount;

    /// <summary>Backstop vault account id.</summary>
    public long VaultAccountId => _settings.VaultAccount;

    /// <summary>Pool liquidator account id.</summary>
    public long PoolLiquidatorAccountId => _settings.LiquidatorAccount;

    /// <summary>Auction keeper account id.</summary>
    public long KeeperAccountId => _settings.KeeperAccount;

    /// <summary>Applies one command and emits its events — and those of every liquidation it causes — to <paramref name="sink"/>.</summary>
    /// <typeparam name="TSink">A struct sink, so the call is devirtualized and inlined.</typeparam>
    /// <param name="command">The command.</param>
    /// <param name="sequence">Input sequence, copied into every emitted event.</param>
    /// <param name="sink">Receives the events, in order.</param>
    public void Process<TSink>(in ExchangeCommand command, long sequence, ref TSink sink)
        where TSink : struct, IEventSink<ExchangeEvent>
    {
        _sequence = sequence;
        _timestamp = command.Timestamp;
        long time = command.Timestamp.Nanoseconds;
        if (time > _now || _now == long.MinValue)
        {
            AdvanceClock(time);
            EndStep();
            RunQueue(ref sink);
        }

        Apply(in command);
        AfterChange();
        EndStep();
        RunQueue(ref sink);
    }

    /// <summary>Hands staged events to the sink, then runs queued liquidation work one item at a time, flushing after each.</summary>
    private void RunQueue<TSink>(ref TSink sink)
        where TSink : struct, IEventSink<ExchangeEvent>
    {
        _events.Flush(ref sink);
        while (_queue.TryDequeue(out var ticket))
        {
            RunTicket(in ticket);
            EndStep();
            _activeLiquidation = 0;
            _events.Flush(ref sink);
        }
    }
}
