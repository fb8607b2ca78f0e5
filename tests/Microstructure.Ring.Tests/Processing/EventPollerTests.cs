using Microstructure.Ring.Tests.TestSupport;

namespace Microstructure.Ring.Tests.Processing;

public class EventPollerTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Poll_of_an_empty_ring_is_idle_and_handles_nothing(bool multiProducer)
    {
        var (ring, poller) = Create(multiProducer, 8);
        var handler = new Recorder();

        Assert.Equal(PollState.Idle, poller.Poll(ref handler));
        Assert.Empty(handler.Values);
        Assert.Equal(-1, poller.Sequence.Value);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Poll_handles_every_available_event_in_order_and_marks_only_the_last_as_end_of_batch(bool multiProducer)
    {
        var (ring, poller) = Create(multiProducer, 8);
        Publish.Values(ring, 5);
        var handler = new Recorder();

        Assert.Equal(PollState.Processing, poller.Poll(ref handler));

        Assert.Equal([7, 17, 27, 37, 47], handler.Values);
        Assert.Equal([false, false, false, false, true], handler.EndOfBatch);
        Assert.Equal(4, poller.Sequence.Value);
        Assert.Equal(PollState.Idle, poller.Poll(ref handler));
    }

    [Fact]
    public void Handler_returning_false_stops_the_poll_and_the_next_poll_resumes_after_it()
    {
        var (ring, poller) = Create(multiProducer: false, 8);
        Publish.Values(ring, 5);
        var handler = new Recorder { StopAfter = 2 };

        Assert.Equal(PollState.Processing, poller.Poll(ref handler));
        Assert.Equal([7, 17], handler.Values);
        Assert.Equal(1, poller.Sequence.Value);

        handler.StopAfter = int.MaxValue;
        Assert.Equal(PollState.Processing, poller.Poll(ref handler));
        Assert.Equal([7, 17, 27, 37, 47], handler.Values);
    }

    [Fact]
    public void Producer_is_gated_on_the_poller_and_can_publish_again_once_it_polled()
    {
        var (ring, poller) = Create(multiProducer: false, 8);
        Publish.Values(ring, 8);
        Assert.False(ring.TryNext(out _));

        var handler = new Recorder { StopAfter = 3 };
        poller.Poll(ref handler);

        Assert.Equal(3, ring.GetRemainingCapacity());
    }

    [Fact]
    public void Poll_reports_gating_while_an_upstream_consumer_has_not_processed_the_events()
    {
        var ring = Publish.Create(multiProducer: false, 8);
        var upstream = new Sequence();
        var poller = ring.NewPoller(upstream);
        ring.AddGatingSequences(poller.Sequence);
        Publish.Values(ring, 3);
        var handler = new Recorder();

        Assert.Equal(PollState.Gating, poller.Poll(ref handler));
        Assert.Empty(handler.Values);

        upstream.SetValue(1);
        Assert.Equal(PollState.Processing, poller.Poll(ref handler));
        Assert.Equal([7, 17], handler.Values);
    }

    [Fact]
    public void A_claimed_but_unpublished_multi_producer_slot_stops_the_poll_before_it()
    {
        var (ring, poller) = Create(multiProducer: true, 8);
        var first = ring.Next();
        var second = ring.Next();
        ring[second].Value = 2;
        ring.Publish(second);
        var handler = new Recorder();

        Assert.Equal(PollState.Gating, poller.Poll(ref handler));
        Assert.Empty(handler.Values);

        ring[first].Value = 1;
        ring.Publish(first);
        Assert.Equal(PollState.Processing, poller.Poll(ref handler));
        Assert.Equal([1, 2], handler.Values);
    }

    [Fact]
    public void Exception_in_the_handler_keeps_the_events_before_it_and_the_next_poll_retries_the_failing_one()
    {
        var (ring, poller) = Create(multiProducer: false, 8);
        Publish.Values(ring, 4);
        var handler = new Recorder { ThrowOnValue = 27 };

        Assert.Throws<InvalidOperationException>(() => poller.Poll(ref handler));
        Assert.Equal(1, poller.Sequence.Value);

        handler.ThrowOnValue = -1;
        poller.Poll(ref handler);
        Assert.Equal([7, 17, 27, 37], handler.Values);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Poller_on_another_thread_sees_a_million_events_once_each_in_order_on_a_small_ring(bool multiProducer)
    {
        Bounded.Run(() =>
        {
            const long Count = 1_000_000;
            var (ring, poller) = Create(multiProducer, 64);
            long sum = 0, seen = 0, outOfOrder = 0;
            var consumer = new Thread(() =>
            {
                var handler = new Checker();
                while (handler.Seen < Count)
                {
                    if (poller.Poll(ref handler) != PollState.Processing)
                    {
                        Thread.Yield();
                    }
                }

                (sum, seen, outOfOrder) = (handler.Sum, handler.Seen, handler.OutOfOrder);
            }) { IsBackground = true };
            consumer.Start();
            Publish.Values(ring, Count);
            Assert.True(consumer.Join(TimeSpan.FromSeconds(60)), "poller thread finished");

            Assert.Equal(Count, seen);
            Assert.Equal(0, outOfOrder);
            Assert.Equal(Enumerable.Range(0, (int)Count).Sum(i => Publish.PayloadFor(i)), sum);
        });
    }

    private static (RingBuffer<TestEvent> Ring, EventPoller<TestEvent> Poller) Create(bool multiProducer, int size)
    {
        var ring = Publish.Create(multiProducer, size);
        var poller = ring.NewPoller();
        ring.AddGatingSequences(poller.Sequence);
        return (ring, poller);
    }

    private struct Recorder() : IEventPollHandler<TestEvent>
    {
        public List<long> Values { get; } = [];

        public List<bool> EndOfBatch { get; } = [];

        public int StopAfter { get; set; } = int.MaxValue;

        public long ThrowOnValue { get; set; } = -1;

        public readonly bool OnEvent(ref TestEvent data, long sequence, bool endOfBatch)
        {
            if (data.Value == ThrowOnValue)
            {
                throw new InvalidOperationException("handler failure");
            }

            Values.Add(data.Value);
            EndOfBatch.Add(endOfBatch);
            return Values.Count < StopAfter;
        }
    }

    private struct Checker : IEventPollHandler<TestEvent>
    {
        public long Sum;
        public long Seen;
        public long OutOfOrder;

        public bool OnEvent(ref TestEvent data, long sequence, bool endOfBatch)
        {
            if (sequence != Seen || data.Value != Publish.PayloadFor(Seen))
            {
                OutOfOrder++;
            }

            Sum += data.Value;
            Seen++;
            return true;
        }
    }
}
