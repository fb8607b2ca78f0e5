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
        Assert.True(first.Length > JournalHeader.Length + Commands, "the journal should hold every command's events");
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
                ReorderWindow = 1 << 6, // far smaller than the stream: producers that race ahead must wait, not fault
            };
            using var pipeline = new EnginePipeline(new MatchingEngine(CommandStreams.Instrument, 4_096), options, d => d.HandleEventsWith(new JournalHandler<EngineEvent, EngineEventCodec>(writer)));
            pipeline.Start();
            var threads = Enumerable.Range(0, producers).Select(p => new Thread(() =>
            {
                for (int i = p; i < commands.Length; i += producers)
                {
                    pipeline.PublishSequenced(i, in commands[i]);
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
    public void A_producer_that_starts_a_whole_window_late_slows_the_others_down_instead_of_faulting_the_pipeline()
    {
        var commands = CommandStreams.Random(seed: 3, Commands);
        byte[] expected = RunSingleProducer(commands, new EnginePipelineOptions { InputProducerType = ProducerType.Single });
        var journal = new MemoryStream();
        var writer = new JournalWriter(journal, leaveOpen: true);
        var options = new EnginePipelineOptions { InputProducerType = ProducerType.Multi, Resequence = true, ReorderWindow = 1 << 10 };
        using var pipeline = new EnginePipeline(new MatchingEngine(CommandStreams.Instrument, 4_096), options, d => d.HandleEventsWith(new JournalHandler<EngineEvent, EngineEventCodec>(writer)));
        pipeline.Start();
        var odd = new Thread(() =>
        {
            for (int i = 1; i < commands.Length; i += 2)
            {
                pipeline.PublishSequenced(i, in commands[i]);
            }
        });
        odd.Start();

        // The even producer starts only once the odd one is stuck at the edge of the window, far ahead of command 0.
        Assert.True(SpinWait.SpinUntil(() => pipeline.Input.Cursor >= (options.ReorderWindow / 2) - 1, TimeSpan.FromSeconds(10)), "odd producer reached the window edge");
        Thread.Sleep(50);
        Assert.True(odd.IsAlive, "the odd producer must be waiting for command 0");
        for (int i = 0; i < commands.Length; i += 2)
        {
            pipeline.PublishSequenced(i, in commands[i]);
        }

        Assert.True(odd.Join(TimeSpan.FromSeconds(30)), "odd producer finished");
        Assert.True(pipeline.Shutdown(TimeSpan.FromSeconds(30)), "pipeline did not drain");
        Assert.Null(pipeline.Fault);
        Assert.Equal(expected, journal.ToArray());
    }

    [Fact]
    public void PublishSequenced_without_resequencing_is_refused()
    {
        using var pipeline = new EnginePipeline(new MatchingEngine(CommandStreams.Instrument, 64), new EnginePipelineOptions(), d => d.HandleEventsWith(new CountingHandler(new CountingHandler.Counter())));
        Assert.Throws<InvalidOperationException>(() => pipeline.PublishSequenced(0, new OrderCommand()));
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
        Assert.Equal("consumer failed on purpose", Assert.IsType<InvalidOperationException>(pipeline.Fault).Message);
        Assert.False(pipeline.Shutdown(TimeSpan.FromSeconds(1)), "a halted consumer cannot drain, and shutdown must say so instead of hanging");

        // The business-logic thread, stuck waiting for output room that will never come, must stop too.
        Assert.True(SpinWait.SpinUntil(() => !pipeline.IsRunning, TimeSpan.FromSeconds(5)), "business-logic thread still running");
    }

    [Fact]
    public void Shutdown_stops_a_business_logic_thread_that_waits_on_a_stuck_output_consumer()
    {
        var commands = CommandStreams.Random(seed: 6, 1_000);
        using var release = new ManualResetEventSlim();
        using var pipeline = new EnginePipeline(new MatchingEngine(CommandStreams.Instrument, 4_096), new EnginePipelineOptions { InputRingSize = 64, OutputRingSize = 64 },
            d => d.HandleEventsWith(new StuckHandler(release)));
        pipeline.Start();
        var producer = new Thread(() =>
        {
            var input = pipeline.Input;
            foreach (var command in commands)
            {
                if (!input.TryNext(out long sequence))
                {
                    return; // the pipeline is stuck; give up (a real producer would report it)
                }

                input[sequence] = new SequencedCommand { Command = command };
                input.Publish(sequence);
            }
        }) { IsBackground = true };
        producer.Start();
        Assert.True(producer.Join(TimeSpan.FromSeconds(10)));

        Assert.False(pipeline.Shutdown(TimeSpan.FromMilliseconds(300)), "a stuck consumer cannot drain");
        Assert.True(SpinWait.SpinUntil(() => !pipeline.IsRunning, TimeSpan.FromSeconds(5)), "business-logic thread still running after shutdown");
        release.Set();
    }

    private static byte[] RunSingleProducer(OrderCommand[] commands, EnginePipelineOptions options)
    {
        var journal = new MemoryStream();
        var writer = new JournalWriter(journal, leaveOpen: true);
        using (var pipeline = new EnginePipeline(new MatchingEngine(CommandStreams.Instrument, 4_096), options, d => d.HandleEventsWith(new JournalHandler<EngineEvent, EngineEventCodec>(writer))))
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

    /// <summary>Blocks on its first event until released: a consumer that stopped making progress.</summary>
    private readonly struct StuckHandler(ManualResetEventSlim release) : IEventHandler<EngineEvent>
    {
        public void OnEvent(ref EngineEvent data, long sequence, bool endOfBatch) => release.Wait();

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
    }
}
