using Microstructure.Agents.Accounts;

namespace Microstructure.Agents.Families;

/// <summary>A market maker (<see cref="MarketMakerOptions"/>): inventory-skewed, volatility-widened quotes; withdraws when volatility jumps.</summary>
internal sealed class MarketMaker : Agent
{
    private const double Nanos = 1e9;
    private readonly MarketMakerOptions _options;
    private readonly long _capital;
    private readonly long _interval;
    private readonly long[] _bids;
    private readonly long[] _asks;
    private long _withdrawnUntil = long.MinValue;
    private long _refillFrom = long.MinValue;
    private long _bidLots;
    private long _askLots;
    private double _refill = 1;

    /// <summary>Builds the maker.</summary>
    /// <param name="setup">Account and random stream.</param>
    /// <param name="options">The population's parameters.</param>
    /// <param name="capital">Cash it deposits at the start (cash units).</param>
    public MarketMaker(AgentSetup setup, MarketMakerOptions options, long capital)
        : base(setup)
    {
        _options = options;
        _capital = capital;
        _interval = Math.Max(1, (long)(options.QuoteIntervalSeconds * Nanos));
        _bids = new long[options.Levels];
        _asks = new long[options.Levels];
    }

    /// <inheritdoc />
    public override AgentKind Kind => AgentKind.MarketMaker;

    /// <summary>Times the maker withdrew its quotes.</summary>
    public int Withdrawals { get; private set; }

    /// <summary>Share of its full quote size the maker quoted at its last re-quote (below 1 while refilling after a withdrawal).</summary>
    public double RefillFraction => _refill;

    /// <summary>Whether the maker is out of the market at <paramref name="now"/>.</summary>
    public bool IsWithdrawn(long now) => now < _withdrawnUntil;

    /// <inheritdoc />
    public override void Start(IAgentContext context)
    {
        Deposit(context, _capital);
        SendAccountCommand(context, ExchangeCommandType.SetLeverage, _options.Leverage);
        context.WakeAt(context.Now + (long)(Random.NextDouble() * _interval));
    }

    /// <inheritdoc />
    public override void OnWake(IAgentContext context)
    {
        long now = context.Now;
        context.WakeAt(now + (long)(_interval * Random.NextUniform(0.8, 1.2)));
        if (IsWithdrawn(now) || Account.InLiquidation)
        {
            return;
        }

        var market = context.Market;
        if (ShouldWithdraw(market.ShortVolatility, market.LongVolatility))
        {
            Withdraw(context, now);
            return;
        }

        double mid = market.Mid;
        if (!(mid > 0))
        {
            return;
        }

        double fair = _options.IndexWeight > 0 && market.IndexPrice > 0
            ? ((1 - _options.IndexWeight) * mid) + (_options.IndexWeight * market.IndexPrice)
            : mid;
        double reservation = fair - (_options.InventorySkewTicksPerLot * Account.Position);
        double half = _options.HalfSpreadTicks
            + (_options.VolatilitySpread * market.ShortVolatility * Math.Sqrt(_options.QuoteIntervalSeconds) * mid);
        long bestBid = (long)Math.Floor(reservation - half);
        long bestAsk = Math.Max(bestBid + 1, (long)Math.Ceiling(reservation + half));
        var rules = context.Rules;
        bool quoteBids = Account.Position < _options.MaxInventory;
        bool quoteAsks = Account.Position > -_options.MaxInventory;
        for (int i = 0; i < _options.Levels; i++)
        {
            long step = i * _options.LevelSpacingTicks;
            _bids[i] = quoteBids && bestBid - step >= rules.MinPrice ? bestBid - step : 0;
            _asks[i] = quoteAsks && bestAsk + step <= rules.MaxPrice ? bestAsk + step : 0;
        }

        if (_options.DepthQuote > 0)
        {
            _bidLots = DepthLots(rules, _bids, mid);
            _askLots = DepthLots(rules, _asks, mid);
        }

        bool refilling = _refillFrom != long.MinValue;
        _refill = refilling ? RefillAt(now) : 1;
        if (refilling && _refill >= 0.99)
        {
            _refill = 1;
            _refillFrom = long.MinValue; // this re-quote brings the quotes to full size; the ramp is over
        }

        Reconcile(context, replaceAll: refilling);
    }

    /// <summary>The refill ramp 1 − 2^(−t/h), t the time since the withdrawal ended.</summary>
    private double RefillAt(long now) =>
        1 - Math.Pow(2, -Math.Max(0, now - _refillFrom) / Nanos / _options.RefillHalfLifeSeconds);

    /// <summary>Lots per level so that the levels within the depth band of the mid hold <see cref="MarketMakerOptions.DepthQuote"/>.</summary>
    private long DepthLots(Market.MarketRules rules, long[] prices, double mid)
    {
        double band = _options.DepthBand * mid;
        int inside = 0;
        foreach (long price in prices)
        {
            if (price > 0 && Math.Abs(price - mid) <= band)
            {
                inside++;
            }
        }

        double perLevel = _options.DepthQuote * FixedPoint.CashScale / Math.Max(1, inside);
        return Math.Max(1, rules.LotsFor(perLevel, (long)Math.Round(mid)));
    }

    /// <inheritdoc />
    protected override void OnEvent(IAgentContext context, in ExchangeEvent e)
    {
        bool ownFill = e.Type == ExchangeEventType.Trade && (e.Engine.MakerAccountId == AccountId || e.Engine.AccountId == AccountId);
        if (ownFill && _options.RequoteOnFill && !IsWithdrawn(context.Now))
        {
            context.WakeAt(context.Now);
        }
    }

    private bool ShouldWithdraw(double shortVolatility, double longVolatility) =>
        _options.WithdrawVolatilityRatio > 0
        && shortVolatility >= _options.WithdrawMinVolatility
        && longVolatility > 0
        && shortVolatility > _options.WithdrawVolatilityRatio * longVolatility;

    private void Withdraw(IAgentContext context, long now)
    {
        CancelAll(context);
        _withdrawnUntil = now + (long)(_options.WithdrawSeconds * Nanos);
        Withdrawals++;
        if (_options.RefillHalfLifeSeconds > 0)
        {
            _refillFrom = _withdrawnUntil;
        }

        if (_withdrawnUntil > now)
        {
            context.WakeAt(_withdrawnUntil);
        }

        // No pause (withdrawSeconds 0): keep the next regular re-quote OnWake scheduled. Waking at `now` again would
        // find the same volatility, withdraw again and wake at the same instant forever (issue 12).
    }

    /// <summary>Keeps quotes already at a wanted price, cancels the others, places the missing ones.</summary>
    /// <param name="context">The kernel's services.</param>
    /// <param name="replaceAll">Cancel and re-place every quote (while refilling: the sizes change at each re-quote).</param>
    private void Reconcile(IAgentContext context, bool replaceAll)
    {
        for (int i = 0; i < Account.OrderCount; i++)
        {
            var order = Account.OrderAt(i);
            if (order.Type != OrderType.Limit || order.State == OrderState.Cancelling)
            {
                continue;
            }

            long[] wanted = order.Side == Side.Buy ? _bids : _asks;
            int at = Array.IndexOf(wanted, order.Price);
            if (at >= 0 && order.Price != 0 && !replaceAll)
            {
                wanted[at] = 0; // already quoted there
            }
            else
            {
                Cancel(context, order.Id);
            }
        }

        for (int i = 0; i < _options.Levels; i++)
        {
            PlaceQuote(context, Side.Buy, _bids[i]);
            PlaceQuote(context, Side.Sell, _asks[i]);
        }
    }

    private void PlaceQuote(IAgentContext context, Side side, long price)
    {
        if (price <= 0)
        {
            return;
        }

        long lots = _options.DepthQuote > 0
            ? (side == Side.Buy ? _bidLots : _askLots)
            : Math.Max(1, _options.QuoteSize.SampleWhole(Random));
        if (_refill < 1)
        {
            lots = (long)Math.Round(lots * _refill, MidpointRounding.AwayFromZero);
            if (lots < 1)
            {
                return; // too early in the ramp for a whole lot
            }
        }

        PlaceLimit(context, side, price, lots, TimeInForce.Gtc, OrderFlags.PostOnly);
    }
}
