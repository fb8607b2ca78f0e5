namespace Microstructure.Agents.Families;

/// <summary>A trend follower (<see cref="MomentumTraderOptions"/>).</summary>
internal sealed class MomentumTrader : Agent
{
    private readonly MomentumTraderOptions _options;
    private readonly long _capital;
    private double _fast;
    private double _slow;
    private long _lastSample = long.MinValue;

    /// <summary>Builds the trader.</summary>
    /// <param name="setup">Account and random stream.</param>
    /// <param name="options">The population's parameters.</param>
    /// <param name="capital">Cash it deposits at the start (cash units).</param>
    public MomentumTrader(AgentSetup setup, MomentumTraderOptions options, long capital)
        : base(setup)
    {
        _options = options;
        _capital = capital;
    }

    /// <inheritdoc />
    public override AgentKind Kind => AgentKind.Momentum;

    /// <summary>The last signal ln(fast / slow) computed (0 before two samples).</summary>
    public double Signal { get; private set; }

    /// <summary>Orders sent so far.</summary>
    public long Orders { get; private set; }

    /// <inheritdoc />
    public override void Start(IAgentContext context)
    {
        Deposit(context, _capital);
        SendAccountCommand(context, ExchangeCommandType.SetLeverage, _options.Leverage);
        context.WakeAt(context.Now + Random.NextWaitNanos(_options.Rate));
    }

    /// <inheritdoc />
    public override void OnWake(IAgentContext context)
    {
        long now = context.Now;
        context.WakeAt(now + Random.NextWaitNanos(_options.Rate));
        var market = context.Market;
        if (!market.HasQuotes)
        {
            return;
        }

        double logMid = Math.Log(market.Mid);
        if (_lastSample == long.MinValue)
        {
            _fast = _slow = logMid;
            _lastSample = market.TimeNs;
            return;
        }

        double dt = Math.Max(0, (market.TimeNs - _lastSample) / 1e9);
        _lastSample = market.TimeNs;
        _fast += (logMid - _fast) * (1 - Math.Exp(-dt / _options.FastSeconds));
        _slow += (logMid - _slow) * (1 - Math.Exp(-dt / _options.SlowSeconds));
        Signal = _fast - _slow;
        if (Math.Abs(Signal) <= _options.Threshold || Account.InLiquidation)
        {
            return;
        }

        var side = Signal > 0 ? Side.Buy : Side.Sell;
        long room = side == Side.Buy ? _options.MaxPosition - Account.Position : _options.MaxPosition + Account.Position;
        long lots = Math.Min(room, Math.Max(1, _options.OrderSize.SampleWhole(Random)));
        if (lots > 0)
        {
            PlaceMarket(context, side, lots);
            Orders++;
        }
    }
}
