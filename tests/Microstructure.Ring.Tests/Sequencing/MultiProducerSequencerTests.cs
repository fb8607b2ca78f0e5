using Microstructure.Ring.Tests.TestSupport;

namespace Microstructure.Ring.Tests.Sequencing;

public class MultiProducerSequencerTests
{
    [Fact]
    public void A_claimed_but_unpublished_slot_is_not_available_while_later_ones_are()
    {
        var sequencer = new MultiProducerSequencer(8, new BusySpinWaitStrategy());
        var first = sequencer.Next();
        var second = sequencer.Next();
        Assert.Equal(1, sequencer.Cursor); // the cursor tracks claims
        sequencer.Publish(second);
        Assert.False(sequencer.IsAvailable(first));
        Assert.True(sequencer.IsAvailable(second));
        Assert.Equal(-1, sequencer.GetHighestPublishedSequence(0, 1));
        sequencer.Publish(first);
        Assert.Equal(1, sequencer.GetHighestPublishedSequence(0, 1));
    }

    [Fact]
    public void Highest_published_sequence_stops_before_the_first_gap()
    {
        var sequencer = new MultiProducerSequencer(16, new BusySpinWaitStrategy());
        sequencer.Next(6);
        sequencer.Publish(0, 2);
        sequencer.Publish(4, 5);
        Assert.Equal(2, sequencer.GetHighestPublishedSequence(0, 5));
        Assert.Equal(5, sequencer.GetHighestPublishedSequence(4, 5));
    }

    [Fact]
    public void Availability_flags_tell_laps_apart()
    {
        var sequencer = new MultiProducerSequencer(4, new BusySpinWaitStrategy());
        sequencer.Publish(0, sequencer.Next(4));
        Assert.True(sequencer.IsAvailable(2));
        Assert.False(sequencer.IsAvailable(6)); // same slot, next lap: not yet published
        var next = sequencer.Next(3);
        sequencer.Publish(4, next);
        Assert.True(sequencer.IsAvailable(6));
        Assert.False(sequencer.IsAvailable(2));
        Assert.True(sequencer.IsAvailable(3)); // slot 3 not yet reused
    }

    [Fact]
    public void Barrier_never_reports_past_a_claimed_but_unpublished_slot()
    {
        var ring = RingBuffer<TestEvent>.CreateMultiProducer(8, new BusySpinWaitStrategy());
        var first = ring.Next();
        var second = ring.Next();
        ring.Publish(second);
        var barrier = ring.NewBarrier();
        Assert.Equal(first - 1, barrier.WaitFor(first).UnsafeAvailableSequence);
        ring.Publish(first);
        Assert.Equal(second, barrier.WaitFor(first).UnsafeAvailableSequence);
    }

    [Fact]
    public void Concurrent_TryNext_claims_are_unique_and_bounded_by_capacity()
    {
        var sequencer = new MultiProducerSequencer(1024, new BusySpinWaitStrategy());
        var gate = new Sequence();
        sequencer.AddGatingSequences(gate);
        var claimed = new System.Collections.Concurrent.ConcurrentBag<long>();
        Bounded.Run(() => Parallel.For(0, 4, _ =>
        {
            while (sequencer.TryNext(out var sequence))
            {
                claimed.Add(sequence);
            }
        }));
        Assert.Equal(Enumerable.Range(0, 1024).Select(i => (long)i), claimed.Order());
    }

    [Fact]
    public void Four_producers_of_250k_events_on_a_1024_ring_lose_and_duplicate_nothing()
    {
        const int Producers = 4;
        const int PerProducer = 250_000;
        Bounded.Run(() =>
        {
            var ring = RingBuffer<TestEvent>.CreateMultiProducer(1024, new YieldingWaitStrategy());
            var processor = new BatchEventProcessor<TestEvent, PerProducerCheckHandler>(ring, ring.NewBarrier(), new PerProducerCheckHandler(Producers));
            ring.AddGatingSequences(processor.Sequence);
            var consumerThread = Bounded.Start(processor);

            var producers = Enumerable.Range(0, Producers).Select(id => new Thread(() =>
            {
                for (long i = 0; i < PerProducer; i++)
                {
                    if ((i & 7) == 0)
                    {
                        // Mix in the two-phase scope and a small batch claim.
                        using var scope = ring.PublishEvent();
                        ref var e = ref scope.Event();
                        e.ProducerId = id;
                        e.ProducerSequence = i;
                        e.Value = i;
                    }
                    else
                    {
                        var sequence = ring.Next();
                        ref var e = ref ring[sequence];
                        e.ProducerId = id;
                        e.ProducerSequence = i;
                        e.Value = i;
                        ring.Publish(sequence);
                    }
                }
            }) { IsBackground = true }).ToArray();
            foreach (var p in producers)
            {
                p.Start();
            }

            foreach (var p in producers)
            {
                Assert.True(p.Join(Bounded.DefaultTimeout), "producer stuck");
            }

            Bounded.Until(() => processor.Sequence.Value == (Producers * PerProducer) - 1, "consumer drains every event");
            Bounded.Stop(processor, consumerThread);

            ref var handler = ref processor.Handler;
            Assert.Equal(0, handler.Gaps);
            Assert.Equal(Producers * (long)PerProducer, handler.Count);
            var expectedSum = (long)PerProducer * (PerProducer - 1) / 2;
            for (var id = 0; id < Producers; id++)
            {
                Assert.Equal(PerProducer - 1, handler.LastSeen[id]);
                Assert.Equal(expectedSum, handler.Sums[id]);
            }
        }, TimeSpan.FromSeconds(60));
    }

    private struct PerProducerCheckHandler : IEventHandler<TestEvent>
    {
        public readonly long[] LastSeen;
        public readonly long[] Sums;
        public long Gaps;
        public long Count;

        public PerProducerCheckHandler(int producers)
        {
            LastSeen = new long[producers];
            Array.Fill(LastSeen, -1L);
            Sums = new long[producers];
        }

        public void OnEvent(ref TestEvent data, long sequence, bool endOfBatch)
        {
            // Strictly consecutive per producer: nothing lost, nothing duplicated, nothing reordered.
            if (data.ProducerSequence != LastSeen[data.ProducerId] + 1)
            {
                Gaps++;
            }

            LastSeen[data.ProducerId] = data.ProducerSequence;
            Sums[data.ProducerId] += data.Value;
            Count++;
        }

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

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Concurrent_batch_claims_of_random_sizes_lose_and_duplicate_nothing(bool blocking)
    {
        const int Producers = 3, Batches = 40_000;
        Bounded.Run(
            () =>
            {
                IWaitStrategy wait = blocking ? new BlockingWaitStrategy() : new YieldingWaitStrategy();
                var ring = RingBuffer<TestEvent>.CreateMultiProducer(64, wait);
                var last = new long[Producers];
                Array.Fill(last, -1L);
                var processor = new BatchEventProcessor<TestEvent, PerProducerOrder>(ring, ring.NewBarrier(), new PerProducerOrder { Last = last });
                ring.AddGatingSequences(processor.Sequence);
                var consumer = Bounded.Start(processor);
                var producers = Enumerable.Range(0, Producers).Select(id => new Thread(() =>
                {
                    long k = 0;
                    var random = new Random(id);
                    for (var b = 0; b < Batches; b++)
                    {
                        var n = random.Next(1, 9);
                        using var scope = ring.PublishEvents(n);
                        for (var i = 0; i < n; i++)
                        {
                            ref var e = ref scope.Event(i);
                            e.ProducerId = id;
                            e.ProducerSequence = k++;
                        }
                    }
                })).ToArray();
                foreach (var thread in producers)
                {
                    thread.Start();
                }

                foreach (var thread in producers)
                {
                    Assert.True(thread.Join(TimeSpan.FromSeconds(40)), "producer finished");
                }

                Bounded.Until(() => processor.Sequence.Value == ring.Cursor, "drained");
                Bounded.Stop(processor, consumer);
                Assert.Equal(0, processor.Handler.Gaps);
                Assert.Equal(ring.Cursor + 1, processor.Handler.Count);
            },
            TimeSpan.FromSeconds(60));
    }

    /// <summary>Counts events and breaks in each producer's own numbering (a lost or duplicated event is a break).</summary>
    private struct PerProducerOrder : IEventHandler<TestEvent>
    {
        public long[] Last;
        public long Gaps;
        public long Count;

        public void OnEvent(ref TestEvent data, long sequence, bool endOfBatch)
        {
            if (data.ProducerSequence != Last[data.ProducerId] + 1)
            {
                Gaps++;
            }

            Last[data.ProducerId] = data.ProducerSequence;
            Count++;
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
