using Microstructure.Engine.Matching;
using Microstructure.Risk.Detection;
using Microstructure.Risk.Ledger;
using Microstructure.Risk.Lending;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Staging;

namespace Microstructure.Risk.Liquidation.Desk;

/// <summary>
/// What follows anything that may have moved the book or an account: the mark is re-priced, the circuit breaker
/// checks the move, and every account the new mark breached joins the back of the liquidation queue, stamped with
/// the trigger mark, the cause and the parent liquidation. This is the loop's "detect" step, and also what runs after
/// each liquidation order — so a cascade queues up in waves.
/// </summary>
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
    LiquidationQueue queue)
{
    private long _markAtDetection;
    private long _markMover;

    /// <summary>Mark refresh, circuit-breaker check, detection.</summary>
    public void AfterChange()
    {
        RefreshMark();
        bool traded = gate.ConsumeTraded();
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

    private void RefreshMark()
    {
        long basis = markCalculator.Method == MarkPriceMethod.FairPrice ? funding.FairBasis(market.Now) : 0;
        long mark = markCalculator.Compute(engine.BestBid.Ticks, engine.BestAsk.Ticks, engine.LastTradePrice.Ticks, market.Index, basis);
        if (mark == market.Mark)
        {
            return;
        }

        ref var e = ref stage.Emit(ExchangeEventType.MarkPrice);
        e.Engine.Price = new Price(market.Mark);
        e.MarkPrice = new Price(mark);
        e.LiquidationId = stage.Scope.Id;
        market.Mark = mark;
        _markMover = stage.Scope.Id;
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
        queue.Enqueue(in ticket);
    }
}
