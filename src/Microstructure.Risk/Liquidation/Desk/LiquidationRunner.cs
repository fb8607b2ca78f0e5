using Microstructure.Engine.Matching;
using Microstructure.Risk.Ledger;
using Microstructure.Risk.Lending;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Staging;

namespace Microstructure.Risk.Liquidation.Desk;

/// <summary>
/// Works one liquidation-queue ticket: starts a liquidation (numbering it and handing it to the design), resumes a
/// parked one, runs a vault unwind slice, or liquidates a lending position and sells the seized collateral. It sets
/// the scope the ticket's work runs in; the exchange loop clears it once the step after the ticket is closed.
/// </summary>
internal sealed class LiquidationRunner
{
    /// <summary>How many liquidations of one account one command may start before the account is parked.</summary>
    private const int MaxLiquidationsPerCommand = 16;

    /// <summary>Until a liquidation that could not converge within one command is tried again (ns).</summary>
    private const long SpinParkNs = 1_000_000_000;

    /// <summary>Between the pool liquidator's attempts to sell collateral the book could not take (ns).</summary>
    private const long PoolUnwindRetryNs = 1_000_000_000;

    private readonly LiquidationDesign _design;
    private readonly LiquidationDesk _desk;
    private readonly AccountBook _book;
    private readonly EventStage _stage;
    private readonly MarketState _market;
    private readonly MarketGuard _guard;
    private readonly MatchingEngine _engine;
    private readonly MarketWatch _watch;
    private readonly ParkedWork _parked;
    private readonly LendingPool? _pool;
    private readonly int _poolLiquidator;
    private long _liquidationCounter;

    /// <summary>Wires the runner.</summary>
    public LiquidationRunner(
        LiquidationDesign design,
        LiquidationDesk desk,
        AccountBook book,
        EventStage stage,
        MarketState market,
        MarketGuard guard,
        MatchingEngine engine,
        MarketWatch watch,
        ParkedWork parked,
        LendingPool? pool,
        int poolLiquidator)
    {
        _design = design;
        _desk = desk;
        _book = book;
        _stage = stage;
        _market = market;
        _guard = guard;
        _engine = engine;
        _watch = watch;
        _parked = parked;
        _pool = pool;
        _poolLiquidator = poolLiquidator;
    }

    /// <summary>Liquidations started so far (ids run 1 … this), perpetual and lending alike.</summary>
    public long LiquidationCount => _liquidationCounter;

    /// <summary>Does what the ticket asks for.</summary>
    public void Run(in LiquidationTicket ticket)
    {
        switch (ticket.Kind)
        {
            case TicketKind.Breach:
            case TicketKind.Retrigger:
                Start(in ticket);
                break;
            case TicketKind.PoolBreach:
                LiquidatePool(in ticket);
                break;
            case TicketKind.Resume:
                _stage.Scope = new LiquidationScope(ticket.LiquidationId, ticket.TriggerSequence);
                _design.Resume(_desk, ticket.Account, _stage.Scope);
                break;
            case TicketKind.VaultUnwind:
                _stage.Scope = LiquidationScope.TimeDriven(ticket.LiquidationId);
                _desk.UnwindVault(ticket.LiquidationId);
                break;
            case TicketKind.FundUnwind:
                _stage.Scope = LiquidationScope.TimeDriven(ticket.LiquidationId);
                _desk.UnwindFund(ticket.LiquidationId);
                break;
            case TicketKind.PoolUnwind:
                _stage.Scope = new LiquidationScope(ticket.LiquidationId, ticket.TriggerSequence);
                SellPoolCollateral(ticket.LiquidationId, ticket.Lots, ticket.TriggerSequence);
                break;
        }
    }

    private void Start(in LiquidationTicket ticket)
    {
        int account = ticket.Account;
        ref var a = ref _book[account];
        a.Flags &= ~(AccountFlags.Queued | AccountFlags.InLiquidation);
        if (!_book.IsBreached(account))
        {
            _book.Reindex(account);
            return;
        }

        if (_guard.IsHalted(_market.Now))
        {
            // No liquidation trades while trading is paused: check again when the pause ends.
            a.Flags |= AccountFlags.InLiquidation;
            var retry = ticket;
            retry.Kind = TicketKind.Retrigger;
            retry.Cause = LiquidationCause.Resumed;
            _parked.Add(in retry, _guard.HaltedUntil);
            ref var d = ref _book.EmitLiquidation(ExchangeEventType.LiquidationDeferred, account, 0);
            d.Amount = _guard.HaltedUntil;
            return;
        }

        if (a.LiquidationSequence == _stage.Sequence && ++a.LiquidationsInSequence > MaxLiquidationsPerCommand)
        {
            // A design that cannot bring this account back within one command must not spin: try again a second later.
            _desk.Park(account, _market.Now + SpinParkNs, a.LiquidationId);
            return;
        }

        if (a.LiquidationSequence != _stage.Sequence)
        {
            a.LiquidationSequence = _stage.Sequence;
            a.LiquidationsInSequence = 1;
        }

        long id = ++_liquidationCounter;
        _stage.Scope = new LiquidationScope(id, ticket.TriggerSequence);
        a.LiquidationId = id;
        a.TriggerSequence = ticket.TriggerSequence;
        a.LiquidationStartLots = Math.Abs(a.Lots);
        a.Flags |= AccountFlags.InLiquidation;
        ref var e = ref _book.EmitLiquidation(ExchangeEventType.LiquidationTriggered, account, id);
        e.Cause = ticket.Cause;
        e.ParentLiquidationId = ticket.Parent;
        e.TriggerSequence = ticket.TriggerSequence;
        e.Engine.Price = new Price(ticket.MarkBefore);
        e.Engine.Quantity = new Quantity(Math.Abs(a.Lots));
        e.Engine.Side = a.Lots > 0 ? Side.Sell : Side.Buy;
        _design.Start(_desk, account, _stage.Scope);
    }

    /// <summary>
    /// Protocol liquidation: the pool plans the seizure (repay, seize with the bonus); if there is one it gets an id,
    /// the pool carries it out, and the pool liquidator sells the seized lots on the book at once.
    /// </summary>
    private void LiquidatePool(in LiquidationTicket ticket)
    {
        var pool = _pool!;
        if (!pool.TryPlanSeizure(ticket.Account, _poolLiquidator, out var plan))
        {
            return;
        }

        long id = ++_liquidationCounter;
        _stage.Scope = new LiquidationScope(id, ticket.TriggerSequence);
        pool.Seize(ticket.Account, _poolLiquidator, in plan, id, ticket.Parent, ticket.TriggerSequence, ticket.MarkBefore);
        if (!pool.SellsOnBook || !SellPoolCollateral(id, plan.Lots, ticket.TriggerSequence))
        {
            _watch.Detect();
        }
    }

    /// <summary>
    /// The pool liquidator sells the <paramref name="lots"/> one liquidation seized, under that liquidation's id and
    /// trigger. What an empty bid side or a halt leaves unsold is parked and offered again every second — each
    /// liquidation its own lots, so fills, levels swept and mids stay with the liquidation that seized them — until it
    /// is sold; no order is sent while there is no bid to take it. Returns whether an order was sent.
    /// </summary>
    private bool SellPoolCollateral(long liquidationId, long lots, long trigger)
    {
        int liquidator = _poolLiquidator;
        lots = Math.Min(lots, _book[liquidator].Lots);
        if (lots <= 0)
        {
            return false;
        }

        bool send = _engine.BestBid.Ticks > 0 && !_guard.IsHalted(_market.Now);
        long filled = send ? _desk.SendLiquidationOrder(liquidator, Side.Sell, lots, 0, fillOrKill: false, liquidationId) : 0;
        long left = Math.Min(lots - filled, _book[liquidator].Lots);
        if (left > 0)
        {
            var retry = new LiquidationTicket
            {
                Account = liquidator,
                Kind = TicketKind.PoolUnwind,
                LiquidationId = liquidationId,
                TriggerSequence = trigger,
                Lots = left,
            };
            _parked.Add(in retry, _market.Now + PoolUnwindRetryNs);
        }

        return send;
    }
}
