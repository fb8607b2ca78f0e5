using Microstructure.Ring.Tests.TestSupport;

namespace Microstructure.Ring.Tests.Processing;

public class BatchEventProcessorTests
{
    private static BatchEventProcessor<TestEvent, ProbeHandler> CreateProcessor(RingBuffer<TestEvent> ring, ProbeHandler handler)
    {
        var processor = new BatchEventProcessor<TestEvent, ProbeHandler>(ring, ring.NewBarrier(), handler);
        ring.AddGatingSequences(processor.Sequence);
        return processor;
    }

    [Fact]
    public void Handles_all_available_events_as_one_batch_marking_only_the_last_as_end_of_batch()
    {
        Bounded.Run(() =>
        {
            var ring = Publish.Create(multiProducer: false, 16);
            var processor = CreateProcessor(ring, ProbeHandler.Create());
            processor.Handler.Own = processor.Sequence;
            Publish.Values(ring, 10); // all available before the processor's first wait
            var thread = Bounded.Start(processor);
            Bounded.Until(() => processor.Sequence.Value == 9, "batch processed");
            Bounded.Stop(processor, thread);

            ref var handler = ref processor.Handler;
            Assert.Equal([10L], handler.BatchSizes);
            Assert.Equal([9L], handler.EndOfBatchSequences);
            Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), handler.Sequences);

            // The processor's sequence moved once, after the batch, never between its events.
            Assert.Equal(0, handler.OwnSequenceViolations);
        });
    }

    [Fact]
    public void Every_batch_ends_with_an_end_of_batch_event_and_batch_sizes_add_up()
    {
        Bounded.Run(() =>
        {
            var ring = Publish.Create(multiProducer: true, 32);
            var processor = CreateProcessor(ring, ProbeHandler.Create());
            var thread = Bounded.Start(processor);
            Publish.Values(ring, 5_000);
            Bounded.Until(() => processor.Sequence.Value == 4_999, "all processed");
            Bounded.Stop(processor, thread);

            ref var handler = ref processor.Handler;
            Assert.Equal(5_000, handler.BatchSizes.Sum());
            Assert.Equal(handler.BatchSizes.Count, handler.EndOfBatchSequences.Count);
            Assert.Equal(4_999, handler.EndOfBatchSequences[^1]);
            Assert.All(handler.BatchSizes, size => Assert.InRange(size, 1, 32));
        });
    }

    [Fact]
    public void Halt_wakes_a_waiting_processor_and_OnStart_and_OnShutdown_run_on_its_thread()
    {
        Bounded.Run(() =>
        {
            var ring = Publish.Create(multiProducer: false, 8, new BlockingWaitStrategy());
            var processor = CreateProcessor(ring, ProbeHandler.Create());
            var thread = Bounded.Start(processor);
            Assert.True(processor.IsRunning);
            Bounded.Stop(processor, thread);

            Assert.False(processor.IsRunning);
            Assert.Equal(thread.ManagedThreadId, processor.Handler.StartThreadId);
            Assert.Equal(thread.ManagedThreadId, processor.Handler.ShutdownThreadId);
        });
    }

    [Fact]
    public void Run_while_already_running_throws()
    {
        Bounded.Run(() =>
        {
            var ring = Publish.Create(multiProducer: false, 8);
            var processor = CreateProcessor(ring, ProbeHandler.Create());
            var thread = Bounded.Start(processor);
            Assert.Throws<InvalidOperationException>(processor.Run);
            Bounded.Stop(processor, thread);
        });
    }

    [Fact]
    public void Halt_before_Run_makes_Run_return_without_processing()
    {
        Bounded.Run(() =>
        {
            var ring = Publish.Create(multiProducer: false, 8);
            var processor = CreateProcessor(ring, ProbeHandler.Create());
            Publish.Values(ring, 3);
            processor.Halt();
            processor.Run();
            Assert.Equal(0, processor.Handler.Count);
            Assert.Equal(-1, processor.Sequence.Value);
        });
    }

    [Fact]
    public void A_halted_processor_can_run_again_and_continues_after_its_sequence()
    {
        Bounded.Run(() =>
        {
            var ring = Publish.Create(multiProducer: false, 8);
            var processor = CreateProcessor(ring, ProbeHandler.Create());
            var thread = Bounded.Start(processor);
            Publish.Values(ring, 3);
            Bounded.Until(() => processor.Sequence.Value == 2, "first run");
            Bounded.Stop(processor, thread);

            Publish.Values(ring, 2);
            thread = Bounded.Start(processor);
            Bounded.Until(() => processor.Sequence.Value == 4, "second run");
            Bounded.Stop(processor, thread);
            Assert.Equal([0L, 1, 2, 3, 4], processor.Handler.Sequences);
        });
    }

    [Fact]
    public void Fatal_policy_stops_at_the_failing_event_without_advancing_past_it()
    {
        Bounded.Run(() =>
        {
            var ring = Publish.Create(multiProducer: false, 16);
            var handler = ProbeHandler.Create();
            handler.ThrowAt = 5;
            var processor = CreateProcessor(ring, handler); // Fatal is the default
            Publish.Values(ring, 10);

            var ex = Assert.Throws<InvalidOperationException>(processor.Run);
            Assert.Equal("boom at 5", ex.Message);
            Assert.Equal(4, processor.Sequence.Value);
            Assert.Equal([0L, 1, 2, 3, 4], processor.Handler.Sequences);
            Assert.False(processor.IsRunning);
            Assert.NotEqual(0, processor.Handler.ShutdownThreadId);
        });
    }

    [Fact]
    public void OnBatchStart_failure_under_the_ignore_policy_is_logged_and_the_whole_batch_still_delivered()
    {
        Bounded.Run(() =>
        {
            var ring = Publish.Create(multiProducer: false, 16);
            var handler = ProbeHandler.Create();
            handler.FailingBatchStarts = 1;
            var processor = CreateProcessor(ring, handler);
            var logged = new List<long>();
            var policy = new IgnoreExceptionHandler<TestEvent>((_, sequence) => logged.Add(sequence));
            processor.SetExceptionHandler(policy);
            Publish.Values(ring, 3);
            var thread = Bounded.Start(processor);
            Bounded.Until(() => processor.Sequence.Value == 2, "all processed");
            Bounded.Stop(processor, thread);

            Assert.Equal([0L, 1, 2], processor.Handler.Sequences);
            Assert.Equal(1, policy.FailureCount);
            Assert.Equal([-1L], logged);
        });
    }

    [Fact]
    public void OnBatchStart_failure_under_the_fatal_policy_halts_before_the_batch_and_skips_nothing()
    {
        Bounded.Run(() =>
        {
            var ring = Publish.Create(multiProducer: false, 16);
            var handler = ProbeHandler.Create();
            handler.FailingBatchStarts = 1;
            var processor = CreateProcessor(ring, handler);
            Publish.Values(ring, 3);

            var ex = Assert.Throws<InvalidOperationException>(processor.Run);
            Assert.Equal("batch start failed", ex.Message);
            Assert.Equal(-1, processor.Sequence.Value);
            Assert.Empty(processor.Handler.Sequences);
        });
    }

    [Fact]
    public void Ignore_policy_skips_the_failing_event_and_processes_later_ones()
    {
        Bounded.Run(() =>
        {
            var ring = Publish.Create(multiProducer: true, 16);
            var handler = ProbeHandler.Create();
            handler.ThrowAt = 5;
            var processor = CreateProcessor(ring, handler);
            var logged = new List<long>();
            var policy = new IgnoreExceptionHandler<TestEvent>((_, sequence) => logged.Add(sequence));
            processor.SetExceptionHandler(policy);
            var thread = Bounded.Start(processor);
            Publish.Values(ring, 10);
            Bounded.Until(() => processor.Sequence.Value == 9, "all processed");
            Bounded.Stop(processor, thread);

            Assert.Equal(new long[] { 0, 1, 2, 3, 4, 6, 7, 8, 9 }, processor.Handler.Sequences);
            Assert.Equal(1, policy.FailureCount);
            Assert.Equal([5L], logged);
        });
    }

    [Fact]
    public void Struct_handler_state_is_readable_through_the_Handler_ref_after_halting()
    {
        Bounded.Run(() =>
        {
            var ring = Publish.Create(multiProducer: false, 8);
            var original = ProbeHandler.Create();
            var processor = CreateProcessor(ring, original);
            var thread = Bounded.Start(processor);
            Publish.Values(ring, 20);
            Bounded.Until(() => processor.Sequence.Value == 19, "processed");
            Bounded.Stop(processor, thread);

            Assert.Equal(20, processor.Handler.Count);
            Assert.Equal(0, original.Count); // the processor holds its own copy
            processor.Handler.Count = 0;
            Assert.Equal(0, processor.Handler.Count); // it is a ref, not a copy
        });
    }

    [Fact]
    public void Steady_state_processing_allocates_nothing_on_the_consumer_thread()
    {
        Bounded.Run(() =>
        {
            const int Events = 200_000;
            var ring = Publish.Create(multiProducer: false, 256, new BlockingWaitStrategy());
            var processor = new BatchEventProcessor<TestEvent, AllocationProbeHandler>(ring, ring.NewBarrier(), new AllocationProbeHandler { WarmUpUntil = Events / 2 });
            ring.AddGatingSequences(processor.Sequence);
            var thread = Bounded.Start(processor);
            Publish.Values(ring, Events);
            Bounded.Until(() => processor.Sequence.Value == Events - 1, "all processed");
            Bounded.Stop(processor, thread);

            Assert.Equal(Events - 1, processor.Handler.LastSequence);
            Assert.Equal(0, processor.Handler.AllocatedBytes);
        });
    }

    private struct AllocationProbeHandler : IEventHandler<TestEvent>
    {
        public long WarmUpUntil;
        public long StartBytes;
        public long AllocatedBytes;
        public long LastSequence;

        public void OnEvent(ref TestEvent data, long sequence, bool endOfBatch)
        {
            // Measured from the middle of the run (after JIT tiering) to the last event.
            if (sequence == WarmUpUntil)
            {
                StartBytes = GC.GetAllocatedBytesForCurrentThread();
            }
            else if (sequence > WarmUpUntil)
            {
                AllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - StartBytes;
            }

            LastSequence = sequence;
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
}
