namespace Microstructure.Agents.Families;

/// <summary>A value trader (<see cref="FundamentalTraderOptions"/>): buys below the index, sells above it.</summary>
internal sealed class FundamentalTrader : Agent
{
    private readonly FundamentalTraderOptions _options;
    private readonly long _capital;

    /// <summary>Builds the trader.</summary>
    /// <param name="setup">Account and random stream.</param>
    /// <param name="options">The population's parameters.</param>
    /// <param name="capital">Cash it deposits at the start (cash units).</param>
    public FundamentalTrader(AgentSetup setup, FundamentalTraderOptions options, long capital)
        : base(setup)
    {
        _options = options;
        _capital = capital;
    }

    /// <inheritdoc />
    public override AgentKind Kind => AgentKind.Fundamental;

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
        context.WakeAt(context.Now + Random.NextWaitNanos(_options.Rate));
        var market = context.Market;
        if (market.IndexPrice <= 0 || !market.HasQuotes || Account.InLiquidation)
        {
            return;
        }

        double gap = Math.Log(market.IndexPrice / market.Mid);
        if (Math.Abs(gap) <= _options.Threshold)
        {
            return;
        }

        var side = gap > 0 ? Side.Buy : Side.Sell;
        long room = side == Side.Buy ? _options.MaxPosition - Account.Position : _options.MaxPosition + Account.Position;
        double excessPercent = (Math.Abs(gap) - _options.Threshold) * 100;
        long lots = Math.Min(Math.Min(_options.MaxOrder, room), (long)Math.Ceiling(_options.LotsPerPercent * excessPercent));
        if (lots <= 0)
        {
            return;
        }

        // Never pay more than the fundamental value: an IOC limit at the index.
        PlaceLimit(context, side, context.Rules.ClampPrice(market.IndexPrice), lots, TimeInForce.Ioc);
        Orders++;
    }
}
