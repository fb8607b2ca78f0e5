using Microstructure.Agents.Accounts;
using Microstructure.Agents.Market;

namespace Microstructure.Agents.Families;

/// <summary>
/// A zero-intelligence trader (<see cref="NoiseTraderOptions"/>): at each event of its Poisson clock it places a limit
/// order, a market order or cancels one of its resting orders, with probabilities proportional to the three rates.
/// </summary>
internal sealed class NoiseTrader : Agent
{
    private readonly NoiseTraderOptions _options;
    private readonly long _capital;

    /// <summary>Builds the trader.</summary>
    /// <param name="setup">Account and random stream.</param>
    /// <param name="options">The population's parameters.</param>
    /// <param name="capital">Cash it deposits at the start (cash units).</param>
    public NoiseTrader(AgentSetup setup, NoiseTraderOptions options, long capital)
        : base(setup)
    {
        _options = options;
        _capital = capital;
    }

    /// <inheritdoc />
    public override AgentKind Kind => AgentKind.Noise;

    /// <summary>Limit orders sent so far.</summary>
    public long LimitOrders { get; private set; }

    /// <summary>Market orders sent so far.</summary>
    public long MarketOrders { get; private set; }

    /// <summary>Cancellations sent so far.</summary>
    public long Cancellations { get; private set; }

    /// <inheritdoc />
    public override void Start(IAgentContext context)
    {
        Deposit(context, _capital);
        SendAccountCommand(context, ExchangeCommandType.SetLeverage, _options.Leverage);
        context.WakeAt(context.Now + Random.NextWaitNanos(_options.LimitRate + _options.MarketRate));
    }

    /// <inheritdoc />
    public override void OnWake(IAgentContext context)
    {
        var market = context.Market;
        double multiplier = ActivityMultiplier(in market);
        double limit = _options.LimitRate * multiplier;
        double marketRate = _options.MarketRate * multiplier;
        int resting = CountCancellable();
        double cancel = _options.CancelRate * resting;
        double u = Random.NextDouble() * (limit + marketRate + cancel);
        if (market.ReferencePrice > 0)
        {
            if (u < limit)
            {
                PlaceRandomLimit(context, in market, resting);
            }
            else if (u < limit + marketRate)
            {
                PlaceRandomMarket(context, in market);
            }
            else
            {
                CancelRandom(context);
            }
        }

        double next = (_options.LimitRate + _options.MarketRate) * multiplier + (_options.CancelRate * CountCancellable());
        context.WakeAt(context.Now + Random.NextWaitNanos(next));
    }

    private double ActivityMultiplier(in MarketSnapshot market)
    {
        if (_options.ActivityFeedback <= 0 || !(market.LongVolatility > 0))
        {
            return 1;
        }

        double excess = Math.Max(0, (market.ShortVolatility / market.LongVolatility) - 1);
        return Math.Min(_options.MaxActivityMultiplier, 1 + (_options.ActivityFeedback * excess));
    }

    private void PlaceRandomLimit(IAgentContext context, in MarketSnapshot market, int resting)
    {
        if (resting >= _options.MaxOpenOrders)
        {
            CancelRandom(context);
            return;
        }

        var side = ChooseSide();
        double offset = _options.LimitOffsetTicks.Sample(Random);
        double mid = market.Mid;
        long price = side == Side.Buy ? (long)Math.Floor(mid - offset) : (long)Math.Ceiling(mid + offset);
        long lots = Math.Max(1, _options.LimitSize.SampleWhole(Random));
        PlaceLimit(context, side, context.Rules.ClampPrice(price), lots);
        LimitOrders++;
    }

    private void PlaceRandomMarket(IAgentContext context, in MarketSnapshot market)
    {
        var side = ChooseSide();
        long lots = Math.Max(1, _options.MarketSize.SampleWhole(Random));
        long opposite = side == Side.Buy ? market.AskQuantity : market.BidQuantity;
        if (_options.MarketSizeDepthMultiple > 0 && opposite > 0)
        {
            lots = Math.Max(1, Math.Min(lots, (long)(_options.MarketSizeDepthMultiple * opposite)));
        }

        PlaceMarket(context, side, lots);
        MarketOrders++;
    }

    private Side ChooseSide()
    {
        long position = Account.Position;
        if (position >= _options.MaxPosition)
        {
            return Side.Sell;
        }

        if (position <= -_options.MaxPosition)
        {
            return Side.Buy;
        }

        return Random.NextBool(_options.BuyProbability) ? Side.Buy : Side.Sell;
    }

    private void CancelRandom(IAgentContext context)
    {
        int count = CountCancellable();
        if (count == 0)
        {
            return;
        }

        int pick = Random.NextInt(count);
        for (int i = 0; i < Account.OrderCount; i++)
        {
            var order = Account.OrderAt(i);
            if (IsCancellable(in order) && pick-- == 0)
            {
                Cancel(context, order.Id);
                Cancellations++;
                return;
            }
        }
    }

    private int CountCancellable()
    {
        int n = 0;
        for (int i = 0; i < Account.OrderCount; i++)
        {
            var order = Account.OrderAt(i);
            if (IsCancellable(in order))
            {
                n++;
            }
        }

        return n;
    }

    private static bool IsCancellable(in OwnOrder order) => order.State == OrderState.Live && order.Type == OrderType.Limit;
}
