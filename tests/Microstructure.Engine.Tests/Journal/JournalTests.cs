using FsCheck;
using FsCheck.Fluent;
using Microstructure.Engine.Journal;

namespace Microstructure.Engine.Tests.Journal;

public class JournalTests
{
    [Fact]
    public void Events_read_back_equal_the_events_written()
    {
        var events = SampleEvents(new Random(1), 5_000);
        var read = new JournalReader(Write(events)).ReadAll();
        Assert.Equal(events, read);
    }

    [Fact]
    public void Round_trip_holds_for_arbitrary_field_values()
    {
        var eventGen =
            from longs in Gen.ArrayOf(ArbMap.Default.GeneratorFor<long>(), 18)
            from ints in Gen.ArrayOf(ArbMap.Default.GeneratorFor<int>(), 2)
            from type in Gen.Choose(0, (int)EngineEventType.L2Level)
            from side in Gen.Choose(0, 1)
            from reject in Gen.Choose(0, (int)RejectReason.NotOwner)
            from cancel in Gen.Choose(0, (int)CancelReason.BookFull)
            from orderType in Gen.Choose(0, (int)OrderType.StopLimit)
            from tif in Gen.Choose(0, (int)TimeInForce.Fok)
            from flags in Gen.Choose(0, 3)
            select new EngineEvent
            {
                Type = (EngineEventType)type,
                Side = (Side)side,
                RejectReason = (RejectReason)reject,
                CancelReason = (CancelReason)cancel,
                OrderType = (OrderType)orderType,
                TimeInForce = (TimeInForce)tif,
                Flags = (OrderFlags)flags,
                CommandSequence = longs[0],
                Timestamp = new Timestamp(longs[1]),
                OrderId = new OrderId(longs[2]),
                AccountId = longs[3],
                MakerOrderId = new OrderId(longs[4]),
                MakerAccountId = longs[5],
                Price = new Price(longs[6]),
                Quantity = new Quantity(longs[7]),
                RemainingQuantity = new Quantity(longs[8]),
                MakerRemainingQuantity = new Quantity(longs[9]),
                BidPrice = new Price(longs[10]),
                BidQuantity = new Quantity(longs[11]),
                AskPrice = new Price(longs[12]),
                AskQuantity = new Quantity(longs[13]),
                StopPrice = new Price(longs[14]),
                DisplayQuantity = new Quantity(longs[15]),
                Level = ints[0],
                OrderCount = ints[1],
            };
        var extremes = Gen.Elements(long.MinValue, long.MaxValue, 0L, -1L);
        var extremeEvent = from v in extremes select new EngineEvent { CommandSequence = v, Timestamp = new Timestamp(-v), Price = new Price(v) };

        Prop.ForAll(
                Gen.ListOf(Gen.Frequency((9, eventGen), (1, extremeEvent))).ToArbitrary(),
                events => new JournalReader(Write(events)).ReadAll().SequenceEqual(events))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(300));
    }

    [Fact]
    public void Same_events_give_identical_bytes()
    {
        var events = SampleEvents(new Random(7), 1_000);
        Assert.Equal(Write(events), Write(events));
    }

    [Fact]
    public void Small_values_encode_compactly()
    {
        var events = SampleEvents(new Random(3), 10_000);
        byte[] bytes = Write(events);
        double perEvent = (bytes.Length - JournalHeader.Length) / (double)events.Count;
        Assert.True(perEvent < 40, $"{perEvent:F1} bytes per event; the struct is 144 and the journal should be far smaller");
    }

    [Fact]
    public void Truncated_journal_is_reported_with_the_record_offset()
    {
        byte[] bytes = Write(SampleEvents(new Random(5), 3));
        var reader = new JournalReader(bytes[..^2]);
        reader.TryRead(out _);
        reader.TryRead(out _);
        var error = Assert.Throws<InvalidDataException>(() => reader.TryRead(out _));
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        Assert.Contains("starts at byte", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, "event type")]
    [InlineData(1, "side")]
    [InlineData(2, "reject reason")]
    [InlineData(3, "cancel reason")]
    [InlineData(4, "order type")]
    [InlineData(5, "time in force")]
    [InlineData(6, "flags")]
    public void An_enum_byte_no_event_can_have_is_reported_with_the_record_offset(int field, string name)
    {
        byte[] bytes = Write(SampleEvents(new Random(5), 1));
        bytes[JournalHeader.Length + field] = 200;
        var error = Assert.Throws<InvalidDataException>(() => new JournalReader(bytes).ReadAll());
        Assert.Contains($"{name} 200", error.Message, StringComparison.Ordinal);
        Assert.Contains($"byte {JournalHeader.Length}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_varint_longer_than_64_bits_is_reported_as_corrupt()
    {
        byte[] bytes = Write(SampleEvents(new Random(5), 1));
        var corrupt = bytes[..(JournalHeader.Length + 7)].Concat(Enumerable.Repeat((byte)0xFF, 10)).Concat(new byte[] { 0x01 }).ToArray();
        var error = Assert.Throws<InvalidDataException>(() => new JournalReader(corrupt).ReadAll());
        Assert.Contains("longer than 64 bits", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_journal_file_is_reported_with_its_path()
    {
        string path = Path.Combine(Path.GetTempPath(), $"journal-{Guid.NewGuid():N}.msj");
        try
        {
            File.WriteAllBytes(path, Write(SampleEvents(new Random(5), 3))[..^2]);
            var error = Assert.Throws<InvalidDataException>(() => JournalReader.ReadFile(path));
            Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
            Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Bytes_without_the_header_are_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => new JournalReader("not a journal"u8.ToArray()));
        Assert.Contains("MSJ1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_version_is_refused()
    {
        byte[] bytes = Write([]);
        bytes[4] = 99;
        var error = Assert.Throws<InvalidDataException>(() => new JournalReader(bytes));
        Assert.Contains("version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writer_counts_events_and_bytes()
    {
        var events = SampleEvents(new Random(9), 100_000);
        using var stream = new MemoryStream();
        using (var writer = new JournalWriter(stream, leaveOpen: true))
        {
            foreach (var e in events)
            {
                writer.Append(in e);
            }

            writer.Flush();
            Assert.Equal(events.Count, writer.EventsWritten);
            Assert.Equal(stream.Length, writer.BytesWritten);
        }

        Assert.Equal(events, new JournalReader(stream.ToArray()).ReadAll());
    }

    internal static byte[] Write(IEnumerable<EngineEvent> events)
    {
        using var stream = new MemoryStream();
        using (var writer = new JournalWriter(stream, leaveOpen: true))
        {
            foreach (var e in events)
            {
                writer.Append(in e);
            }
        }

        return stream.ToArray();
    }

    private static List<EngineEvent> SampleEvents(Random random, int count)
    {
        var events = new List<EngineEvent>(count);
        long sequence = 0;
        for (int i = 0; i < count; i++)
        {
            sequence += random.Next(2);
            events.Add(new EngineEvent
            {
                Type = (EngineEventType)random.Next(8),
                Side = (Side)random.Next(2),
                CommandSequence = sequence,
                Timestamp = new Timestamp(sequence * 1_000),
                OrderId = new OrderId(random.Next(1, 100_000)),
                AccountId = random.Next(1_000),
                Price = new Price(100_000 + random.Next(-500, 500)),
                Quantity = new Quantity(random.Next(1, 100)),
                RemainingQuantity = new Quantity(random.Next(0, 100)),
            });
        }

        return events;
    }
}
