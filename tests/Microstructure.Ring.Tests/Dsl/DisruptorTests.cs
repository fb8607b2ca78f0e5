using System.Diagnostics;
using Microstructure.Ring.Tests.TestSupport;

namespace Microstructure.Ring.Tests.Dsl;

public class DisruptorTests
{
    [Fact]
    public void Shutdown_drains_every_published_event_before_returning()
    {
        Bounded.Run(() =>
        {
            const int Events = 10_000;
            var disruptor = new Disruptor<TestEvent>(32, ProducerType.Multi, new BlockingWaitStrategy());
            var slow = ProbeHandler.Create();
            slow.SpinPerEvent = 200;
            disruptor.HandleEventsWith(slow, out var processor);
            var ring = disruptor.Start();
            Publish.Values(ring, Events);

            Assert.True(disruptor.Shutdown(Bounded.DefaultTimeout));
            Assert.Equal(Events, processor.Handler.Count);
            Assert.Equal(Events - 1, processor.Sequence.Value);
            Assert.False(processor.IsRunning);
            Assert.Null(disruptor.Fault);
        });
    }

    [Fact]
    public void Shutdown_with_a_stuck_handler_returns_false_within_the_timeout()
    {
        using var gate = new ManualResetEventSlim(false);
        Bounded.Run(() =>
        {
            var disruptor = new Disruptor<TestEvent>(8, ProducerType.Single, new BlockingWaitStrategy());
            var stuck = ProbeHandler.Create();
            stuck.Gate = gate;
            disruptor.HandleEventsWith(stuck, out var processor);
            var ring = disruptor.Start();
            Publish.Values(ring, 1);

            var stopwatch = Stopwatch.StartNew();
            Assert.False(disruptor.Shutdown(TimeSpan.FromMilliseconds(300)));
            Assert.InRange(stopwatch.ElapsedMilliseconds, 250, 3_000);

            gate.Set(); // release the thread; it was halted, so it exits after the event
            Bounded.Until(() => !processor.IsRunning, "released processor exits");
        });
    }

    [Fact]
    public void Fatal_default_policy_records_the_fault_and_Shutdown_reports_it_instead_of_hanging()
    {
        Bounded.Run(() =>
        {
            var disruptor = new Disruptor<TestEvent>(16, ProducerType.Single, new YieldingWaitStrategy());
            var failing = ProbeHandler.Create();
            failing.ThrowAt = 5;
            disruptor.HandleEventsWith(failing, out var processor);
            var ring = disruptor.Start();
            Publish.Values(ring, 10);

            Assert.False(disruptor.Shutdown(Bounded.DefaultTimeout));
            var fault = Assert.IsType<InvalidOperationException>(disruptor.Fault);
            Assert.Equal("boom at 5", fault.Message);
            Assert.Equal(4, processor.Sequence.Value);
            Assert.Equal([0L, 1, 2, 3, 4], processor.Handler.Sequences);
        });
    }

    [Fact]
    public void Default_ignore_policy_skips_the_failing_event_and_counts_it()
    {
        Bounded.Run(() =>
        {
            var disruptor = new Disruptor<TestEvent>(16, ProducerType.Single, new YieldingWaitStrategy());
            var failing = ProbeHandler.Create();
            failing.ThrowAt = 5;
            disruptor.HandleEventsWith(failing, out var processor).Then(ProbeHandler.Create(), out var downstream);
            var policy = new IgnoreExceptionHandler<TestEvent>();
            disruptor.SetDefaultExceptionHandler(policy); // applies to processors created earlier too
            var ring = disruptor.Start();
            Publish.Values(ring, 10);

            Assert.True(disruptor.Shutdown(Bounded.DefaultTimeout));
            Assert.Null(disruptor.Fault);
            Assert.Equal(1, policy.FailureCount);
            Assert.Equal(new long[] { 0, 1, 2, 3, 4, 6, 7, 8, 9 }, processor.Handler.Sequences);
            Assert.Equal(10, downstream.Handler.Count); // the event is skipped by the failing handler only
        });
    }

    [Fact]
    public void Each_processor_runs_on_its_own_named_background_thread_not_the_pool()
    {
        Bounded.Run(() =>
        {
            var disruptor = new Disruptor<TestEvent>(8, ProducerType.Single, new YieldingWaitStrategy());
            disruptor.HandleEventsWith(ProbeHandler.Create(), out var a);
            disruptor.HandleEventsWith(ProbeHandler.Create(), out var b);
            var ring = disruptor.Start();
            Publish.Values(ring, 1);
            Assert.True(disruptor.Shutdown(Bounded.DefaultTimeout));

            Assert.NotEqual(a.Handler.EventThreadId, b.Handler.EventThreadId);
            Assert.Equal(a.Handler.EventThreadId, a.Handler.StartThreadId);
            Assert.Equal(a.Handler.EventThreadId, a.Handler.ShutdownThreadId);
            Assert.Contains(nameof(ProbeHandler), a.Handler.EventThreadName);
            Assert.True(a.Handler.EventThreadIsBackground);
            Assert.False(a.Handler.EventThreadIsPoolThread);
        });
    }

    [Fact]
    public void Halt_stops_processors_without_draining()
    {
        Bounded.Run(() =>
        {
            var disruptor = new Disruptor<TestEvent>(8, ProducerType.Single, new BlockingWaitStrategy());
            disruptor.HandleEventsWith(ProbeHandler.Create(), out var processor);
            var ring = disruptor.Start();
            Publish.Values(ring, 3);
            Bounded.Until(() => processor.Sequence.Value == 2, "processed");
            disruptor.Halt();

            Assert.False(processor.IsRunning);
            Publish.Values(ring, 2);
            Assert.Equal(3, processor.Handler.Count);
        });
    }

    [Fact]
    public void The_graph_cannot_change_and_start_cannot_repeat_once_started()
    {
        var disruptor = new Disruptor<TestEvent>(8, ProducerType.Single, new YieldingWaitStrategy());
        var group = disruptor.HandleEventsWith(ProbeHandler.Create());
        Assert.False(disruptor.IsStarted);
        disruptor.Start();
        try
        {
            Assert.True(disruptor.IsStarted);
            Assert.Throws<InvalidOperationException>(() => disruptor.Start());
            Assert.Throws<InvalidOperationException>(() => disruptor.HandleEventsWith(ProbeHandler.Create()));
            Assert.Throws<InvalidOperationException>(() => group.Then(ProbeHandler.Create()));
        }
        finally
        {
            Assert.True(disruptor.Shutdown(Bounded.DefaultTimeout));
        }
    }

    [Fact]
    public void Shutdown_before_start_returns_true_at_once()
    {
        var disruptor = new Disruptor<TestEvent>(8, ProducerType.Single, new YieldingWaitStrategy());
        disruptor.HandleEventsWith(ProbeHandler.Create());
        Assert.True(disruptor.Shutdown(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Unknown_producer_type_is_rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Disruptor<TestEvent>(8, (ProducerType)7, new YieldingWaitStrategy()));
}
