using Microstructure.Engine.Journal;
using Microstructure.Engine.Processing;
using Microstructure.Risk.Journal;
using Microstructure.Risk.Processing;
using Microstructure.Risk.Tests.TestSupport;
using Microstructure.Ring;

namespace Microstructure.Risk.Tests.Processing;

public class ExchangePipelineTests
{
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void Pipelined_and_synchronous_runs_write_byte_identical_journals(int seed)
    {
        var (options, commands) = CommandLog.Record(seed, 1_500);
        byte[] synchronous = RunSynchronously(options, commands);
        byte[] pipelined = RunPipelined(options, commands, new EnginePipelineOptions { InputProducerType = ProducerType.Single, InputRingSize = 256, OutputRingSize = 1_024 });
        Assert.True(synchronous.Length > JournalHeader.Length + commands.Count, "the journal should hold every command's events");
        Assert.Equal(synchronous, pipelined);
    }

    [Fact]
    public void Two_racing_producers_with_resequencing_give_the_synchronous_journal()
    {
        var (options, commands) = CommandLog.Record(21, 1_500);
        byte[] expected = RunSynchronously(options, commands);
        var journal = new MemoryStream();
        var writer = new ExchangeJournalWriter(journal, leaveOpen: true);
        var pipelineOptions = new EnginePipelineOptions { InputProducerType = ProducerType.Multi, InputRingSize = 64, Resequence = true, ReorderWindow = 1 << 12 };
        using (var pipeline = new ExchangePipeline(new Exchange(options), pipelineOptions, d => d.HandleEventsWith(new JournalHandler<ExchangeEvent, ExchangeEventCodec>(writer))))
        {
            pipeline.Start();
            var producers = Enumerable.Range(0, 2).Select(p => new Thread(() =>
            {
                for (int i = p; i < commands.Count; i += 2)
                {
                    long sequence = pipeline.Input.Next();
                    pipeline.Input[sequence] = new SequencedExchangeCommand { SourceSequence = i, Command = commands[i] };
                    pipeline.Input.Publish(sequence);
                }
            })).ToList();
            producers.ForEach(t => t.Start());
            Assert.All(producers, t => Assert.True(t.Join(TimeSpan.FromSeconds(60))));
            Assert.True(pipeline.Shutdown(TimeSpan.FromSeconds(60)), "pipeline did not drain");
            Assert.Null(pipeline.Fault);
        }

        Assert.Equal(expected, journal.ToArray());
    }

    [Fact]
    public void Same_commands_give_the_same_journal_on_a_fresh_exchange()
    {
        var (options, commands) = CommandLog.Record(31, 1_000);
        Assert.Equal(RunSynchronously(options, commands), RunSynchronously(options, commands));
    }

    internal static byte[] RunSynchronously(ExchangeOptions options, List<ExchangeCommand> commands)
    {
        var journal = new MemoryStream();
        using (var writer = new ExchangeJournalWriter(journal, leaveOpen: true))
        {
            var exchange = new Exchange(options);
            var sink = new ExchangeJournalSink(writer);
            for (int i = 0; i < commands.Count; i++)
            {
                var command = commands[i];
                exchange.Process(in command, i, ref sink);
            }
        }

        return journal.ToArray();
    }

    private static byte[] RunPipelined(ExchangeOptions options, List<ExchangeCommand> commands, EnginePipelineOptions pipelineOptions)
    {
        var journal = new MemoryStream();
        var writer = new ExchangeJournalWriter(journal, leaveOpen: true);
        using (var pipeline = new ExchangePipeline(new Exchange(options), pipelineOptions, d => d.HandleEventsWith(new JournalHandler<ExchangeEvent, ExchangeEventCodec>(writer))))
        {
            pipeline.Start();
            for (int i = 0; i < commands.Count; i++)
            {
                long sequence = pipeline.Input.Next();
                ref var slot = ref pipeline.Input[sequence];
                slot.SourceSequence = i;
                slot.Command = commands[i];
                pipeline.Input.Publish(sequence);
            }

            Assert.True(pipeline.Shutdown(TimeSpan.FromSeconds(60)), "pipeline did not drain");
            Assert.Null(pipeline.Fault);
        }

        return journal.ToArray();
    }
}
