using Microstructure.Ring.Tests.TestSupport;

namespace Microstructure.Ring.Tests.WaitStrategies;

public class YieldingWaitStrategyTests
{
    [Fact]
    public void Two_stage_pipeline_delivers_every_event_in_order_under_this_strategy() =>
        WaitStrategyScenario.RunPipeline(() => new YieldingWaitStrategy());

    [Fact]
    public void Returns_the_available_sequence_which_may_exceed_the_request() =>
        WaitStrategyScenario.AssertReturnsAvailableSequence(new YieldingWaitStrategy());

    [Fact]
    public void A_waiting_consumer_exits_when_cancelled() =>
        WaitStrategyScenario.AssertWaitIsCancellable(new YieldingWaitStrategy());

    [Fact]
    public void Reports_whether_publishers_must_signal() =>
        Assert.False(new YieldingWaitStrategy().IsBlockingStrategy);
}
