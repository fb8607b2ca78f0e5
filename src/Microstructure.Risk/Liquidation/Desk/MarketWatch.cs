using Microstructure.Engine.Matching;
using Microstructure.Risk.Detection;
using Microstructure.Risk.Ledger;
using Microstructure.Risk.Lending;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Staging;

namespace Microstructure.Risk.Liquidation.Desk;

/// <summary>
/// What follows anything that may have moved the book or an account: the circuit breaker checks the move, and every
/// account breached at the mark joins the back of the liquidation queue, stamped with the trigger mark, the cause and
/// the parent liquidation. This is the loop's "detect" step, and also what runs after each liquidation order.
/// </summary>
/// <remarks>
/// <para><b>Clocked mark</b> (<see cref="MarkPriceOptions.PublishIntervalSeconds"/> &gt; 0, the default): the mark is
/// recomputed only at publications — the first clock advance at or after each multiple of the interval — so a fill
/// moves the mark at the next publication, not at once; between publications detection finds only accounts whose own
/// change (a fill, a withdrawal, funding) breached them at the published mark. A publication's breaches have as parent
/// the liquidation whose own orders last traded on the book within <see cref="AttributionWindowIntervals"/> publication
/// intervals before it (10 s by default; the fund's, vault's and keeper's later resales do not count), because its
/// fills moved the prices the mark is computed from (the book term
/// at once, the index through its book weight a lag later); none in that window: no parent (a root, caused by the
/// market or a shock). A longer window (the basis EMA's memory) would make the shock's own breaches children of
/// whatever liquidation happened to trade minutes before it. <b>Continuous mark</b> (interval 0): the mark is recomputed after every change,
/// and the parent is the liquidation whose fill moved it.</para>
/// </remarks>
internal sealed class MarketWatch(
    MatchingEngine engine,
    MarkPriceCalculator markCalculator,
    FundingClock funding,
    MarketGuard guard,
    MarketState market,
    EventStage stage,
    AccountBook book,
    BreachDetector detector,
    LendingPool? pool,
    OrderGate gate,
    LiquidationQueue queue,
    long publishInterval)
{
    /// <summary>The window (in publication intervals) in which a liquidation's fills count as the cause of a publication's breaches.</summary>
    public const int AttributionWindowIntervals = 10;

    private readonly bool _clocked = publishInterval > 0 && markCalculator.Method != MarkPriceMethod.External;
    private long _markAtDetection;
    private long _markMover;
    private long _nextPublication = long.MinValue;
    private long _lastMover;
    private long _lastMoverTime = long.MinValue;

    /// <summary>Whether the mark is published on a clock (else recomputed after every change).</summary>
    public bool Clocked => _clocked;

    /// <summary>
    /// The clock moved to <paramref name="now"/>: on a clocked mark, publishes it if a publication is due (its breaches
    /// are attributed to the liquidation that last traded within the window); then the change step.
    /// </summary>
    public void OnClock(long now)
    {
        if (_clocked && now >= _nextPublication)
        {
            Publish(now);
        }

        AfterChange();
    }

    /// <summary>Mark refresh (continuous mark only), circuit-breaker check, detection.</summary>
    public void AfterChange()
    {
        if (!_clocked)
        {
            RefreshMark(stage.Scope.Id);
        }
        else if (market.Mark == 0)
        {
            // Nothing has priced the contract yet: the first price is published at once, not a second later.
            Publish(market.Now);
        }

        bool traded = gate.ConsumeTraded();
        if (traded && stage.Scope.Id != 0 && stage.Scope.Trigger != LiquidationScope.OwnTrigger)
        {
            // Only a liquidation's own orders count as its price impact; the fund's, the vault's and the keeper's later
            // resales (time-driven work) do not make every breach of the next minutes its child.
            _lastMover = stage.Scope.Id;
            _lastMoverTime = market.Now;
        }

        if ((traded || guard.HasBreaker) && guard.CheckLimit(traded ? engine.LastTradePrice.Ticks : 0, market.Mark, market.Now))
        {
            ref var e = ref stage.Emit(ExchangeEventType.TradingHalted);
            e.Amount = guard.HaltedUntil;
            e.Rate = guard.CurrentLimit;
            e.Engine.Price = engine.LastTradePrice;
            e.MarkPrice = new Price(market.Mark);
            e.LiquidationId = stage.Scope.Id;
        }

        Detect();
    }

    /// <summary>
    /// Pops every account breached at the current mark from the indexes — longs (highest threshold first), then shorts
    /// (lowest first), then lending positions — and queues each, stamped with the cause and parent. O(1) when none is.
    /// </summary>
    public void Detect()
    {
        long mark = market.Mark;
        if (mark <= 0)
        {
            return;
        }

        int account;
        while ((account = detector.PopBreached(mark)) >= 0)
        {
            Enqueue(account, TicketKind.Breach);
        }

        if (pool is not null)
        {
            long oracle = pool.OraclePrice;
            while (oracle > 0 && (account = pool.PopLiquidatable(oracle)) >= 0)
            {
                Enqueue(account, TicketKind.PoolBreach);
            }
        }

        _markAtDetection = mark;
    }

    private void Publish(long now)
    {
        long window = publishInterval * AttributionWindowIntervals;
        long mover = _lastMoverTime != long.MinValue && now - _lastMoverTime <= window ? _lastMover : 0;
        RefreshMark(mover);
        _markMover = mover; // also when the mark did not change: a later breach at it must not inherit an older mover
        _nextPublication = ((now / publishInterval) + 1) * publishInterval;
    }

    private void RefreshMark(long mover)
    {
        long basis = markCalculator.Method is MarkPriceMethod.FairPrice or MarkPriceMethod.IndexAnchored ? funding.FairBasis(market.Now) : 0;
        long mark = markCalculator.Compute(engine.BestBid.Ticks, engine.BestAsk.Ticks, engine.LastTradePrice.Ticks, market.Index, basis);
        if (mark == market.Mark)
        {
            return;
        }

        ref var e = ref stage.Emit(ExchangeEventType.MarkPrice);
        e.Engine.Price = new Price(market.Mark);
        e.MarkPrice = new Price(mark);
        e.LiquidationId = mover;
        market.Mark = mark;
        _markMover = mover;
    }

    /// <summary>
    /// Queues a breached account. The cause is the account's own change in this step if it changed (its parent the
    /// liquidation during which it changed), else the mark move (its parent the liquidation whose fills last moved it).
    /// </summary>
    private void Enqueue(int account, TicketKind kind)
    {
        ref var a = ref book[account];
        a.Flags |= kind == TicketKind.PoolBreach ? AccountFlags.PoolQueued : AccountFlags.Queued;
        bool changedThisStep = (a.Flags & AccountFlags.Touched) != 0;
        var cause = kind == TicketKind.PoolBreach ? LiquidationCause.HealthFactor
            : changedThisStep ? a.LastChange : LiquidationCause.MarkMove;
        var ticket = new LiquidationTicket
        {
            Account = account,
            Kind = kind,
            Cause = cause,
            TriggerSequence = stage.Sequence,
            TriggerMark = market.Mark,
            MarkBefore = _markAtDetection,
            Parent = changedThisStep && kind != TicketKind.PoolBreach ? a.LastChangeLiquidation : _markMover,
        };
        queue.Enqueue(ticket);
    }
}
