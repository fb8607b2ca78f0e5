using System.Diagnostics;
using Microstructure.Ring.Tests.TestSupport;

namespace Microstructure.Ring.Tests.WaitStrategies;

public class TimeoutBlockingWaitStrategyTests
{
    [Fact]
    public void Two_stage_pipeline_delivers_every_event_in_order_under_this_strategy() =>
        WaitStrategyScenario.RunPipeline(() => new TimeoutBlockingWaitStrategy(TimeSpan.FromMilliseconds(5)));

    [Fact]
    public void Returns_the_available_sequence_which_may_exceed_the_request() =>
        WaitStrategyScenario.AssertReturnsAvailableSequence(new TimeoutBlockingWaitStrategy(TimeSpan.FromSeconds(1)));

    [Fact]
    public void A_waiting_consumer_exits_when_cancelled() =>
        WaitStrategyScenario.AssertWaitIsCancellable(new TimeoutBlockingWaitStrategy(TimeSpan.FromSeconds(30)));

    [Fact]
    public void Wait_returns_timeout_when_nothing_is_published_within_the_timeout()
    {
        var strategy = new TimeoutBlockingWaitStrategy(TimeSpan.FromMilliseconds(50));
        var stopwatch = Stopwatch.StartNew();
        var result = strategy.WaitFor(0, new DependentSequenceGroup(new Sequence()), CancellationToken.None);
        Assert.True(result.IsTimeout);
        Assert.InRange(stopwatch.ElapsedMilliseconds, 40, 5_000);
    }

    [Fact]
    public void Processor_calls_OnTimeout_with_its_sequence_when_idle()
    {
        Bounded.Run(() =>
        {
            var ring = Publish.Create(multiProducer: false, 8, new TimeoutBlockingWaitStrategy(TimeSpan.FromMilliseconds(10)));
            var processor = new BatchEventProcessor<TestEvent, ProbeHandler>(ring, ring.NewBarrier(), ProbeHandler.Create());
            ring.AddGatingSequences(processor.Sequence);
            var timeouts = processor.Handler.Timeouts;
            var thread = Bounded.Start(processor);

            Bounded.Until(() => { lock (timeouts) { return timeouts.Count >= 2; } }, "two idle timeouts");
            Publish.Values(ring, 3);
            Bounded.Until(() => processor.Sequence.Value == 2, "events processed");
            Bounded.Until(() => { lock (timeouts) { return timeouts.Contains(2); } }, "a timeout after the events");
            Bounded.Stop(processor, thread);

            Assert.Equal(3, processor.Handler.Count);
            lock (timeouts)
            {
                Assert.Equal(-1, timeouts[0]);
                Assert.All(timeouts, t => Assert.True(t is -1 or 2));
            }
        });
    }

    [Fact]
    public void Timeout_must_be_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TimeoutBlockingWaitStrategy(TimeSpan.Zero));
}
