using System.Diagnostics;
using System.Threading.Channels;
using Microstructure.Ring;

namespace Microstructure.PerfTests;

/// <summary>
/// One producer, one consumer, struct events through a 64K ring, with a checksum; and the same transfer through a
/// bounded single-reader/single-writer <see cref="Channel{T}"/> for comparison.
/// </summary>
internal static class RingThroughput
{
    public const int RingSize = 1 << 16;

    public static Measurement RunRing(long events, int producerCpu, int consumerCpu, int batch, bool busySpin)
    {
        IWaitStrategy wait = busySpin ? new BusySpinWaitStrategy() : new YieldingWaitStrategy();
        var disruptor = new Disruptor<LongEvent>(RingSize, ProducerType.Single, wait);
        disruptor.HandleEventsWith(new ChecksumHandler(consumerCpu), out var processor);
        var ring = disruptor.Start();

        int gcBefore = GcCount();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var producer = new Thread(() =>
        {
            ThreadAffinity.Pin(producerCpu);
            for (long i = 0; i < events; i += batch)
            {
                int n = (int)Math.Min(batch, events - i);
                long hi = ring.Next(n);
                long lo = hi - n + 1;
                for (long s = lo; s <= hi; s++)
                {
                    ring[s].Value = i + (s - lo);
                }

                ring.Publish(lo, hi);
            }
        }) { Name = "ring-producer", IsBackground = true };
        producer.Start();
        producer.Join();
        var consumed = processor.Sequence;
        while (consumed.Value < events - 1)
        {
            Thread.Yield();
        }

        stopwatch.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        disruptor.Halt();
        long checksum = processor.Handler.Sum;
        long expected = events * (events - 1) / 2;
        return new Measurement(events, stopwatch.Elapsed, GcCount() - gcBefore, checksum == expected) { Cpu = cpu };
    }

    public static Measurement RunChannel(long events, int producerCpu, int consumerCpu)
    {
        var channel = Channel.CreateBounded<LongEvent>(new BoundedChannelOptions(RingSize)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        long sum = 0;
        int gcBefore = GcCount();
        var stopwatch = Stopwatch.StartNew();
        var consumer = new Thread(() =>
        {
            ThreadAffinity.Pin(consumerCpu);
            var reader = channel.Reader;
            long seen = 0;
            while (seen < events)
            {
                while (reader.TryRead(out LongEvent e))
                {
                    sum += e.Value;
                    seen++;
                }

                if (seen < events && !reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
                {
                    break;
                }
            }
        }) { Name = "channel-consumer", IsBackground = true };
        var producer = new Thread(() =>
        {
            ThreadAffinity.Pin(producerCpu);
            var writer = channel.Writer;
            for (long i = 0; i < events; i++)
            {
                var e = new LongEvent { Value = i };
                while (!writer.TryWrite(e))
                {
                    writer.WaitToWriteAsync().AsTask().GetAwaiter().GetResult();
                }
            }
        }) { Name = "channel-producer", IsBackground = true };
        consumer.Start();
        producer.Start();
        producer.Join();
        consumer.Join();
        stopwatch.Stop();
        return new Measurement(events, stopwatch.Elapsed, GcCount() - gcBefore, sum == events * (events - 1) / 2);
    }

    private static int GcCount() => GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);

    internal struct LongEvent
    {
        public long Value;
    }

    private struct ChecksumHandler(int cpu) : IEventHandler<LongEvent>
    {
        public long Sum;

        public void OnEvent(ref LongEvent data, long sequence, bool endOfBatch) => Sum += data.Value;

        public readonly void OnBatchStart(long batchSize)
        {
        }

        public readonly void OnStart() => ThreadAffinity.Pin(cpu);

        public readonly void OnShutdown()
        {
        }

        public readonly void OnTimeout(long sequence)
        {
        }
    }
}

/// <summary>Events moved, time taken, collections seen, and whether the checksum matched.</summary>
internal readonly record struct Measurement(long Events, TimeSpan Elapsed, int GcCollections, bool ChecksumOk)
{
    public double PerSecond => Events / Elapsed.TotalSeconds;

    /// <summary>CPU time of the whole process during the run (both threads, spinning included).</summary>
    public TimeSpan Cpu { get; init; }

    /// <summary>Events per CPU-second: with producer and consumer sharing one core, the cost of the code path itself.</summary>
    public double PerCpuSecond => Events / Cpu.TotalSeconds;
}
