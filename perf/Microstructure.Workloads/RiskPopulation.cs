using Microstructure.Engine;
using Microstructure.Risk;
using Microstructure.Risk.Liquidation;
using Microstructure.Risk.Margin;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Processing;

namespace Microstructure.Workloads;

/// <summary>
/// The risk layer's performance population (issue 3 §6): many open leveraged positions, of which a block of
/// "cascade" longs have liquidation thresholds stacked two ticks apart just under the entry price, over a bid ladder
/// of one lot per tick. A 2-lot market sell (the shock) breaches the first; its liquidation — a 2-lot market order
/// walking two levels — moves the last-trade mark two ticks down and breaches the next, and so on: one command,
/// <c>cascade</c> liquidations inline. Every other position is a far-from-liquidation long.
/// </summary>
/// <remarks>
/// Contract: $0.01 ticks, one-unit lots (a tick on a lot is 10⁶ cash units), entry at $10,000.00; one bracket, 1%
/// maintenance, 100× (so a position's threshold is set exactly by its deposit: cash = −0.99 × threshold × lots × k).
/// </remarks>
public sealed class RiskPopulation
{
    /// <summary>Entry price of every position, ticks ($10,000.00).</summary>
    public const long EntryTicks = 1_000_000;

    /// <summary>Lots each cascade long holds (its liquidation walks this many one-lot levels).</summary>
    public const long CascadeLots = 2;

    private static readonly InstrumentSpec Instrument = new("RISK", 0.01m, 1m, new Price(1), new Price(2_000_000), new Quantity(100_000_000));

    private long _sequence;
    private long _time = 1_000_000_000;
    private long _orderId = 1;

    private RiskPopulation(ExchangeOptions options, int positions, int cascade)
    {
        Exchange = new Exchange(options);
        Positions = positions;
        Cascade = cascade;
        Seller = positions;
        Provider = positions + 1;
        Shocker = positions + 2;
    }

    /// <summary>The exchange holding the population.</summary>
    public Exchange Exchange { get; }

    /// <summary>Open leveraged positions (accounts 0 … Positions − 1; the first <see cref="Cascade"/> are the stacked longs).</summary>
    public int Positions { get; }

    /// <summary>Stacked longs that liquidate one after another.</summary>
    public int Cascade { get; }

    /// <summary>The account that sold every position (one resting order, short all of them).</summary>
    public long Seller { get; }

    /// <summary>The account holding the bid ladder.</summary>
    public long Provider { get; }

    /// <summary>The account that sends the shock.</summary>
    public long Shocker { get; }

    /// <summary>Next command sequence.</summary>
    public long Sequence => _sequence;

    /// <summary>Clock of the next command (ns).</summary>
    public long Time => _time;

    /// <summary>Exchange settings of the population.</summary>
    public static ExchangeOptions Options(int positions, int ladder, MarkPriceMethod mark) => new()
    {
        Instrument = Instrument,
        MaxAccounts = positions + 8,
        MaxOrders = ladder + 1_024,
        Brackets = new BracketTable([new MarginBracketSpec(10_000_000_000m, 100, 0.01m)]),
        TakerFeeRate = 0m,
        MakerFeeRate = 0m,
        DefaultLeverage = 100,
        Mark = new MarkPriceOptions { Method = mark, PublishIntervalSeconds = 0 },
        LiquidationEngine = Microstructure.Risk.Liquidation.LiquidationEngineOptions.Immediate,
        Funding = new FundingOptions { Enabled = false },
        Liquidation = new FullCloseOptions(),
    };

    /// <summary>
    /// Builds the population through ordinary commands (deposits, one resting sell, IOC buys, the ladder): about
    /// 2 × positions + ladder commands.
    /// </summary>
    /// <param name="positions">Open positions.</param>
    /// <param name="cascade">How many of them are stacked to liquidate in a chain.</param>
    /// <param name="mark">Mark method (last trade for the cascade, external for mark-update throughput).</param>
    public static RiskPopulation Build(int positions, int cascade, MarkPriceMethod mark)
    {
        int ladder = (int)(cascade * CascadeLots) + 8;
        var p = new RiskPopulation(Options(positions, ladder, mark), positions, cascade);
        p.Cash(p.Seller, 1_000_000_000m);
        for (int i = 0; i < 4; i++)
        {
            // The ladder buys up to 2 lots per cascade long at ~$9,000–10,000: keep the provider far from its own threshold.
            p.Cash(p.Provider, 1_000_000_000m);
        }

        p.Cash(p.Shocker, 1_000_000m);
        p.Cash(p.Exchange.InsuranceFundAccountId, 1_000_000m);
        long lotsSold = (cascade * CascadeLots) + (positions - cascade);
        p.Order(p.Seller, Side.Sell, EntryTicks, lotsSold, TimeInForce.Gtc);
        var random = new Random(7);
        for (int i = 0; i < positions; i++)
        {
            bool stacked = i < cascade;
            long lots = stacked ? CascadeLots : 1;
            long threshold = stacked ? EntryTicks - (2 * (i + 1)) : 500_000 + random.Next(0, 200_000);
            long cash = (EntryTicks * lots * 1_000_000) - (threshold * lots * 990_000);
            p.Send(ExchangeCommand.Cash(ExchangeCommandType.Deposit, i, cash, p._time));
            p.Order(i, Side.Buy, EntryTicks, lots, TimeInForce.Ioc);
        }

        if (mark == MarkPriceMethod.External)
        {
            p.Send(ExchangeCommand.ForPrice(ExchangeCommandType.MarkPrice, EntryTicks, p._time));
        }

        for (long i = 1; i < ladder; i++)
        {
            p.Order(p.Provider, Side.Buy, EntryTicks - i, 1, TimeInForce.Gtc);
        }

        return p;
    }

    /// <summary>The shock: a market sell of <see cref="CascadeLots"/> that takes the first two bid levels.</summary>
    public ExchangeCommand Shock() => ExchangeCommand.ForOrder(new OrderCommand
    {
        Type = CommandType.Place,
        OrderType = OrderType.Market,
        Side = Side.Sell,
        OrderId = new OrderId(_orderId++),
        AccountId = Shocker,
        Quantity = new Quantity(CascadeLots),
    }, _time);

    /// <summary>Applies one command with the next sequence number.</summary>
    public void Send<TSink>(in ExchangeCommand command, ref TSink sink)
        where TSink : struct, IExchangeEventSink =>
        Exchange.Process(in command, _sequence++, ref sink);

    private void Send(in ExchangeCommand command)
    {
        var sink = default(NullExchangeSink);
        Exchange.Process(in command, _sequence++, ref sink);
    }

    private void Cash(long account, decimal quote) =>
        Send(ExchangeCommand.Cash(ExchangeCommandType.Deposit, account, FixedPoint.ToCash(quote), _time));

    private void Order(long account, Side side, long price, long lots, TimeInForce tif) =>
        Send(ExchangeCommand.ForOrder(new OrderCommand
        {
            Type = CommandType.Place,
            OrderType = OrderType.Limit,
            TimeInForce = tif,
            Side = side,
            OrderId = new OrderId(_orderId++),
            AccountId = account,
            Price = new Price(price),
            Quantity = new Quantity(lots),
        }, _time));
}
