using Microstructure.Engine;
using Microstructure.Risk;
using Microstructure.Risk.Pricing;
using Microstructure.Risk.Processing;

namespace Microstructure.Workloads;

/// <summary>
/// A synthetic but real event stream for the run recorder: exchange-core's order mix (see <see cref="ExchangeCoreMix"/>)
/// sent through the risk layer by 1,000 funded accounts, one command per simulated millisecond, with an L2 snapshot of
/// 20 levels every 100 commands (as a simulation kernel would ask for). Every event the exchange emits is kept, in order.
/// Seeded and deterministic.
/// </summary>
public static class RecorderWorkload
{
    /// <summary>Simulated time between commands (ns).</summary>
    public const long CommandIntervalNs = 1_000_000;

    /// <summary>Commands between L2 snapshots.</summary>
    public const int SnapshotEvery = 100;

    /// <summary>The exchange the stream comes from (fees on, last-trade mark, no funding).</summary>
    public static ExchangeOptions Options { get; } = new()
    {
        Instrument = ExchangeCoreMix.Instrument,
        MaxAccounts = 1_024,
        MaxOrders = ExchangeCoreMix.EngineCapacity,
        DefaultLeverage = 10,
        Mark = new MarkPriceOptions { Method = MarkPriceMethod.LastTrade },
        Funding = new FundingOptions { Enabled = false },
    };

    /// <summary>Runs the seed book and <paramref name="commands"/> mix commands; returns every event and the exchange.</summary>
    public static (ExchangeEvent[] Events, Exchange Exchange) Generate(int commands, int seed = 42)
    {
        (OrderCommand[] book, OrderCommand[] mix) = ExchangeCoreMix.Generate(seed, commands);
        var exchange = new Exchange(Options);
        var events = new List<ExchangeEvent>(commands * 4);
        var sink = new ListSink(events);
        long sequence = 0, time = 0;
        for (int account = 0; account < ExchangeCoreMix.Accounts; account++)
        {
            var deposit = ExchangeCommand.Cash(ExchangeCommandType.Deposit, account, FixedPoint.ToCash(100_000_000m), time);
            exchange.Process(in deposit, sequence++, ref sink);
        }

        foreach (OrderCommand order in book)
        {
            var command = ExchangeCommand.ForOrder(in order, time);
            exchange.Process(in command, sequence++, ref sink);
        }

        for (int i = 0; i < mix.Length; i++)
        {
            time += CommandIntervalNs;
            var command = ExchangeCommand.ForOrder(in mix[i], time);
            exchange.Process(in command, sequence++, ref sink);
            if (i % SnapshotEvery == 0)
            {
                var snapshot = ExchangeCommand.ForOrder(new OrderCommand { Type = CommandType.SnapshotL2, Quantity = new Quantity(20) }, time);
                exchange.Process(in snapshot, sequence++, ref sink);
            }
        }

        return ([.. events], exchange);
    }

    private readonly struct ListSink(List<ExchangeEvent> events) : IExchangeEventSink
    {
        public void OnEvent(in ExchangeEvent e) => events.Add(e);
    }
}
