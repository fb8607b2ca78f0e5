using HdrHistogram;
using Microstructure.Engine;
using Microstructure.Engine.Journal;
using Microstructure.Engine.Matching;
using Microstructure.Engine.Processing;
using Microstructure.Ring;
using Microstructure.Workloads;

namespace Microstructure.PerfTests;

/// <summary>
/// Open-loop load at a fixed offered rate: producer → input ring → engine → output ring → journal + latency.
/// Also measures the floor: the ring's own one-hop latency between the same two cores at the same rate.
/// </summary>
internal static class EndToEndLatency
{
    public sealed record Result(string Name, long OfferedRate, long Commands, double AchievedRate, LongHistogram Histogram, int GcCollections);

    /// <summary>Thread placement: producer core, business-logic core, output-consumer core (−1 = not pinned).</summary>
    public readonly record struct Placement(int Producer, int BusinessLogic, int Output);

    public static Result RunPipeline(OrderCommand[] seed, OrderCommand[] commands, long rate, Placement placement)
    {
        var engine = new MatchingEngine(ExchangeCoreMix.Instrument, ExchangeCoreMix.EngineCapacity);
        var seedSink = new CountingSink();
        for (int i = 0; i < seed.Length; i++)
        {
            engine.Process(in seed[i], i, ref seedSink);
        }

        long interval = 1_000_000_000 / rate;
        var probe = new LatencyProbe();
        var journal = new JournalWriter(Stream.Null);
        var options = new EnginePipelineOptions
        {
            InputProducerType = ProducerType.Single,
            WaitStrategyFactory = Wait(Environment.GetEnvironmentVariable("MS_BLWAIT") ?? "yield"),
            OutputWaitStrategyFactory = Wait(Environment.GetEnvironmentVariable("MS_OUTWAIT") ?? "yield"),
            BusinessLogicThreadStarted = placement.BusinessLogic >= 0 ? () => ThreadAffinity.Pin(placement.BusinessLogic) : null,
        };
        using var pipeline = new EnginePipeline(engine, options,
            d => d.HandleEventsWith(new LatencyJournalHandler(journal, probe, placement.Output)));
        pipeline.Start();

        int gcBefore = GcCount();
        long start = 0;
        var input = pipeline.Input;
        var producer = new Thread(() =>
        {
            if (placement.Producer >= 0)
            {
                ThreadAffinity.Pin(placement.Producer);
            }

            start = Clock.NowNanos() + 1_000_000;
            for (int i = 0; i < commands.Length; i++)
            {
                Clock.SpinUntil(start + (i * interval));
                long sequence = input.Next();
                ref SequencedCommand slot = ref input[sequence];
                slot.Command = commands[i];
                slot.Command.Timestamp = new Timestamp(start + (i * interval)); // intended send time (see LatencyProbe)
                input.Publish(sequence);
            }
        }) { Name = "e2e-producer", IsBackground = true };
        producer.Start();
        producer.Join();
        if (!pipeline.Shutdown(TimeSpan.FromSeconds(60)))
        {
            throw new InvalidOperationException($"The pipeline did not drain within 60 s at {rate:N0} ops/s.", pipeline.Fault);
        }

        if (probe.Completed != commands.Length)
        {
            throw new InvalidOperationException($"{commands.Length:N0} commands sent but {probe.Completed:N0} reached the journal.");
        }

        double achieved = commands.Length / ((probe.LastCompletionNanos - start) / 1e9);
        return new Result("engine pipeline", rate, commands.Length, achieved, probe.Histogram, GcCount() - gcBefore);
    }

    /// <summary>The floor: one hop through the ring between the producer's and the consumer's cores, nothing else.</summary>
    public static Result RunFloor(long events, long rate, int producerCpu, int consumerCpu)
    {
        long interval = 1_000_000_000 / rate;
        var probe = new LatencyProbe();
        var disruptor = new Disruptor<StampEvent>(1 << 16, ProducerType.Single, new BusySpinWaitStrategy());
        disruptor.HandleEventsWith(new StampHandler(probe, consumerCpu));
        var ring = disruptor.Start();
        int gcBefore = GcCount();
        long start = 0;
        var producer = new Thread(() =>
        {
            ThreadAffinity.Pin(producerCpu);
            start = Clock.NowNanos() + 1_000_000;
            for (long i = 0; i < events; i++)
            {
                Clock.SpinUntil(start + (i * interval));
                long sequence = ring.Next();
                ring[sequence].IntendedNanos = start + (i * interval);
                ring.Publish(sequence);
            }
        }) { Name = "floor-producer", IsBackground = true };
        producer.Start();
        producer.Join();
        if (!disruptor.Shutdown(TimeSpan.FromSeconds(60)) || probe.Completed != events)
        {
            throw new InvalidOperationException($"The floor run did not drain: {probe.Completed:N0} of {events:N0} events consumed.", disruptor.Fault);
        }

        double achieved = events / ((probe.LastCompletionNanos - start) / 1e9);
        return new Result("ring one-hop floor", rate, events, achieved, probe.Histogram, GcCount() - gcBefore);
    }

    private static Func<IWaitStrategy> Wait(string name) => name switch
    {
        "spin" => static () => new BusySpinWaitStrategy(),
        "block" => static () => new BlockingWaitStrategy(),
        "sleep" => static () => new SleepingWaitStrategy(),
        _ => static () => new YieldingWaitStrategy(),
    };

    private static int GcCount() => GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);

    private struct StampEvent
    {
        public long IntendedNanos;
    }

    private readonly struct StampHandler(LatencyProbe probe, int cpu) : IEventHandler<StampEvent>
    {
        public void OnEvent(ref StampEvent data, long sequence, bool endOfBatch) => probe.Record(data.IntendedNanos);

        public void OnBatchStart(long batchSize)
        {
        }

        public void OnStart() => ThreadAffinity.Pin(cpu);

        public void OnShutdown()
        {
        }

        public void OnTimeout(long sequence)
        {
        }
    }
}
