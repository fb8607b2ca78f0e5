using Microstructure.Engine.Matching;
using Microstructure.Engine.Processing;

namespace Microstructure.Engine.Tests.Processing;

public class CommandResequencerTests
{
    [Fact]
    public void Commands_arriving_out_of_order_are_applied_in_source_order()
    {
        var commands = CommandStreams.Random(seed: 11, count: 2_000);
        var expected = ApplyDirectly(commands);

        // Shuffle within blocks of 64 so every command arrives at most 63 places early or late.
        var random = new Random(3);
        var arrival = Enumerable.Range(0, commands.Length).ToArray();
        for (int block = 0; block < arrival.Length; block += 64)
        {
            random.Shuffle(arrival.AsSpan(block, Math.Min(64, arrival.Length - block)));
        }

        var engine = new MatchingEngine(CommandStreams.Instrument, 4_096);
        var sink = new RecordingSink();
        var resequencer = new CommandResequencer(128);
        foreach (int i in arrival)
        {
            resequencer.Accept(new SequencedCommand { SourceSequence = i, Command = commands[i] }, engine, ref sink);
        }

        Assert.Equal(commands.Length, resequencer.NextExpected);
        Assert.Equal(0, resequencer.Held);
        Assert.Equal(expected, sink.Events);
    }

    [Fact]
    public void A_command_seen_twice_is_refused()
    {
        var engine = new MatchingEngine(CommandStreams.Instrument, 64);
        var sink = new RecordingSink();
        var resequencer = new CommandResequencer(8);
        resequencer.Accept(new SequencedCommand { SourceSequence = 0 }, engine, ref sink);
        var error = Assert.Throws<InvalidOperationException>(() => resequencer.Accept(new SequencedCommand { SourceSequence = 0 }, engine, ref sink));
        Assert.Contains("arrived twice", error.Message, StringComparison.Ordinal);

        resequencer.Accept(new SequencedCommand { SourceSequence = 3 }, engine, ref sink);
        Assert.Throws<InvalidOperationException>(() => resequencer.Accept(new SequencedCommand { SourceSequence = 3 }, engine, ref sink));
    }

    [Fact]
    public void A_gap_wider_than_the_window_is_refused_with_the_missing_sequence()
    {
        var engine = new MatchingEngine(CommandStreams.Instrument, 64);
        var sink = new RecordingSink();
        var resequencer = new CommandResequencer(8);
        var error = Assert.Throws<InvalidOperationException>(() => resequencer.Accept(new SequencedCommand { SourceSequence = 8 }, engine, ref sink));
        Assert.Contains("0 is still missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Window_size_must_be_a_power_of_two()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CommandResequencer(100));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CommandResequencer(0));
    }

    internal static List<EngineEvent> ApplyDirectly(OrderCommand[] commands)
    {
        var engine = new MatchingEngine(CommandStreams.Instrument, 4_096);
        var sink = new RecordingSink();
        for (int i = 0; i < commands.Length; i++)
        {
            engine.Process(in commands[i], i, ref sink);
        }

        return sink.Events;
    }

    internal struct RecordingSink() : IEngineEventSink
    {
        public List<EngineEvent> Events { get; } = [];

        public readonly void OnEvent(in EngineEvent engineEvent) => Events.Add(engineEvent);
    }
}
