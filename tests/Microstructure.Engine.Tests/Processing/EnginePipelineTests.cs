using Microstructure.Engine.Journal;
using Microstructure.Engine.Tests.Journal;
using Microstructure.Engine.Matching;
using Microstructure.Engine.Processing;
using Microstructure.Ring;

namespace Microstructure.Engine.Tests.Processing;

public class EnginePipelineTests
{
    private const int Commands = 20_000;

    [Fact]
    public void Journal_of_the_pipeline_equals_the_engine_applied_directly()
    {
        var commands = CommandStreams.Random(seed: 1, Commands);
        byte[] expected = JournalTests.Write(CommandResequencerTests.ApplyDirectly(commands));
        byte[] actual = RunSingleProducer(commands, new EnginePipelineOptions { InputProducerType = ProducerType.Single });
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Same_command_stream_gives_byte_identical_journals()
    {
        var commands = CommandStreams.Random(seed: 2, Commands);
        var options = new EnginePipelineOptions { InputRingSize = 1 << 10, OutputRingSize = 1 << 10 };
        byte[] first = RunSingleProducer(commands, options);
        byte[] second = RunSingleProducer(commands, options with { WaitStrategyFactory = static () => new BlockingWaitStrategy() });
        Assert.True(first.Length > JournalFormat.HeaderLength + Commands, "the journal should hold every command's events");
        Assert.Equal(first, second);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void Several_producers_of_a_pre_sequenced_stream_give_the_single_producer_journal(int producers)
    {
        var commands = CommandStreams.Random(seed: 3, Commands);
        byte[] expected = RunSingleProducer(commands, new EnginePipelineOptions { InputProducerType = ProducerType.Single });

        for (int run = 0; run < 3; run++)
        {
            var journal = new MemoryStream();
            var writer = new JournalWriter(journal, leaveOpen: true);
            var options = new EnginePipelineOptions
            {
                InputProducerType = ProducerType.Multi,
                InputRingSize = 1 << 8,
                Resequence = true,
                ReorderWindow = 1 << 15, // ≥ the stream: a descheduled producer may fall that far behind
            };
            using var pipeline = new EnginePipeline(new MatchingEngine(CommandStreams.Instrument, 4_096), options, d => d.HandleEventsWith(new JournalHandler(writer)));
            pipeline.Start();
            var threads = Enumerable.Range(0, producers).Select(p => new Thread(() =>
            {
                for (int i = p; i < commands.Length; i += producers)
                {
                    long sequence = pipeline.Input.Next();
                    pipeline.Input[sequence] = new SequencedCommand { SourceSequence = i, Command = commands[i] };
                    pipeline.Input.Publish(sequence);
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            Assert.All(threads, t => Assert.True(t.Join(TimeSpan.FromSeconds(30)), "producer did not finish"));
            Assert.True(pipeline.Shutdown(TimeSpan.FromSeconds(30)), "pipeline did not drain");
            Assert.Null(pipeline.Fault);
            Assert.Equal(expected, journal.ToArray());
        }
    }

    [Fact]
    public void Shutdown_drains_every_published_command_and_event()
    {
        var commands = CommandStreams.Random(seed: 4, Commands);
        int expectedEvents = CommandResequencerTests.ApplyDirectly(commands).Count;
        var counter = new CountingHandler.Counter();
        using var pipeline = new EnginePipeline(new MatchingEngine(CommandStreams.Instrument, 4_096), new EnginePipelineOptions { InputRingSize = 64, OutputRingSize = 64 },
            d => d.HandleEventsWith(new CountingHandler(counter)));
        pipeline.Start();
        Publish(pipeline, commands);
        Assert.True(pipeline.Shutdown(TimeSpan.FromSeconds(30)));
        Assert.Equal(commands.Length - 1, pipeline.AppliedSequence);
        Assert.Equal(expectedEvents, counter.Events);
    }

    [Fact]
    public void A_failing_output_consumer_halts_with_the_fault_exposed()
    {
        var commands = CommandStreams.Random(seed: 5, 1_000);
        using var pipeline = new EnginePipeline(new MatchingEngine(CommandStreams.Instrument, 4_096), new EnginePipelineOptions { InputRingSize = 64, OutputRingSize = 64 },
            d => d.HandleEventsWith(new FailingHandler(failAt: 100)));
        pipeline.Start();
        var producer = new Thread(() => Publish(pipeline, commands)) { IsBackground = true };
        producer.Start();
        SpinWait.SpinUntil(() => pipeline.Fault is not null, TimeSpan.FromSeconds(10));
        Assert.IsType<InvalidOperationException>(pipeline.Fault);
        Assert.False(pipeline.Shutdown(TimeSpan.FromSeconds(1)), "a halted consumer cannot drain, and shutdown must say so instead of hanging");
    }

    private static byte[] RunSingleProducer(OrderCommand[] commands, EnginePipelineOptions options)
    {
        var journal = new MemoryStream();
        var writer = new JournalWriter(journal, leaveOpen: true);
        using (var pipeline = new EnginePipeline(new MatchingEngine(CommandStreams.Instrument, 4_096), options, d => d.HandleEventsWith(new JournalHandler(writer))))
        {
            pipeline.Start();
            Publish(pipeline, commands);
            Assert.True(pipeline.Shutdown(TimeSpan.FromSeconds(30)), "pipeline did not drain");
            Assert.Null(pipeline.Fault);
        }

        return journal.ToArray();
    }

    private static void Publish(EnginePipeline pipeline, OrderCommand[] commands)
    {
        var input = pipeline.Input;
        for (int i = 0; i < commands.Length; i++)
        {
            long sequence = input.Next();
            ref SequencedCommand slot = ref input[sequence];
            slot.SourceSequence = i;
            slot.Command = commands[i];
            input.Publish(sequence);
        }
    }

    private readonly struct CountingHandler(CountingHandler.Counter counter) : IEventHandler<EngineEvent>
    {
        public void OnEvent(ref EngineEvent data, long sequence, bool endOfBatch) => counter.Events++;

        public void OnBatchStart(long batchSize)
        {
        }

        public void OnStart()
        {
        }

        public void OnShutdown()
        {
        }

        public void OnTimeout(long sequence)
        {
        }

        internal sealed class Counter
        {
            public long Events { get; set; }
        }
    }

    private struct FailingHandler(int failAt) : IEventHandler<EngineEvent>
    {
        private int _seen;

        public void OnEvent(ref EngineEvent data, long sequence, bool endOfBatch)
        {
            if (++_seen == failAt)
            {
                throw new InvalidOperationException("consumer failed on purpose");
            }
        }

        public readonly void OnBatchStart(long batchSize)
        {
        }

        public readonly void OnStart()
        {
        }

        public readonly void OnShutdown()
        {
        }

        public readonly void OnTimeout(long sequence)
        {
        }
    }
}
