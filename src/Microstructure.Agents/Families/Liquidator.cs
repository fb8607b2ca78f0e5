namespace Microstructure.Agents.Families;

/// <summary>A liquidator/arbitrageur (<see cref="LiquidatorOptions"/>): auction bids and dip buying, then an unwind.</summary>
internal sealed class Liquidator : Agent
{
    private const long Second = 1_000_000_000;
    private readonly LiquidatorOptions _options;
    private readonly long _capital;
    private long _heldSince = long.MinValue;

    /// <summary>Builds the liquidator.</summary>
    /// <param name="setup">Account and random stream.</param>
    /// <param name="options">The population's parameters.</param>
    /// <param name="capital">Cash it deposits at the start (cash units).</param>
    public Liquidator(AgentSetup setup, LiquidatorOptions options, long capital)
        : base(setup)
    {
        _options = options;
        _capital = capital;
    }

    /// <inheritdoc />
    public override AgentKind Kind => AgentKind.Liquidator;

    /// <inheritdoc />
    public override AgentSubscriptions Subscriptions => AgentSubscriptions.Auctions | AgentSubscriptions.Liquidations;

    /// <summary>Auction takes sent so far.</summary>
    public int AuctionBids { get; private set; }

    /// <summary>Dip orders sent so far.</summary>
    public int DipOrders { get; private set; }

    /// <summary>Unwind orders sent so far.</summary>
    public int Unwinds { get; private set; }

    /// <inheritdoc />
    public override void Start(IAgentContext context)
    {
        Deposit(context, _capital);
        SendAccountCommand(context, ExchangeCommandType.SetLeverage, _options.Leverage);
        context.WakeAt(context.Now + Second);
    }

    /// <inheritdoc />
    public override void OnWake(IAgentContext context)
    {
        context.WakeAt(context.Now + Second);
        long position = Account.Position;
        if (position == 0 || Account.InLiquidation || HasWorkingOrder())
        {
            return;
        }

        var market = context.Market;
        bool nearIndex = market.IndexPrice > 0 && market.HasQuotes
            && Math.Abs(Math.Log(market.Mid / market.IndexPrice)) <= _options.ExitDiscount;
        bool heldLongEnough = _heldSince != long.MinValue && context.Now - _heldSince >= (long)(_options.HoldSeconds * Second);
        if (nearIndex || heldLongEnough)
        {
            PlaceMarket(context, position > 0 ? Side.Sell : Side.Buy, Math.Abs(position), OrderFlags.ReduceOnly);
            Unwinds++;
        }
    }

    /// <inheritdoc />
    protected override void OnEvent(IAgentContext context, in ExchangeEvent e)
    {
        switch (e.Type)
        {
            case ExchangeEventType.AuctionStarted or ExchangeEventType.AuctionStep or ExchangeEventType.AuctionReset:
                ConsiderAuction(context, in e);
                break;
            case ExchangeEventType.LiquidationOrder when e.Engine.AccountId != AccountId:
                ConsiderDip(context, in e);
                break;
        }

        if (Account.Position == 0)
        {
            _heldSince = long.MinValue;
        }
        else if (_heldSince == long.MinValue)
        {
            _heldSince = context.Now;
        }
    }

    private void ConsiderAuction(IAgentContext context, in ExchangeEvent e)
    {
        long mark = context.Market.MarkPrice;
        if (mark <= 0 || e.Engine.Quantity.Lots <= 0 || Account.InLiquidation)
        {
            return;
        }

        bool buying = e.Engine.Side == Side.Sell; // the liquidated account sells: we buy
        double discount = buying ? (mark - e.Engine.Price.Ticks) / (double)mark : (e.Engine.Price.Ticks - mark) / (double)mark;
        long room = buying ? _options.MaxPosition - Account.Position : _options.MaxPosition + Account.Position;
        long lots = Math.Min(Math.Min(e.Engine.Quantity.Lots, _options.MaxTakeLots), room);
        if (discount < _options.AuctionDiscount || lots <= 0)
        {
            return;
        }

        context.Submit(ExchangeCommand.TakeAuction(AccountId, e.LiquidationId, lots, e.Engine.Price.Ticks, context.Now));
        AuctionBids++;
    }

    private void ConsiderDip(IAgentContext context, in ExchangeEvent e)
    {
        var market = context.Market;
        if (_options.DipDiscount <= 0 || market.IndexPrice <= 0 || !market.HasQuotes || Account.InLiquidation || HasWorkingOrder())
        {
            return;
        }

        bool buying = e.Engine.Side == Side.Sell; // a forced seller: buy below the index
        double gap = buying ? 1 - (market.Mid / market.IndexPrice) : (market.Mid / market.IndexPrice) - 1;
        long room = buying ? _options.MaxPosition - Account.Position : _options.MaxPosition + Account.Position;
        long lots = Math.Min(_options.DipLots, room);
        if (gap < _options.DipDiscount || lots <= 0)
        {
            return;
        }

        // Never pay more than the discounted index: an IOC limit at index × (1 ∓ discount).
        double limit = market.IndexPrice * (buying ? 1 - _options.DipDiscount : 1 + _options.DipDiscount);
        long price = context.Rules.ClampPrice(buying ? (long)Math.Floor(limit) : (long)Math.Ceiling(limit));
        PlaceLimit(context, buying ? Side.Buy : Side.Sell, price, lots, TimeInForce.Ioc);
        DipOrders++;
    }

    private bool HasWorkingOrder() => Account.OrderCount > 0;
}
