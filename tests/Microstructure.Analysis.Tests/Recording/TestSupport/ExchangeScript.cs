using Microstructure.Analysis.Recording;
using Microstructure.Engine;
using Microstructure.Risk;
using Microstructure.Risk.Processing;

namespace Microstructure.Analysis.Tests.Recording.TestSupport;

/// <summary>
/// Drives a real <see cref="Exchange"/> one command at a time with readable helpers (prices in ticks, cash in quote
/// units) and keeps every event, so a test can replay the same stream into one or more recorders.
/// </summary>
internal sealed class ExchangeScript(ExchangeOptions options)
{
    private long _sequence;
    private long _nextOrderId = 1;

    public Exchange Exchange { get; } = new(options);

    public List<ExchangeEvent> Events { get; } = [];

    /// <summary>Simulated time in ns; helpers stamp it.</summary>
    public long Time { get; set; } = 1_000_000_000;

    public static long Usd(decimal quote) => FixedPoint.ToCash(quote);

    public List<ExchangeEvent> Send(ExchangeCommand command)
    {
        var events = new List<ExchangeEvent>();
        var sink = new ListSink(events);
        Exchange.Process(in command, _sequence++, ref sink);
        Events.AddRange(events);
        return events;
    }

    public void At(decimal seconds) => Time = (long)(seconds * 1_000_000_000m);

    public List<ExchangeEvent> Deposit(long account, decimal quote) =>
        Send(ExchangeCommand.Cash(ExchangeCommandType.Deposit, account, Usd(quote), Time));

    public List<ExchangeEvent> Leverage(long account, int leverage) =>
        Send(ExchangeCommand.ForAccount(ExchangeCommandType.SetLeverage, account, leverage, Time));

    public List<ExchangeEvent> Isolated(long account) =>
        Send(ExchangeCommand.SetMode(account, Microstructure.Risk.Accounts.MarginMode.Isolated, Time));

    public List<ExchangeEvent> Pool(ExchangeCommandType type, long account, long amount) =>
        Send(ExchangeCommand.ForAccount(type, account, amount, Time));

    public List<ExchangeEvent> Limit(long account, Side side, long price, long lots, TimeInForce tif = TimeInForce.Gtc) =>
        Place(new OrderCommand
        {
            Type = CommandType.Place,
            OrderType = OrderType.Limit,
            TimeInForce = tif,
            Side = side,
            OrderId = new OrderId(_nextOrderId++),
            AccountId = account,
            Price = new Price(price),
            Quantity = new Quantity(lots),
        });

    public List<ExchangeEvent> Market(long account, Side side, long lots) =>
        Place(new OrderCommand
        {
            Type = CommandType.Place,
            OrderType = OrderType.Market,
            Side = side,
            OrderId = new OrderId(_nextOrderId++),
            AccountId = account,
            Quantity = new Quantity(lots),
        });

    /// <summary>Asks the engine for the top <paramref name="levels"/> levels of each side (L2Level events).</summary>
    public List<ExchangeEvent> SnapshotL2(long account, int levels) =>
        Place(new OrderCommand { Type = CommandType.SnapshotL2, AccountId = account, Quantity = new Quantity(levels) });

    public List<ExchangeEvent> Tick() => Send(ExchangeCommand.Tick(Time));

    /// <summary>Sets the mark (an exchange with an external mark).</summary>
    public List<ExchangeEvent> Mark(long ticks) => Send(ExchangeCommand.ForPrice(ExchangeCommandType.MarkPrice, ticks, Time));

    public List<ExchangeEvent> Place(OrderCommand order) => Send(ExchangeCommand.ForOrder(in order, Time));

    /// <summary>Feeds every event so far to <paramref name="recorder"/>.</summary>
    public void ReplayInto(RunRecorder recorder)
    {
        foreach (ExchangeEvent e in Events)
        {
            recorder.OnEvent(in e);
        }
    }

    private readonly struct ListSink(List<ExchangeEvent> events) : IExchangeEventSink
    {
        public void OnEvent(in ExchangeEvent e) => events.Add(e);
    }
}
