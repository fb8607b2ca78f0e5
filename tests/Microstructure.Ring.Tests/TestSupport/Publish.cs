namespace Microstructure.Ring.Tests.TestSupport;

internal static class Publish
{
    /// <summary>Publishes values 0..count-1 one at a time (value = 10 * sequence + 7 to tell payload from sequence).</summary>
    public static void Values(RingBuffer<TestEvent> ring, long count)
    {
        for (long i = 0; i < count; i++)
        {
            var sequence = ring.Next();
            ring[sequence].Value = PayloadFor(i);
            ring.Publish(sequence);
        }
    }

    public static long PayloadFor(long i) => (10 * i) + 7;

    public static RingBuffer<TestEvent> Create(bool multiProducer, int size, IWaitStrategy? waitStrategy = null)
    {
        waitStrategy ??= new YieldingWaitStrategy();
        return multiProducer
            ? RingBuffer<TestEvent>.CreateMultiProducer(size, waitStrategy)
            : RingBuffer<TestEvent>.CreateSingleProducer(size, waitStrategy);
    }
}
