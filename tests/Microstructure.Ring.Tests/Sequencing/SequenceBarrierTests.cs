using Microstructure.Ring.Tests.TestSupport;

namespace Microstructure.Ring.Tests.Sequencing;

public class SequenceBarrierTests
{
    [Fact]
    public void WaitFor_returns_the_highest_published_sequence_not_just_the_requested_one()
    {
        var ring = Publish.Create(multiProducer: false, 16);
        Publish.Values(ring, 10);
        var barrier = ring.NewBarrier();
        Assert.Equal(9, barrier.WaitFor(3).UnsafeAvailableSequence);
        Assert.Equal(9, barrier.Cursor);
    }

    [Fact]
    public void WaitFor_never_passes_the_slowest_upstream_consumer()
    {
        var ring = Publish.Create(multiProducer: true, 16);
        Publish.Values(ring, 10);
        var upstreamA = new Sequence(6);
        var upstreamB = new Sequence(4);
        var barrier = ring.NewBarrier(upstreamA, upstreamB);
        Assert.Equal(4, barrier.WaitFor(2).UnsafeAvailableSequence);
        Assert.Equal(4, barrier.Cursor);
    }

    [Fact]
    public void Alert_wakes_a_blocked_waiter_and_ResetProcessing_clears_it()
    {
        var ring = Publish.Create(multiProducer: false, 16, new BlockingWaitStrategy());
        var barrier = ring.NewBarrier();
        var waiter = new BackgroundCall<SequenceWaitResult>(() => barrier.WaitFor(0));
        Assert.False(waiter.FinishesWithin(TimeSpan.FromMilliseconds(100)), "returned with nothing published");

        barrier.Alert();
        Assert.True(barrier.IsAlerted);
        Assert.IsAssignableFrom<OperationCanceledException>(waiter.Exception);
        Assert.ThrowsAny<OperationCanceledException>(() => barrier.WaitFor(0));

        barrier.ResetProcessing();
        Assert.False(barrier.IsAlerted);
        Publish.Values(ring, 1);
        Assert.Equal(0, barrier.WaitFor(0).UnsafeAvailableSequence);
    }

    [Fact]
    public void A_blocked_waiter_wakes_when_the_event_is_published()
    {
        var ring = Publish.Create(multiProducer: true, 16, new BlockingWaitStrategy());
        var barrier = ring.NewBarrier();
        var waiter = new BackgroundCall<SequenceWaitResult>(() => barrier.WaitFor(0));
        Assert.False(waiter.FinishesWithin(TimeSpan.FromMilliseconds(100)));
        Publish.Values(ring, 3);
        Assert.True(waiter.Result.UnsafeAvailableSequence >= 0);
    }
}
