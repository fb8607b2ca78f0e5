namespace Microstructure.Agents.Families;

/// <summary>
/// A leveraged position taker (<see cref="LeveragedTraderOptions"/>). Its rounds: open at a drawn leverage (market
/// order, then a reduce-only stop if this round has one) → hold until liquidated, stopped or its holding time ends →
/// cool down → re-lever with what is left (plus maybe a top-up) → …
/// </summary>
internal sealed class LeveragedTrader : Agent
{
    private const int MaxEntryAttempts = 3;
    private const double MarginHeadroom = 1.25;
    private readonly LeveragedTraderOptions _options;
    private readonly long _capital;
    private LeveragedPhase _phase = LeveragedPhase.Waiting;
    private long _entryOrder;
    private long _entryLots;
    private Side _entrySide;
    private int _entryAttempts;
    private long _fillLots;
    private long _fillValue;
    private long _stopOrder;
    private double _stopDistance;
    private long _leverageSet;
    private bool _afterLiquidation;

    /// <summary>Builds the trader.</summary>
    /// <param name="setup">Account and random stream.</param>
    /// <param name="options">The population's parameters.</param>
    /// <param name="capital">Cash it deposits at the start (cash units).</param>
    public LeveragedTrader(AgentSetup setup, LeveragedTraderOptions options, long capital)
        : base(setup)
    {
        _options = options;
        _capital = capital;
    }

    /// <inheritdoc />
    public override AgentKind Kind => AgentKind.Leveraged;

    /// <summary>Where the trader is in its round.</summary>
    public LeveragedPhase Phase => _phase;

    /// <summary>Positions opened so far.</summary>
    public int Rounds { get; private set; }

    /// <summary>Positions opened again after a liquidation (the recursive part).</summary>
    public int ReLeversAfterLiquidation { get; private set; }

    /// <summary>Times its stop closed the position.</summary>
    public int StopsHit { get; private set; }

    /// <summary>Effective leverage of the current (or last) position.</summary>
    public double CurrentLeverage { get; private set; }

    /// <summary>When the trader last became flat (liquidation finish, stop or exit delivered; ns).</summary>
    public long LastFlatAt { get; private set; } = long.MinValue;

    /// <summary>When the last position was opened (order sent, ns).</summary>
    public long LastOpenAt { get; private set; } = long.MinValue;

    /// <inheritdoc />
    public override void Start(IAgentContext context)
    {
        Deposit(context, _capital);
        long entry = (long)(Random.NextUniform(_options.EntryStartSeconds, _options.EntryEndSeconds) * 1e9);
        context.WakeAt(Math.Max(context.Now, entry));
    }

    /// <inheritdoc />
    public override void OnWake(IAgentContext context)
    {
        switch (_phase)
        {
            case LeveragedPhase.Waiting or LeveragedPhase.CoolingDown:
                Open(context);
                break;
            case LeveragedPhase.Open when !Account.InLiquidation && Account.Position != 0:
                Close(context);
                break;
        }
    }

    /// <inheritdoc />
    protected override void OnEvent(IAgentContext context, in ExchangeEvent e)
    {
        if (e.Engine.AccountId != AccountId && e.Engine.MakerAccountId != AccountId && e.CounterpartyAccountId != AccountId)
        {
            return;
        }

        switch (_phase)
        {
            case LeveragedPhase.Opening:
                OnOpeningEvent(context, in e);
                break;
            case LeveragedPhase.Open or LeveragedPhase.Closing:
                OnOpenEvent(context, in e);
                break;
        }
    }

    private void Open(IAgentContext context)
    {
        bool reLever = _phase == LeveragedPhase.CoolingDown;
        if (reLever && Random.NextBool(_options.TopUpProbability))
        {
            Deposit(context, (long)(_capital * _options.TopUpFraction));
        }

        long equity = Account.Cash;
        if (equity < _options.MinEquity * FixedPoint.CashScale)
        {
            _phase = LeveragedPhase.Retired;
            return;
        }

        var market = context.Market;
        _entrySide = Random.NextBool(_options.LongProbability) ? Side.Buy : Side.Sell;
        long price = _entrySide == Side.Buy ? market.BuyPrice : market.SellPrice;
        if (price <= 0)
        {
            context.WakeAt(context.Now + 1_000_000_000);
            return;
        }

        var rules = context.Rules;
        double leverage = _options.Leverage.Sample(Random);
        double maxLeverage = rules.MaxLeverage((long)Math.Min(equity * leverage, long.MaxValue / 2.0)) / MarginHeadroom;
        leverage = Math.Max(1, Math.Min(leverage, maxLeverage));
        long lots = rules.LotsFor(equity * leverage, price);
        if (lots < 1)
        {
            _phase = LeveragedPhase.Retired;
            return;
        }

        long exchangeLeverage = Math.Clamp((long)Math.Ceiling(leverage * MarginHeadroom), 1, rules.MaxLeverage(rules.Notional(lots, price)));
        if (exchangeLeverage != _leverageSet)
        {
            SendAccountCommand(context, ExchangeCommandType.SetLeverage, exchangeLeverage);
            _leverageSet = exchangeLeverage;
        }

        CurrentLeverage = leverage;
        _stopDistance = Random.NextBool(_options.StopProbability) ? _options.StopDistance.Sample(Random) : 0;
        _entryAttempts = 0;
        _fillLots = 0;
        _fillValue = 0;
        Rounds++;
        if (reLever && _afterLiquidation)
        {
            ReLeversAfterLiquidation++;
        }

        _afterLiquidation = false;

        LastOpenAt = context.Now;
        SendEntry(context, lots);
    }

    private void SendEntry(IAgentContext context, long lots)
    {
        _entryLots = lots;
        _entryOrder = PlaceMarket(context, _entrySide, lots);
        _phase = LeveragedPhase.Opening;
    }

    private void OnOpeningEvent(IAgentContext context, in ExchangeEvent e)
    {
        if (e.Type == ExchangeEventType.Trade && e.Engine.AccountId == AccountId && e.Engine.OrderId.Value == _entryOrder)
        {
            _fillLots += e.Engine.Quantity.Lots;
            _fillValue += e.Engine.Quantity.Lots * e.Engine.Price.Ticks;
        }

        if (e.Type == ExchangeEventType.RiskRejected && e.Engine.OrderId.Value == _entryOrder && ++_entryAttempts < MaxEntryAttempts && _entryLots > 1)
        {
            SendEntry(context, _entryLots / 2);
            return;
        }

        if (Account.TryGetOrder(_entryOrder, out _))
        {
            return; // the entry order is still working
        }

        if (Account.Position == 0)
        {
            Flat(context);
            return;
        }

        _phase = LeveragedPhase.Open;
        PlaceStopIfAny(context);
        if (_options.HoldSeconds is { } hold)
        {
            context.WakeAt(context.Now + (long)(hold.Sample(Random) * 1e9));
        }
    }

    private void OnOpenEvent(IAgentContext context, in ExchangeEvent e)
    {
        if (e.Type == ExchangeEventType.Trade && e.Engine.AccountId == AccountId && e.Engine.OrderId.Value == _stopOrder && Account.Position == 0)
        {
            StopsHit++;
        }

        if (e.Type == ExchangeEventType.LiquidationFinished && e.Engine.AccountId == AccountId)
        {
            _afterLiquidation = true;
            if (e.PositionLots != 0)
            {
                PlaceStopIfAny(context); // a partial liquidation cancelled the stop; protect what is left
            }
        }

        if (Account.Position == 0 && !Account.InLiquidation)
        {
            Flat(context);
        }
    }

    private void PlaceStopIfAny(IAgentContext context)
    {
        if (_stopDistance <= 0 || _fillLots <= 0 || Account.Position == 0)
        {
            return;
        }

        double entry = (double)_fillValue / _fillLots;
        bool isLong = Account.Position > 0;
        long stop = isLong ? (long)Math.Floor(entry * (1 - _stopDistance)) : (long)Math.Ceiling(entry * (1 + _stopDistance));
        _stopOrder = PlaceStop(context, isLong ? Side.Sell : Side.Buy, context.Rules.ClampPrice(stop), Math.Abs(Account.Position));
    }

    private void Close(IAgentContext context)
    {
        CancelAll(context);
        long position = Account.Position;
        PlaceMarket(context, position > 0 ? Side.Sell : Side.Buy, Math.Abs(position), OrderFlags.ReduceOnly);
        _phase = LeveragedPhase.Closing;
    }

    private void Flat(IAgentContext context)
    {
        CancelAll(context);
        LastFlatAt = context.Now;
        if (!_options.ReLever || Rounds > _options.MaxReLevers)
        {
            _phase = LeveragedPhase.Retired;
            return;
        }

        _phase = LeveragedPhase.CoolingDown;
        context.WakeAt(context.Now + (long)(_options.CoolDownSeconds.Sample(Random) * 1e9));
    }
}
