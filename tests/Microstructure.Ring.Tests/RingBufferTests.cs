using System.Runtime.CompilerServices;
using FsCheck;
using FsCheck.Xunit;
using Microstructure.Ring.Tests.TestSupport;

namespace Microstructure.Ring.Tests;

public class RingBufferTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-8)]
    [InlineData(3)]
    [InlineData(1000)]
    public void Buffer_size_that_is_not_a_power_of_two_is_rejected(int size)
    {
        Assert.Throws<ArgumentException>(() => RingBuffer<TestEvent>.CreateSingleProducer(size, new BusySpinWaitStrategy()));
        Assert.Throws<ArgumentException>(() => RingBuffer<TestEvent>.CreateMultiProducer(size, new BusySpinWaitStrategy()));
    }

    [Fact]
    public void Events_are_preallocated_as_default_and_written_in_place_by_ref()
    {
        var ring = Publish.Create(multiProducer: false, size: 8);
        Assert.Equal(8, ring.BufferSize);
        Assert.Equal(-1, ring.Cursor);
        for (long i = 0; i < 8; i++)
        {
            Assert.Equal(default, ring[i]);
        }

        ref var slot = ref ring[3];
        slot.Value = 99;
        Assert.Equal(99, ring[3].Value);
    }

    [Fact]
    public void Sequences_one_lap_apart_share_a_slot()
    {
        var ring = Publish.Create(multiProducer: false, size: 8);
        Assert.True(Unsafe.AreSame(ref ring[2], ref ring[10]));
        Assert.True(Unsafe.AreSame(ref ring[7], ref ring[8 * 1000 + 7]));
        Assert.False(Unsafe.AreSame(ref ring[0], ref ring[7]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Consumer_sees_1000_events_in_order_with_their_payloads_on_a_ring_of_8(bool multiProducer)
    {
        Bounded.Run(() =>
        {
            var ring = Publish.Create(multiProducer, 8);
            var processor = new BatchEventProcessor<TestEvent, ProbeHandler>(ring, ring.NewBarrier(), ProbeHandler.Create());
            ring.AddGatingSequences(processor.Sequence);
            var thread = Bounded.Start(processor);

            Publish.Values(ring, 1000);
            Bounded.Until(() => processor.Sequence.Value == 999, "consumer reaches 999");
            Bounded.Stop(processor, thread);

            ref var handler = ref processor.Handler;
            Assert.Equal(Enumerable.Range(0, 1000).Select(i => (long)i), handler.Sequences);
            Assert.Equal(Enumerable.Range(0, 1000).Select(i => Publish.PayloadFor(i)), handler.Values);
        });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Producer_never_overwrites_an_unconsumed_slot(bool multiProducer)
    {
        var ring = Publish.Create(multiProducer, 8);
        var stalledConsumer = new Sequence();
        ring.AddGatingSequences(stalledConsumer);

        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(8 - i, ring.GetRemainingCapacity());
            Assert.True(ring.TryNext(out var sequence));
            Assert.Equal(i, sequence);
            ring[sequence].Value = i;
            ring.Publish(sequence);
        }

        Assert.Equal(0, ring.GetRemainingCapacity());
        Assert.False(ring.TryNext(out _));
        Assert.False(ring.TryNext(2, out _));
        Assert.Equal(7, ring.Cursor);

        // A blocking claim must wait for the consumer rather than overwrite slot 0.
        var claim = new BackgroundCall<long>(() => ring.Next());
        Assert.False(claim.FinishesWithin(TimeSpan.FromMilliseconds(150)), "Next() returned while the ring was full");
        Assert.Equal(0, ring[0].Value);

        stalledConsumer.SetValue(2); // consumed 0..2
        Assert.Equal(8, claim.Result);
        ring.Publish(8);

        Assert.Equal(2, ring.GetRemainingCapacity());
        Assert.True(ring.TryNext(2, out var hi));
        Assert.Equal(10, hi);
        ring.Publish(9, 10);
        Assert.False(ring.TryNext(out _));
        Assert.Equal(3, ring[3].Value);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Without_gating_sequences_the_producer_is_not_held_back(bool multiProducer)
    {
        var ring = Publish.Create(multiProducer, 4);
        Publish.Values(ring, 20);
        Assert.Equal(19, ring.Cursor);
        Assert.Equal(4, ring.GetRemainingCapacity());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Next_n_claims_a_range_and_publish_range_makes_every_event_available(bool multiProducer)
    {
        var ring = Publish.Create(multiProducer, 16);
        var consumer = new Sequence();
        ring.AddGatingSequences(consumer);

        var hi = ring.Next(5);
        Assert.Equal(4, hi);
        for (var s = 0; s <= hi; s++)
        {
            Assert.False(ring.IsAvailable(s));
            ring[s].Value = s * 2;
        }

        Assert.Equal(11, ring.GetRemainingCapacity());
        ring.Publish(0, hi);
        for (var s = 0; s <= hi; s++)
        {
            Assert.True(ring.IsAvailable(s));
        }

        Assert.False(ring.IsAvailable(5));
        Assert.Equal(4, ring.NewBarrier().WaitFor(0).UnsafeAvailableSequence);
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(false, 17)]
    [InlineData(true, 0)]
    [InlineData(true, -1)]
    public void Claims_outside_one_to_buffer_size_are_rejected(bool multiProducer, int n)
    {
        var ring = Publish.Create(multiProducer, 16);
        Assert.Throws<ArgumentOutOfRangeException>(() => ring.Next(n));
        Assert.Throws<ArgumentOutOfRangeException>(() => ring.TryNext(n, out _));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PublishEvent_scope_writes_in_place_and_publishes_on_dispose(bool multiProducer)
    {
        var ring = Publish.Create(multiProducer, 8);
        long claimed;
        using (var scope = ring.PublishEvent())
        {
            claimed = scope.Sequence;
            scope.Event().Value = 123;
            Assert.False(ring.IsAvailable(claimed));
        }

        Assert.Equal(0, claimed);
        Assert.True(ring.IsAvailable(0));
        Assert.Equal(123, ring[0].Value);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PublishEvents_batch_scope_publishes_the_whole_range_on_dispose(bool multiProducer)
    {
        var ring = Publish.Create(multiProducer, 8);
        Publish.Values(ring, 2);
        using (var batch = ring.PublishEvents(3))
        {
            Assert.Equal(2, batch.StartSequence);
            Assert.Equal(4, batch.EndSequence);
            Assert.Equal(3, batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                batch.Event(i).Value = 1000 + i;
            }

            Assert.False(ring.IsAvailable(2));
        }

        for (var s = 2; s <= 4; s++)
        {
            Assert.True(ring.IsAvailable(s));
            Assert.Equal(1000 + s - 2, ring[s].Value);
        }
    }

    [Fact]
    public void Batch_scope_rejects_an_index_outside_the_batch()
    {
        var ring = Publish.Create(multiProducer: false, 8);
        var threw = false;
        using (var batch = ring.PublishEvents(2))
        {
            try
            {
                batch.Event(2).Value = 1;
            }
            catch (ArgumentOutOfRangeException)
            {
                threw = true;
            }
        }

        Assert.True(threw);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Claiming_writing_and_publishing_allocate_nothing(bool multiProducer)
    {
        var ring = Publish.Create(multiProducer, 64, new BlockingWaitStrategy());
        var consumer = new Sequence();
        ring.AddGatingSequences(consumer);
        PublishAndConsume(ring, consumer, 10_000); // warm up the JIT
        var before = GC.GetAllocatedBytesForCurrentThread();
        PublishAndConsume(ring, consumer, 100_000);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);

        static void PublishAndConsume(RingBuffer<TestEvent> ring, Sequence consumer, int count)
        {
            for (var i = 0; i < count; i++)
            {
                using (var scope = ring.PublishEvent())
                {
                    scope.Event().Value = i;
                }

                var hi = ring.Next(2);
                ring[hi].Value = i;
                ring[hi - 1].Value = i;
                ring.Publish(hi - 1, hi);
                consumer.SetValue(hi);
            }
        }
    }

    [Fact]
    public void Removing_a_gating_sequence_releases_the_producer()
    {
        var ring = Publish.Create(multiProducer: false, 4);
        var consumer = new Sequence();
        ring.AddGatingSequences(consumer);
        Publish.Values(ring, 4);
        Assert.False(ring.TryNext(out _));
        Assert.True(ring.RemoveGatingSequence(consumer));
        Assert.False(ring.RemoveGatingSequence(consumer));
        Assert.True(ring.TryNext(out var sequence));
        Assert.Equal(4, sequence);
    }

    /// <summary>
    /// Model: a ring fed in random batch sizes through Next(n)/Publish(lo, hi) (and TryNext(n))
    /// and drained through a barrier delivers exactly the published values, in order.
    /// </summary>
    [Property(MaxTest = 200)]
    public bool Random_batches_deliver_exactly_the_published_values_in_order(PositiveInt[] batchSizes, bool multiProducer, bool useTryNext)
    {
        const int Size = 16;
        var ring = Publish.Create(multiProducer, Size);
        var consumer = new Sequence();
        ring.AddGatingSequences(consumer);
        var barrier = ring.NewBarrier();
        var published = new List<long>();
        var delivered = new List<long>();
        long nextValue = 0;

        foreach (var batch in batchSizes)
        {
            var n = ((batch.Get - 1) % Size) + 1;
            long hi;
            if (useTryNext)
            {
                if (!ring.TryNext(n, out hi))
                {
                    return false; // the consumer drains everything, so capacity must be there
                }
            }
            else
            {
                hi = ring.Next(n);
            }

            var lo = hi - n + 1;
            for (var s = lo; s <= hi; s++)
            {
                ring[s].Value = nextValue;
                published.Add(nextValue++);
            }

            ring.Publish(lo, hi);

            // Drain what is available, as a consumer would, and release the slots.
            var next = consumer.Value + 1;
            var available = barrier.WaitFor(next).UnsafeAvailableSequence;
            if (available != hi)
            {
                return false;
            }

            for (var s = next; s <= available; s++)
            {
                delivered.Add(ring[s].Value);
            }

            consumer.SetValue(available);
            if (ring.GetRemainingCapacity() != Size)
            {
                return false;
            }
        }

        return published.SequenceEqual(delivered);
    }
}
