namespace Microstructure.Ring.Tests.TestSupport;

/// <summary>A concurrent two-stage pipeline run under a given wait strategy.</summary>
internal static class WaitStrategyScenario
{
    public static void RunPipeline(Func<IWaitStrategy> createStrategy, int events = 20_000)
    {
        foreach (var multiProducer in new[] { false, true })
        {
            Bounded.Run(() =>
            {
                var ring = Publish.Create(multiProducer, 64, createStrategy());
                var first = new BatchEventProcessor<TestEvent, ProbeHandler>(ring, ring.NewBarrier(), ProbeHandler.Create());
                var second = new BatchEventProcessor<TestEvent, ProbeHandler>(ring, ring.NewBarrier(first.Sequence), ProbeHandler.Create(first.Sequence));
                ring.AddGatingSequences(second.Sequence);
                var firstThread = Bounded.Start(first);
                var secondThread = Bounded.Start(second);

                Publish.Values(ring, events);
                Bounded.Until(() => second.Sequence.Value == events - 1, "second stage drains");
                Bounded.Stop(first, firstThread);
                Bounded.Stop(second, secondThread);

                Assert.Equal(Enumerable.Range(0, events).Select(i => Publish.PayloadFor(i)), first.Handler.Values);
                Assert.Equal(Enumerable.Range(0, events).Select(i => Publish.PayloadFor(i)), second.Handler.Values);
                Assert.Equal(0, second.Handler.UpstreamViolations);
            });
        }
    }

    public static void AssertWaitIsCancellable(IWaitStrategy strategy)
    {
        var cursor = new Sequence();
        var group = new DependentSequenceGroup(cursor);
        using var cts = new CancellationTokenSource();
        var waiter = new BackgroundCall<SequenceWaitResult>(() => strategy.WaitFor(0, group, cts.Token));
        Assert.False(waiter.FinishesWithin(TimeSpan.FromMilliseconds(50)), "returned before the sequence was available");
        cts.Cancel();
        strategy.SignalAllWhenBlocking();
        Assert.IsAssignableFrom<OperationCanceledException>(waiter.Exception);
    }

    public static void AssertReturnsAvailableSequence(IWaitStrategy strategy)
    {
        var cursor = new Sequence(9);
        var upstream = new Sequence(5);
        Assert.Equal(9, strategy.WaitFor(3, new DependentSequenceGroup(cursor), CancellationToken.None).UnsafeAvailableSequence);
        Assert.Equal(5, strategy.WaitFor(3, new DependentSequenceGroup(cursor, upstream), CancellationToken.None).UnsafeAvailableSequence);
    }
}
