using Microstructure.Agents.Market;

namespace Microstructure.Agents.Families;

/// <summary>
/// A hedger (<see cref="HedgerOptions"/>): a short perpetual against a notional long in the index held elsewhere. It
/// sells the short in slices from its entry time, then holds it, topping up its margin or buying part of it back when
/// its margin ratio gets high.
/// </summary>
internal sealed class Hedger : Agent
{
    private const double Nanos = 1e9;
    private const double MarginHeadroom = 1.25;
    private const int MakeUpFactor = 4;
    private readonly HedgerOptions _options;
    private readonly long _capital;
    private long _reserve;
    private HedgerPhase _phase = HedgerPhase.Waiting;
    private long _targetLots;
    private int _slicesSent;
    private double _leverage;
    private long _topUpDueAt = long.MaxValue;
    private long _topUpAmount;
    private long _reduceOrder;

    /// <summary>Builds the hedger.</summary>
    /// <param name="setup">Account and random stream.</param>
    /// <param name="options">The population's parameters.</param>
    /// <param name="capital">Cash it deposits at the start (cash units).</param>
    public Hedger(AgentSetup setup, HedgerOptions options, long capital)
        : base(setup)
    {
        _options = options;
        _capital = capital;
        _reserve = (long)Math.Min(capital * options.TopUpReserve, long.MaxValue / 4.0);
    }

    /// <inheritdoc />
    public override AgentKind Kind => AgentKind.Hedger;

    /// <summary>Where the hedger is.</summary>
    public HedgerPhase Phase => _phase;

    /// <summary>Lots of the short it set out to hold (capital × leverage at the first slice's price).</summary>
    public long TargetLots => _targetLots;

    /// <summary>Lots of the index it holds off the exchange (what it sold here, less what it bought back).</summary>
    public long SpotLots { get; private set; }

    /// <summary>Top-ups sent.</summary>
    public int TopUps { get; private set; }

    /// <summary>Buy-backs sent.</summary>
    public int Reductions { get; private set; }

    /// <summary>Whether a liquidation closed the whole short (the hedge is gone; the long elsewhere is naked).</summary>
    public bool Squeezed { get; private set; }

    /// <summary>The margin ratio at the last check (maintenance margin / equity; ∞ with no equity).</summary>
    public double LastMarginRatio { get; private set; }

    /// <inheritdoc />
    public override void Start(IAgentContext context)
    {
        Deposit(context, _capital);
        long entry = (long)(Random.NextUniform(_options.EntryStartSeconds, _options.EntryEndSeconds) * Nanos);
        context.WakeAt(Math.Max(context.Now, entry));
    }

    /// <inheritdoc />
    public override void OnWake(IAgentContext context)
    {
        switch (_phase)
        {
            case HedgerPhase.Waiting:
                Begin(context);
                break;
            case HedgerPhase.Entering:
                SendSlice(context);
                break;
            case HedgerPhase.Holding:
                Check(context);
                break;
        }
    }

    /// <summary>Margin ratio of the position marked at <paramref name="mark"/>: maintenance / equity (∞ without equity).</summary>
    internal double MarginRatio(MarketRules rules, long mark)
    {
        long position = Account.Position;
        if (position == 0)
        {
            return 0;
        }

        double equity = Equity(rules, mark);
        long maintenance = rules.Brackets.Maintenance(rules.Notional(position, mark));
        return equity > 0 ? maintenance / equity : double.PositiveInfinity;
    }

    /// <summary>
    /// Equity marked at <paramref name="mark"/>: the account's cash (which holds what the short was sold for) plus the
    /// position valued at the mark (negative for a short).
    /// </summary>
    private double Equity(MarketRules rules, long mark) => Account.Cash + ((double)Account.Position * mark * rules.CashPerTickLot);

    /// <inheritdoc />
    protected override void OnEvent(IAgentContext context, in ExchangeEvent e)
    {
        if (e.Engine.AccountId != AccountId && e.Engine.MakerAccountId != AccountId && e.CounterpartyAccountId != AccountId)
        {
            return;
        }

        if (e.Type == ExchangeEventType.Trade && e.Engine.AccountId == AccountId && e.Engine.OrderId.Value > 0)
        {
            // Its own orders only: a liquidation's buys take the hedge away but leave the long elsewhere (now naked).
            long lots = e.Engine.Quantity.Lots;
            if (e.Engine.Side == Side.Sell)
            {
                SpotLots += lots; // the long elsewhere it hedges
            }
            else
            {
                SpotLots = Math.Max(0, SpotLots - lots); // bought back here: sells as much of the long elsewhere
            }
        }

        if (e.Type == ExchangeEventType.LiquidationFinished && e.Engine.AccountId == AccountId && e.PositionLots == 0 && _phase == HedgerPhase.Holding)
        {
            Squeezed = true;
            _phase = HedgerPhase.Retired;
        }
    }

    private void Begin(IAgentContext context)
    {
        long price = context.Market.SellPrice;
        if (price <= 0)
        {
            context.WakeAt(context.Now + (long)Nanos);
            return;
        }

        var rules = context.Rules;
        _leverage = _options.Leverage.Sample(Random);
        _targetLots = rules.LotsFor(_capital * _leverage, price);
        if (_targetLots < 1)
        {
            _phase = HedgerPhase.Retired;
            return;
        }

        long notional = rules.Notional(_targetLots, price);
        long exchangeLeverage = Math.Clamp((long)Math.Ceiling(_leverage * MarginHeadroom), 1, rules.MaxLeverage(notional));
        SendAccountCommand(context, ExchangeCommandType.SetLeverage, exchangeLeverage);
        _phase = HedgerPhase.Entering;
        SendSlice(context);
    }

    private void SendSlice(IAgentContext context)
    {
        // Each slice sells its share of the target, or what is still missing once the planned slices are out (a thin
        // book fills a market sell only in part); at most MakeUpFactor × entrySlices slices in all.
        int slices = _options.EntrySlices;
        long missing = _targetLots + Math.Min(0, Account.Position);
        long share = (_targetLots / slices) + (_slicesSent < _targetLots % slices ? 1 : 0);
        long lots = _slicesSent < slices ? Math.Min(share, missing) : missing;
        _slicesSent++;
        if (lots > 0)
        {
            PlaceMarket(context, Side.Sell, lots);
        }

        if (_slicesSent < slices || (lots > 0 && _slicesSent < slices * MakeUpFactor))
        {
            context.WakeAt(context.Now + (long)(_options.SliceIntervalSeconds * Nanos));
            return;
        }

        _phase = HedgerPhase.Holding;
        context.WakeAt(context.Now + (long)(_options.CheckIntervalSeconds * Nanos));
    }

    private void Check(IAgentContext context)
    {
        long now = context.Now;
        context.WakeAt(now + (long)(_options.CheckIntervalSeconds * Nanos));
        if (now >= _topUpDueAt)
        {
            Deposit(context, _topUpAmount); // the transfer arrived
            _topUpDueAt = long.MaxValue;
            _topUpAmount = 0;
        }

        if (Account.InLiquidation || Account.Position >= 0)
        {
            return;
        }

        var market = context.Market;
        long mark = market.MarkPrice > 0 ? market.MarkPrice : market.ReferencePrice;
        if (mark <= 0)
        {
            return;
        }

        var rules = context.Rules;
        double ratio = MarginRatio(rules, mark);
        LastMarginRatio = ratio;
        if (ratio >= _options.TopUpMarginRatio && _topUpDueAt == long.MaxValue && _reserve > 0)
        {
            RequestTopUp(context, rules, mark);
        }

        if (ratio >= _options.ReduceMarginRatio && !Account.TryGetOrder(_reduceOrder, out _))
        {
            long lots = Math.Max(1, (long)Math.Round(-Account.Position * _options.ReduceFraction, MidpointRounding.AwayFromZero));
            _reduceOrder = PlaceMarket(context, Side.Buy, Math.Min(lots, -Account.Position), OrderFlags.ReduceOnly);
            Reductions++;
        }
    }

    /// <summary>Asks for enough collateral to bring the effective leverage back to the entry leverage (as much as the reserve allows).</summary>
    private void RequestTopUp(IAgentContext context, MarketRules rules, long mark)
    {
        double wanted = (rules.Notional(Account.Position, mark) / _leverage) - Equity(rules, mark);
        long amount = (long)Math.Min(Math.Max(wanted, 0), _reserve);
        if (amount <= 0)
        {
            return;
        }

        _reserve -= amount;
        TopUps++;
        if (_options.TopUpDelaySeconds <= 0)
        {
            Deposit(context, amount);
            return;
        }

        _topUpAmount = amount;
        _topUpDueAt = context.Now + (long)(_options.TopUpDelaySeconds * Nanos);
    }
}
