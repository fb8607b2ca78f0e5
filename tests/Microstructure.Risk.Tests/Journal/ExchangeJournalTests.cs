using Microstructure.Engine.Journal;
using Microstructure.Risk.Journal;
using Microstructure.Risk.Processing;
using Microstructure.Risk.Tests.TestSupport;

namespace Microstructure.Risk.Tests.Journal;

public class ExchangeJournalTests
{
    [Fact]
    public void Every_field_of_every_event_round_trips()
    {
        var events = new List<ExchangeEvent>();
        for (int seed = 1; !events.Any(e => e.Type == ExchangeEventType.LiquidationTriggered); seed++)
        {
            var (options, commands) = CommandLog.Record(seed, 800);
            var exchange = new Exchange(options);
            var sink = new RecordingSink(events);
            for (int i = 0; i < commands.Count; i++)
            {
                var command = commands[i];
                exchange.Process(in command, i, ref sink);
            }
        }

        var stream = new MemoryStream();
        using (var writer = new ExchangeJournalWriter(stream, leaveOpen: true))
        {
            foreach (var e in events)
            {
                writer.Append(in e);
            }
        }

        var read = new ExchangeJournalReader(stream.ToArray()).ReadAll();
        Assert.Equal(events, read);
        Assert.Contains(read, e => e.Type == ExchangeEventType.LiquidationTriggered);
        Assert.Contains(read, e => e.Type == ExchangeEventType.Trade && e.TakerFee > 0 && e.MakerFee > 0 && e.TakerBalance != 0 && e.MakerBalance != 0);
    }

    [Fact]
    public void An_exchange_record_is_its_type_byte_then_the_engine_journal_record_of_its_engine_part_then_the_risk_fields()
    {
        var (options, commands) = CommandLog.Record(1, 300);
        var exchange = new Exchange(options);
        var events = new List<ExchangeEvent>();
        var sink = new RecordingSink(events);
        for (int i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            exchange.Process(in command, i, ref sink);
        }

        var trade = events.First(e => e.Type == ExchangeEventType.Trade);
        var exchangeStream = new MemoryStream();
        using (var writer = new ExchangeJournalWriter(exchangeStream, leaveOpen: true))
        {
            writer.Append(in trade);
        }

        var engineStream = new MemoryStream();
        using (var writer = new JournalWriter(engineStream, leaveOpen: true))
        {
            writer.Append(in trade.Engine);
        }

        byte[] exchangeRecord = exchangeStream.ToArray()[JournalHeader.Length..];
        byte[] engineRecord = engineStream.ToArray()[JournalHeader.Length..];
        Assert.Equal((byte)ExchangeEventType.Trade, exchangeRecord[0]);
        Assert.Equal(engineRecord, exchangeRecord[1..(1 + engineRecord.Length)]);
        Assert.Equal(trade, Assert.Single(new ExchangeJournalReader(exchangeStream.ToArray()).ReadAll()));
    }

    [Fact]
    public void Extreme_values_round_trip()
    {
        var e = new ExchangeEvent
        {
            Type = ExchangeEventType.LiquidationTriggered,
            MarginRatio = long.MaxValue,
            Equity = long.MinValue,
            Amount = -1,
            Cause = LiquidationCause.Funding,
            Design = LiquidationDesignKind.DutchAuction,
            TakerFee = long.MaxValue,
            MakerFee = long.MinValue,
            TakerBalance = long.MinValue,
            MakerBalance = -1,
            Engine =
            {
                CommandSequence = long.MaxValue / 2,
                Timestamp = new Timestamp(-5),
                OrderType = OrderType.StopLimit,
                TimeInForce = TimeInForce.Fok,
                Flags = OrderFlags.PostOnly | OrderFlags.ReduceOnly,
                StopPrice = new Price(long.MinValue),
                DisplayQuantity = new Quantity(long.MaxValue),
                Level = int.MaxValue,
                OrderCount = int.MinValue,
            },
        };
        var stream = new MemoryStream();
        using (var writer = new ExchangeJournalWriter(stream, leaveOpen: true))
        {
            writer.Append(in e);
        }

        Assert.Equal(e, Assert.Single(new ExchangeJournalReader(stream.ToArray()).ReadAll()));
    }

    [Fact]
    public void A_truncated_journal_names_the_broken_record()
    {
        var stream = new MemoryStream();
        using (var writer = new ExchangeJournalWriter(stream, leaveOpen: true))
        {
            var e = new ExchangeEvent { Type = ExchangeEventType.Deposit, Amount = 123_456_789 };
            writer.Append(in e);
            writer.Append(in e);
        }

        byte[] bytes = stream.ToArray()[..^3];
        var error = Assert.Throws<InvalidDataException>(() => new ExchangeJournalReader(bytes).ReadAll());
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_the_header_is_refused()
    {
        Assert.Throws<InvalidDataException>(() => new ExchangeJournalReader("MSJ1\u0001\0\0\0"u8.ToArray()));
    }
}
