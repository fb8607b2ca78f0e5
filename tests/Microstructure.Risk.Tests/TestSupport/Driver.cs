using Microstructure.Risk.Accounts;
using Microstructure.Risk.Processing;

namespace Microstructure.Risk.Tests.TestSupport;

/// <summary>
/// Drives an <see cref="Exchange"/> one command at a time with readable helpers (prices in ticks, cash in quote units)
/// and keeps every event; each helper returns the events of its command.
/// </summary>
internal class Driver
{
    private long _sequence;
    private long _nextOrderId = 1;

    public Driver(ExchangeOptions options)
    {
        Exchange = new Exchange(options);
    }

    public Exchange Exchange { get; }

    public List<ExchangeEvent> All { get; } = [];

    /// <summary>Simulated time in nanoseconds; helpers stamp it, <see cref="Advance"/> moves it.</summary>
    public long Time { get; set; } = 1_000_000_000;

    /// <summary>Cash units per quote unit.</summary>
    public static long Usd(decimal quote) => FixedPoint.ToCash(quote);

    public virtual List<ExchangeEvent> Send(ExchangeCommand command)
    {
        var events = new List<ExchangeEvent>();
        var sink = new RecordingSink(events);
        Exchange.Process(in command, _sequence++, ref sink);
        All.AddRange(events);
        return events;
    }

    public List<ExchangeEvent> Deposit(long account, decimal quote) =>
        Send(ExchangeCommand.Cash(ExchangeCommandType.Deposit, account, Usd(quote), Time));

    public List<ExchangeEvent> Withdraw(long account, decimal quote) =>
        Send(ExchangeCommand.Cash(ExchangeCommandType.Withdraw, account, Usd(quote), Time));

    public List<ExchangeEvent> Leverage(long account, int leverage) =>
        Send(ExchangeCommand.ForAccount(ExchangeCommandType.SetLeverage, account, leverage, Time));

    public List<ExchangeEvent> Mode(long account, MarginMode mode) => Send(ExchangeCommand.SetMode(account, mode, Time));

    public List<ExchangeEvent> Index(long ticks) => Send(ExchangeCommand.ForPrice(ExchangeCommandType.IndexPrice, ticks, Time));

    public List<ExchangeEvent> Mark(long ticks) => Send(ExchangeCommand.ForPrice(ExchangeCommandType.MarkPrice, ticks, Time));

    public List<ExchangeEvent> Advance(decimal seconds)
    {
        Time += (long)(seconds * 1_000_000_000m);
        return Send(ExchangeCommand.Tick(Time));
    }

    public List<ExchangeEvent> Limit(long account, Side side, long price, long lots, TimeInForce tif = TimeInForce.Gtc, OrderFlags flags = OrderFlags.None, long? id = null) =>
        Place(new OrderCommand
        {
            Type = CommandType.Place,
            OrderType = OrderType.Limit,
            TimeInForce = tif,
            Flags = flags,
            Side = side,
            OrderId = new OrderId(id ?? _nextOrderId++),
            AccountId = account,
            Price = new Price(price),
            Quantity = new Quantity(lots),
        });

    public List<ExchangeEvent> Market(long account, Side side, long lots, OrderFlags flags = OrderFlags.None) =>
        Place(new OrderCommand
        {
            Type = CommandType.Place,
            OrderType = OrderType.Market,
            Flags = flags,
            Side = side,
            OrderId = new OrderId(_nextOrderId++),
            AccountId = account,
            Quantity = new Quantity(lots),
        });

    public List<ExchangeEvent> Cancel(long account, long orderId) =>
        Place(new OrderCommand { Type = CommandType.Cancel, OrderId = new OrderId(orderId), AccountId = account });

    public List<ExchangeEvent> Place(OrderCommand order) => Send(ExchangeCommand.ForOrder(in order, Time));

    public AccountView Account(long id) => Exchange.GetAccount(id);

    /// <summary>Σ cash buckets = net deposits exactly, and lots net to zero.</summary>
    public void AssertConserved()
    {
        var totals = Exchange.Totals();
        Assert.Equal(totals.NetDeposits, totals.Total);
        Assert.Equal(0, totals.NetLots);
    }

    public static IEnumerable<ExchangeEvent> OfType(IEnumerable<ExchangeEvent> events, ExchangeEventType type) => events.Where(e => e.Type == type);
}
