using Microstructure.Ring.Tests.TestSupport;

namespace Microstructure.Ring.Tests.WaitStrategies;

public class BlockingWaitStrategyTests
{
    [Fact]
    public void Two_stage_pipeline_delivers_every_event_in_order_under_this_strategy() =>
        WaitStrategyScenario.RunPipeline(() => new BlockingWaitStrategy());

    [Fact]
    public void Returns_the_available_sequence_which_may_exceed_the_request() =>
        WaitStrategyScenario.AssertReturnsAvailableSequence(new BlockingWaitStrategy());

    [Fact]
    public void A_waiting_consumer_exits_when_cancelled() =>
        WaitStrategyScenario.AssertWaitIsCancellable(new BlockingWaitStrategy());

    [Fact]
    public void Reports_whether_publishers_must_signal() =>
        Assert.True(new BlockingWaitStrategy().IsBlockingStrategy);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_consumer_that_blocks_before_every_event_is_always_woken(bool multiProducer)
    {
        // Ping-pong: the producer waits until each event is consumed before publishing the next, so the consumer
        // blocks before every event and a lost wake-up shows as a stall.
        Bounded.Run(
            () =>
            {
                var ring = Publish.Create(multiProducer, 8, new BlockingWaitStrategy());
                var processor = new BatchEventProcessor<TestEvent, ProbeHandler>(ring, ring.NewBarrier(), ProbeHandler.Create());
                ring.AddGatingSequences(processor.Sequence);
                var thread = Bounded.Start(processor);
                for (long i = 0; i < 20_000; i++)
                {
                    var sequence = ring.Next();
                    ring[sequence].Value = i;
                    ring.Publish(sequence);
                    Bounded.Until(() => processor.Sequence.Value >= sequence, $"wake-up for event {sequence}", TimeSpan.FromSeconds(2));
                }

                Bounded.Stop(processor, thread);
            },
            TimeSpan.FromSeconds(60));
    }
}
