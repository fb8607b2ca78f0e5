using Microstructure.Ring.Tests.TestSupport;

namespace Microstructure.Ring.Tests.WaitStrategies;

public class SleepingWaitStrategyTests
{
    [Fact]
    public void Two_stage_pipeline_delivers_every_event_in_order_under_this_strategy() =>
        WaitStrategyScenario.RunPipeline(() => new SleepingWaitStrategy());

    [Fact]
    public void Returns_the_available_sequence_which_may_exceed_the_request() =>
        WaitStrategyScenario.AssertReturnsAvailableSequence(new SleepingWaitStrategy());

    [Fact]
    public void A_waiting_consumer_exits_when_cancelled() =>
        WaitStrategyScenario.AssertWaitIsCancellable(new SleepingWaitStrategy());

    [Fact]
    public void Reports_whether_publishers_must_signal() =>
        Assert.False(new SleepingWaitStrategy().IsBlockingStrategy);
}
