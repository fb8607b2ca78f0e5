using Microstructure.Risk.Accounts;
using Microstructure.Risk.Margin;

namespace Microstructure.Risk.Processing;

/// <content>Mark refresh, breach detection from the threshold indexes, and the liquidation queue's tickets.</content>
public sealed partial class Exchange
{
    /// <summary>After anything that may move the book or accounts: mark refresh, circuit-breaker check, detection.</summary>
    private void AfterChange()
    {
        RefreshMark();
        if ((_traded || _guard.HasBreaker) && _guard.CheckLimit(_traded ? _engine.LastTradePrice.Ticks : 0, _mark, _now))
        {
            ref var e = ref Emit(ExchangeEventType.TradingHalted);
            e.Amount = _guard.HaltedUntil;
            e.Rate = _guard.CurrentLimit;
            e.Price = _engine.LastTradePrice;
            e.MarkPrice = new Price(_mark);
            e.LiquidationId = _activeLiquidation;
        }

        _traded = false;
        Detect();
    }

    private void RefreshMark()
    {
        long basis = _markCalculator.Method == Pricing.MarkPriceMethod.FairPrice ? _funding.FairBasis(_now) : 0;
        long mark = _markCalculator.Compute(_engine.BestBid.Ticks, _engine.BestAsk.Ticks, _engine.LastTradePrice.Ticks, _index, basis);
        if (mark == _mark)
        {
            return;
        }

        ref var e = ref Emit(ExchangeEventType.MarkPrice);
        e.Price = new Price(_mark);
        e.MarkPrice = new Price(mark);
        e.LiquidationId = _activeLiquidation;
        _mark = mark;
        _markMover = _activeLiquidation;
    }

    /// <summary>
    /// Pops every account breached at the current mark from the indexes — longs (highest threshold first), then shorts
    /// (lowest first), then lending positions — and queues each, stamped with the cause and parent. O(1) when none is.
    /// </summary>
    private void Detect()
    {
        long mark = _mark;
        if (mark <= 0)
        {
            return;
        }

        int account;
        while ((account = _longIndex.PopBreached(mark)) >= 0)
        {
            Enqueue(account, TicketKind.Breach);
        }

        while ((account = _shortIndex.PopBreached(mark)) >= 0)
        {
            Enqueue(account, TicketKind.Breach);
        }

        if (_poolIndex is not null)
        {
            long oracle = PoolOraclePrice;
            while (oracle > 0 && (account = _poolIndex.PopBreached(oracle)) >= 0)
            {
                Enqueue(account, TicketKind.PoolBreach);
            }
        }

        _markAtDetection = mark;
    }

    private void Enqueue(int account, TicketKind kind)
    {
        ref var a = ref _accounts[account];
        a.Flags |= kind == TicketKind.PoolBreach ? AccountFlags.PoolQueued : AccountFlags.Queued;
        bool changedThisStep = (a.Flags & AccountFlags.Touched) != 0;
        var cause = kind == TicketKind.PoolBreach ? LiquidationCause.HealthFactor
            : changedThisStep ? a.LastChange : LiquidationCause.MarkMove;
        var ticket = new LiquidationTicket
        {
            Account = account,
            Kind = kind,
            Cause = cause,
            TriggerSequence = _sequence,
            TriggerMark = _mark,
            MarkBefore = _markAtDetection,
            Parent = changedThisStep && kind != TicketKind.PoolBreach ? a.LastChangeLiquidation : _markMover,
        };
        _queue.Enqueue(in ticket);
    }

    private void RunTicket(in LiquidationTicket ticket)
    {
        switch (ticket.Kind)
        {
            case TicketKind.Breach:
            case TicketKind.Retrigger:
                StartLiquidation(in ticket);
                break;
            case TicketKind.PoolBreach:
                LiquidatePool(in ticket);
                break;
            case TicketKind.Resume:
                _activeLiquidation = ticket.LiquidationId;
                _activeTrigger = ticket.TriggerSequence;
                _design.Resume(this, ticket.Account, ticket.LiquidationId);
                break;
            case TicketKind.VaultUnwind:
                _activeLiquidation = ticket.LiquidationId;
                _activeTrigger = -1;
                UnwindVault(ticket.LiquidationId);
                break;
            case TicketKind.PoolUnwind:
                _activeLiquidation = ticket.LiquidationId;
                _activeTrigger = ticket.TriggerSequence;
                SellPoolCollateral(ticket.LiquidationId, ticket.Lots, ticket.TriggerSequence);
                break;
        }
    }

    /// <summary>How many liquidations of one account one command may start before the account is parked.</summary>
    private const int MaxLiquidationsPerCommand = 16;

    private void StartLiquidation(in LiquidationTicket ticket)
    {
        int account = ticket.Account;
        ref var a = ref _accounts[account];
        a.Flags &= ~(AccountFlags.Queued | AccountFlags.InLiquidation);
        if (!IsBreached(account))
        {
            Reindex(account);
            return;
        }

        if (_guard.IsHalted(_now))
        {
            // No liquidation trades while trading is paused: check again when the pause ends.
            a.Flags |= AccountFlags.InLiquidation;
            var retry = ticket;
            retry.Kind = TicketKind.Retrigger;
            retry.Cause = LiquidationCause.Resumed;
            _parked.Add(in retry, _guard.HaltedUntil);
            ref var d = ref EmitLiquidation(ExchangeEventType.LiquidationDeferred, account, 0);
            d.Amount = _guard.HaltedUntil;
            return;
        }

        if (a.LiquidationSequence == _sequence && ++a.LiquidationsInSequence > MaxLiquidationsPerCommand)
        {
            // A design that cannot bring this account back within one command must not spin: try again a second later.
            Park(account, _now + 1_000_000_000, a.LiquidationId);
            return;
        }

        if (a.LiquidationSequence != _sequence)
        {
            a.LiquidationSequence = _sequence;
            a.LiquidationsInSequence = 1;
        }

        long id = ++_liquidationCounter;
        _activeLiquidation = id;
        _activeTrigger = ticket.TriggerSequence;
        a.LiquidationId = id;
        a.TriggerSequence = ticket.TriggerSequence;
        a.LiquidationStartLots = Math.Abs(a.Lots);
        a.Flags |= AccountFlags.InLiquidation;
        ref var e = ref EmitLiquidation(ExchangeEventType.LiquidationTriggered, account, id);
        e.Cause = ticket.Cause;
        e.ParentLiquidationId = ticket.Parent;
        e.TriggerSequence = ticket.TriggerSequence;
        e.Price = new Price(ticket.MarkBefore);
        e.Quantity = new Quantity(Math.Abs(a.Lots));
        e.Side = a.Lots > 0 ? Side.Sell : Side.Buy;
        _design.Start(this, account, id);
    }

    /// <summary>True when the account's position is at or below maintenance margin at the current mark.</summary>
    internal bool IsBreached(int account)
    {
        ref var a = ref _accounts[account];
        return _mark > 0 && _margin.IsBreached(a.MarginCash, a.Lots, a.CostBasis, _mark);
    }

    /// <summary>Ends a liquidation (or one step of it): the account leaves liquidation and is re-keyed.</summary>
    internal void FinishLiquidation(int account, long liquidationId)
    {
        ref var a = ref _accounts[account];
        a.Flags &= ~AccountFlags.InLiquidation;
        EmitLiquidation(ExchangeEventType.LiquidationFinished, account, liquidationId);
        Reindex(account);
        Detect();
    }

    /// <summary>Parks a liquidation until <paramref name="due"/> (ns); the account stays in liquidation meanwhile.</summary>
    internal void Park(int account, long due, long liquidationId)
    {
        ref var a = ref _accounts[account];
        a.Flags |= AccountFlags.InLiquidation;
        Reindex(account);
        var ticket = new LiquidationTicket
        {
            Account = account,
            Kind = TicketKind.Resume,
            Cause = LiquidationCause.Resumed,
            TriggerSequence = a.TriggerSequence,
            TriggerMark = _mark,
            LiquidationId = liquidationId,
        };
        _parked.Add(in ticket, due);
        ref var e = ref EmitLiquidation(ExchangeEventType.LiquidationDeferred, account, liquidationId);
        e.Amount = due;
    }

    /// <summary>Equity of the account's position ledger at the mark.</summary>
    internal long EquityOf(int account)
    {
        ref var a = ref _accounts[account];
        return _margin.Equity(a.MarginCash, a.Lots, _mark);
    }

    /// <summary>Maintenance margin of the account's position at the mark.</summary>
    internal long MaintenanceOf(int account)
    {
        ref var a = ref _accounts[account];
        return _margin.Maintenance(a.Lots, a.CostBasis, _mark);
    }

    /// <summary>Notional of the account's position at the mark.</summary>
    internal long NotionalOf(int account) => _margin.Notional(_accounts[account].Lots, _mark);

    /// <summary>The account's signed position in lots.</summary>
    internal long LotsOf(int account) => _accounts[account].Lots;

    /// <summary>The settled cash of the account's position ledger.</summary>
    internal long CashOf(int account) => _accounts[account].MarginCash;

    /// <summary>Position size when the account's ongoing liquidation started.</summary>
    internal long StartLotsOf(int account) => _accounts[account].LiquidationStartLots;

    internal long Mark => _mark;

    /// <summary>The liquidation that events and account changes are attributed to right now (designs set it for time-driven work).</summary>
    internal long ActiveLiquidation
    {
        get => _activeLiquidation;
        set
        {
            _activeLiquidation = value;
            _activeTrigger = -1; // time-driven work: the account's own trigger sequence applies
        }
    }

    internal long Clock => _now;

    internal MarginModel Margin => _margin;

    internal int FundAccount => _settings.FundAccount;

    internal int VaultAccount => _settings.VaultAccount;

    internal int KeeperAccount => _settings.KeeperAccount;

    internal bool Halted => _guard.IsHalted(_now);

    internal long HaltedUntil => _guard.HaltedUntil;
}
