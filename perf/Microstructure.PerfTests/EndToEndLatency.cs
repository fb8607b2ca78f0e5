using HdrHistogram;
using Microstructure.Engine;
using Microstructure.Engine.Journal;
using Microstructure.Engine.Matching;
using Microstructure.Engine.Processing;
using Microstructure.Ring;
using Microstructure.Workloads;

namespace Microstructure.PerfTests;

/// <summary>
/// Open-loop load at a fixed offered rate through producer → input ring → engine → output ring → journal, with
/// latency per command from its intended send time to its first journaled event; and the floors of the same
/// thread placement with nothing but the rings in between.
/// </summary>
/// <remarks>
/// Two placements. <b>Client polls</b> (two threads, one per core): the client thread on core 0 paces commands
/// into the input ring and, while it waits for the next send time, polls the output ring (journal + latency) with
/// an <see cref="EventPoller{T}"/>; the business-logic thread busy-spins on core 1. Its floor is the round trip
/// core 0 → core 1 → core 0 through two rings. <b>Journal thread</b> (three threads on two cores): producer on
/// core 0, business logic and a journal thread sharing core 1 with yielding waits, as a deployment with a
/// dedicated journal thread would run on this machine; its floor is one hop core 0 → core 1.
/// </remarks>
internal static class EndToEndLatency
{
    private const int ClientCpu = 0;
    private const int ServerCpu = 1;
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(60);

    public sealed record Result(string Name, long OfferedRate, long Commands, double AchievedRate, LongHistogram Histogram, int GcCollections, long Clamped);

    /// <summary>Two threads: the client sends and polls the output ring; business logic busy-spins on the other core.</summary>
    public static Result RunClientPolls(OrderCommand[] seed, OrderCommand[] commands, long rate)
    {
        var engine = SeededEngine(seed);
        var probe = new LatencyProbe();
        EventPoller<EngineEvent>? poller = null;
        var options = new EnginePipelineOptions
        {
            InputProducerType = ProducerType.Single,
            WaitStrategyFactory = static () => new BusySpinWaitStrategy(),
            BusinessLogicThreadStarted = static () => ThreadAffinity.Pin(ServerCpu),
        };
        using var pipeline = new EnginePipeline(engine, options, d =>
        {
            poller = d.RingBuffer.NewPoller();
            d.RingBuffer.AddGatingSequences(poller.Sequence);
        });
        pipeline.Start();
        var handler = new LatencyJournalHandler(new JournalWriter(Stream.Null), probe, -1);
        var run = RunOnPinnedThread("e2e-client", ClientCpu, () =>
        {
            var input = pipeline.Input;
            long interval = 1_000_000_000 / rate;
            long start = Clock.NowNanos() + 1_000_000;
            for (int i = 0; i < commands.Length; i++)
            {
                long due = start + (i * interval);
                do
                {
                    poller!.Poll(ref handler);
                }
                while (Clock.NowNanos() < due);

                // Never block on a full input ring without polling: the engine may itself be waiting for the
                // client to drain the output ring.
                long sequence;
                while (!input.TryNext(out sequence))
                {
                    poller!.Poll(ref handler);
                }

                Send(input, sequence, in commands[i], due);
            }

            PollUntil(poller!, ref handler, probe, commands.Length, () => pipeline.Fault);
            return start;
        });
        pipeline.Shutdown(DrainTimeout);
        return Finish("engine pipeline, client polls (2 threads)", rate, commands.Length, run, probe);
    }

    /// <summary>Three threads: producer on core 0; business logic and a journal thread sharing core 1.</summary>
    public static Result RunJournalThread(OrderCommand[] seed, OrderCommand[] commands, long rate)
    {
        var engine = SeededEngine(seed);
        var probe = new LatencyProbe();
        var options = new EnginePipelineOptions
        {
            InputProducerType = ProducerType.Single,
            WaitStrategyFactory = static () => new YieldingWaitStrategy(),
            BusinessLogicThreadStarted = static () => ThreadAffinity.Pin(ServerCpu),
        };
        using var pipeline = new EnginePipeline(engine, options,
            d => d.HandleEventsWith(new LatencyJournalHandler(new JournalWriter(Stream.Null), probe, ServerCpu)));
        pipeline.Start();
        var run = RunOnPinnedThread("e2e-producer", ClientCpu, () =>
        {
            var input = pipeline.Input;
            long interval = 1_000_000_000 / rate;
            long start = Clock.NowNanos() + 1_000_000;
            for (int i = 0; i < commands.Length; i++)
            {
                long due = start + (i * interval);
                Clock.SpinUntil(due);
                Send(input, input.Next(), in commands[i], due);
            }

            return start;
        });
        if (!pipeline.Shutdown(DrainTimeout) || probe.Completed != commands.Length)
        {
            throw new InvalidOperationException($"The pipeline did not drain: {probe.Completed:N0} of {commands.Length:N0} commands journaled.", pipeline.Fault);
        }

        return Finish("engine pipeline, journal thread (3 threads)", rate, commands.Length, run, probe);
    }

    /// <summary>Floor of the journal-thread placement: one hop core 0 → core 1 through one ring, busy-spin.</summary>
    public static Result RunOneHopFloor(long events, long rate)
    {
        var probe = new LatencyProbe();
        var disruptor = new Disruptor<StampEvent>(1 << 16, ProducerType.Single, new BusySpinWaitStrategy());
        disruptor.HandleEventsWith(new StampRecorder(probe));
        var ring = disruptor.Start();
        var run = RunOnPinnedThread("floor-producer", ClientCpu, () =>
        {
            long interval = 1_000_000_000 / rate;
            long start = Clock.NowNanos() + 1_000_000;
            for (long i = 0; i < events; i++)
            {
                long due = start + (i * interval);
                Clock.SpinUntil(due);
                long sequence = ring.Next();
                ring[sequence].IntendedNanos = due;
                ring.Publish(sequence);
            }

            return start;
        });
        if (!disruptor.Shutdown(DrainTimeout) || probe.Completed != events)
        {
            throw new InvalidOperationException($"The floor run did not drain: {probe.Completed:N0} of {events:N0} events consumed.", disruptor.Fault);
        }

        return Finish("ring floor, one hop 0→1", rate, events, run, probe);
    }

    /// <summary>Floor of the client-polls placement: core 0 → core 1 → core 0 through two rings, nothing else.</summary>
    public static Result RunRoundTripFloor(long events, long rate)
    {
        var probe = new LatencyProbe();
        var back = RingBuffer<StampEvent>.CreateSingleProducer(1 << 16, new BusySpinWaitStrategy());
        var poller = back.NewPoller();
        back.AddGatingSequences(poller.Sequence);
        var there = new Disruptor<StampEvent>(1 << 16, ProducerType.Single, new BusySpinWaitStrategy());
        there.HandleEventsWith(new StampEcho(back));
        var ring = there.Start();
        var handler = new StampPollRecorder(probe);
        var run = RunOnPinnedThread("floor-client", ClientCpu, () =>
        {
            long interval = 1_000_000_000 / rate;
            long start = Clock.NowNanos() + 1_000_000;
            for (long i = 0; i < events; i++)
            {
                long due = start + (i * interval);
                do
                {
                    poller.Poll(ref handler);
                }
                while (Clock.NowNanos() < due);

                long sequence;
                while (!ring.TryNext(out sequence))
                {
                    poller.Poll(ref handler);
                }

                ring[sequence].IntendedNanos = due;
                ring.Publish(sequence);
            }

            PollUntil(poller, ref handler, probe, events, () => there.Fault);
            return start;
        });
        there.Shutdown(DrainTimeout);
        return Finish("ring floor, round trip 0→1→0", rate, events, run, probe);
    }

    private static MatchingEngine SeededEngine(OrderCommand[] seed)
    {
        var engine = ExchangeCoreMix.CreateEngine();
        var sink = new CountingSink();
        for (int i = 0; i < seed.Length; i++)
        {
            engine.Process(in seed[i], i, ref sink);
        }

        return engine;
    }

    private static void Send(RingBuffer<SequencedCommand> input, long sequence, in OrderCommand command, long intendedNanos)
    {
        ref SequencedCommand slot = ref input[sequence];
        slot.Command = command;
        slot.Command.Timestamp = new Timestamp(intendedNanos); // the intended send time (see LatencyProbe)
        input.Publish(sequence);
    }

    private static void PollUntil<T, THandler>(EventPoller<T> poller, ref THandler handler, LatencyProbe probe, long count, Func<Exception?> fault)
        where T : struct
        where THandler : IEventPollHandler<T>
    {
        long deadline = Clock.NowNanos() + (long)DrainTimeout.TotalNanoseconds;
        while (probe.Completed < count)
        {
            if (poller.Poll(ref handler) != PollState.Processing && (fault() is not null || Clock.NowNanos() > deadline))
            {
                throw new InvalidOperationException($"Only {probe.Completed:N0} of {count:N0} commands came back.", fault());
            }
        }
    }

    /// <summary>Runs <paramref name="body"/> on a new thread pinned to <paramref name="cpu"/>; returns its result and the GCs seen.</summary>
    private static (long Start, int Gcs) RunOnPinnedThread(string name, int cpu, Func<long> body)
    {
        int gcBefore = GcCount();
        long start = 0;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            ThreadAffinity.Pin(cpu);
            try
            {
                start = body();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }) { Name = name, IsBackground = true };
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new InvalidOperationException($"{name} failed.", failure);
        }

        return (start, GcCount() - gcBefore);
    }

    private static Result Finish(string name, long rate, long count, (long Start, int Gcs) run, LatencyProbe probe)
    {
        double achieved = count / ((probe.LastCompletionNanos - run.Start) / 1e9);
        return new Result(name, rate, count, achieved, probe.Histogram, run.Gcs, probe.Clamped);
    }

    private static int GcCount() => GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);

    private struct StampEvent
    {
        public long IntendedNanos;
    }

    /// <summary>Records each stamp's latency on a consumer thread pinned to the server core.</summary>
    private readonly struct StampRecorder(LatencyProbe probe) : IEventHandler<StampEvent>
    {
        public void OnEvent(ref StampEvent data, long sequence, bool endOfBatch) => probe.Record(data.IntendedNanos);

        public void OnBatchStart(long batchSize)
        {
        }

        public void OnStart() => ThreadAffinity.Pin(ServerCpu);

        public void OnShutdown()
        {
        }

        public void OnTimeout(long sequence)
        {
        }
    }

    /// <summary>Sends each stamp straight back on the return ring, from the server core.</summary>
    private readonly struct StampEcho(RingBuffer<StampEvent> back) : IEventHandler<StampEvent>
    {
        public void OnEvent(ref StampEvent data, long sequence, bool endOfBatch)
        {
            long s = back.Next();
            back[s] = data;
            back.Publish(s);
        }

        public void OnBatchStart(long batchSize)
        {
        }

        public void OnStart() => ThreadAffinity.Pin(ServerCpu);

        public void OnShutdown()
        {
        }

        public void OnTimeout(long sequence)
        {
        }
    }

    private readonly struct StampPollRecorder(LatencyProbe probe) : IEventPollHandler<StampEvent>
    {
        public bool OnEvent(ref StampEvent data, long sequence, bool endOfBatch)
        {
            probe.Record(data.IntendedNanos);
            return true;
        }
    }
}
