using BenchmarkDotNet.Attributes;
using Microstructure.Ring;

namespace Microstructure.Benchmarks;

/// <summary>
/// Cost of the producer side of the ring on one thread: claim, write in place, publish — one at a time and in
/// batches of 16 — with a gating sequence that the benchmark advances itself (no consumer thread, so the figure
/// is the sequencer's own cost, not cross-core traffic).
/// </summary>
[MemoryDiagnoser]
public class RingBufferBenchmark
{
    private const int Operations = 1 << 20;

    private RingBuffer<Slot> _single = null!;
    private RingBuffer<Slot> _multi = null!;
    private Sequence _singleGate = null!;
    private Sequence _multiGate = null!;

    [GlobalSetup]
    public void Setup()
    {
        _single = RingBuffer<Slot>.CreateSingleProducer(1 << 16, new BusySpinWaitStrategy());
        _multi = RingBuffer<Slot>.CreateMultiProducer(1 << 16, new BusySpinWaitStrategy());
        _singleGate = new Sequence();
        _multiGate = new Sequence();
        _single.AddGatingSequences(_singleGate);
        _multi.AddGatingSequences(_multiGate);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Operations)]
    public long SingleProducerPublish() => Publish(_single, _singleGate, 1);

    [Benchmark(OperationsPerInvoke = Operations)]
    public long SingleProducerPublishBatch16() => Publish(_single, _singleGate, 16);

    [Benchmark(OperationsPerInvoke = Operations)]
    public long MultiProducerPublish() => Publish(_multi, _multiGate, 1);

    private static long Publish(RingBuffer<Slot> ring, Sequence gate, int batch)
    {
        long last = 0;
        for (int i = 0; i < Operations; i += batch)
        {
            long hi = ring.Next(batch);
            long lo = hi - batch + 1;
            for (long s = lo; s <= hi; s++)
            {
                ring[s].Value = s;
            }

            ring.Publish(lo, hi);
            gate.SetValue(hi); // stand-in consumer: everything published is consumed at once
            last = hi;
        }

        return last;
    }

    public struct Slot
    {
        public long Value;
    }
}
