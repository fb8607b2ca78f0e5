using Microstructure.Ring.Tests.TestSupport;

namespace Microstructure.Ring.Tests.Dsl;

public class EventHandlerGroupTests
{
    [Fact]
    public void Pipeline_stage_never_sees_an_event_before_its_upstream_processed_it()
    {
        Bounded.Run(() =>
        {
            const int Events = 20_000;
            var disruptor = new Disruptor<TestEvent>(64, ProducerType.Single, new YieldingWaitStrategy());
            var groupA = disruptor.HandleEventsWith(ProbeHandler.Create(), out var a);
            var groupB = groupA.Then(ProbeHandler.Create(a.Sequence), out var b);
            groupB.Then(ProbeHandler.Create(b.Sequence), out var c);
            var ring = disruptor.Start();

            Publish.Values(ring, Events);
            Assert.True(disruptor.Shutdown(Bounded.DefaultTimeout));

            var expected = Enumerable.Range(0, Events).Select(i => Publish.PayloadFor(i)).ToList();
            Assert.Equal(expected, a.Handler.Values);
            Assert.Equal(expected, b.Handler.Values);
            Assert.Equal(expected, c.Handler.Values);
            Assert.Equal(0, b.Handler.UpstreamViolations);
            Assert.Equal(0, c.Handler.UpstreamViolations);
        });
    }

    [Fact]
    public void Diamond_join_never_sees_an_event_before_both_branches_processed_it()
    {
        Bounded.Run(() =>
        {
            const int Events = 20_000;
            var disruptor = new Disruptor<TestEvent>(64, ProducerType.Multi, new SleepingWaitStrategy());
            var left = disruptor.HandleEventsWith(ProbeHandler.Create(), out var a);
            var right = disruptor.HandleEventsWith(ProbeHandler.Create(), out var b);
            left.And(right).Then(ProbeHandler.Create(a.Sequence, b.Sequence), out var c);
            var ring = disruptor.Start();

            Publish.Values(ring, Events);
            Assert.True(disruptor.Shutdown(Bounded.DefaultTimeout));

            Assert.Equal(Events, a.Handler.Count);
            Assert.Equal(Events, b.Handler.Count);
            Assert.Equal(Enumerable.Range(0, Events).Select(i => (long)i), c.Handler.Sequences);
            Assert.Equal(0, c.Handler.UpstreamViolations);
        });
    }

    [Fact]
    public void Producer_is_gated_on_the_end_of_chain_consumer_only()
    {
        var disruptor = new Disruptor<TestEvent>(8, ProducerType.Single, new YieldingWaitStrategy());
        var left = disruptor.HandleEventsWith(ProbeHandler.Create());
        var right = disruptor.HandleEventsWith(ProbeHandler.Create());
        Assert.Equal(2, disruptor.RingBuffer.GatingSequenceCount);
        var end = left.And(right).Then(ProbeHandler.Create());
        Assert.Equal(1, disruptor.RingBuffer.GatingSequenceCount);
        Assert.Equal(end.Processors[0].Sequence.Value, disruptor.RingBuffer.GetMinimumGatingSequence());
    }

    [Fact]
    public void A_stalled_end_of_chain_consumer_stops_the_producer_after_one_lap()
    {
        Bounded.Run(() =>
        {
            using var gate = new ManualResetEventSlim(false);
            var disruptor = new Disruptor<TestEvent>(8, ProducerType.Single, new YieldingWaitStrategy());
            var stalled = ProbeHandler.Create();
            stalled.Gate = gate;
            disruptor.HandleEventsWith(ProbeHandler.Create(), out var first).Then(stalled, out var last);
            var ring = disruptor.Start();

            var claimed = 0;
            while (ring.TryNext(out var sequence))
            {
                ring[sequence].Value = sequence;
                ring.Publish(sequence);
                claimed++;
            }

            Assert.Equal(8, claimed);
            Bounded.Until(() => first.Sequence.Value == 7, "upstream processes the whole lap");
            Assert.False(ring.TryNext(out _)); // upstream progress alone frees nothing

            gate.Set();
            Assert.True(disruptor.Shutdown(Bounded.DefaultTimeout));
            Assert.Equal(8, last.Handler.Count);
        });
    }

    [Fact]
    public void And_is_a_union_without_duplicates()
    {
        var disruptor = new Disruptor<TestEvent>(8, ProducerType.Single, new YieldingWaitStrategy());
        var a = disruptor.HandleEventsWith(ProbeHandler.Create());
        var b = disruptor.HandleEventsWith(ProbeHandler.Create());
        var union = a.And(b).And(a);
        Assert.Equal(2, union.Processors.Count);
        Assert.Same(a.Processors[0], union.Processors[0]);
        Assert.Same(b.Processors[0], union.Processors[1]);
        Assert.Equal(2, union.GetSequences().Length);
    }

    [Fact]
    public void And_rejects_a_group_of_another_disruptor()
    {
        var one = new Disruptor<TestEvent>(8, ProducerType.Single, new YieldingWaitStrategy());
        var other = new Disruptor<TestEvent>(8, ProducerType.Single, new YieldingWaitStrategy());
        Assert.Throws<ArgumentException>(() => one.HandleEventsWith(ProbeHandler.Create()).And(other.HandleEventsWith(ProbeHandler.Create())));
    }
}
