namespace Microstructure.Ring.Tests.TestSupport;

/// <summary>
/// A struct handler that records what it sees and checks ordering invariants as it goes.
/// Reference-typed members are shared with the test; counters are read through the processor's
/// <c>Handler</c> ref after the processor stopped.
/// </summary>
public struct ProbeHandler : IEventHandler<TestEvent>
{
    public List<long> Values;
    public List<long> Sequences;
    public List<long> BatchSizes;
    public List<long> EndOfBatchSequences;
    public List<long> Timeouts;

    /// <summary>Upstream processors' sequences that must be at or beyond each event when we see it.</summary>
    public Sequence[] Upstreams;

    /// <summary>This processor's own sequence, to check it is written once per batch, not per event.</summary>
    public Sequence? Own;

    /// <summary>When set, OnEvent waits on it (a stuck or stalled consumer).</summary>
    public ManualResetEventSlim? Gate;

    public long ThrowAt;
    public int FailingBatchStarts;
    public long SpinPerEvent;
    public long Count;
    public long UpstreamViolations;
    public long OwnSequenceViolations;
    public long BatchStartSequence;
    public int StartThreadId;
    public int ShutdownThreadId;
    public int EventThreadId;
    public string? EventThreadName;
    public bool EventThreadIsBackground;
    public bool EventThreadIsPoolThread;

    public static ProbeHandler Create(params Sequence[] upstreams) => new()
    {
        Values = [],
        Sequences = [],
        BatchSizes = [],
        EndOfBatchSequences = [],
        Timeouts = [],
        Upstreams = upstreams,
        ThrowAt = -1,
    };

    public void OnEvent(ref TestEvent data, long sequence, bool endOfBatch)
    {
        if (Gate is not null)
        {
            Gate.Wait();
        }

        if (sequence == ThrowAt)
        {
            throw new InvalidOperationException($"boom at {sequence}");
        }

        foreach (var upstream in Upstreams)
        {
            if (upstream.Value < sequence)
            {
                UpstreamViolations++;
            }
        }

        if (Own is not null && Own.Value >= BatchStartSequence)
        {
            OwnSequenceViolations++;
        }

        if (SpinPerEvent > 0)
        {
            Thread.SpinWait((int)SpinPerEvent);
        }

        EventThreadId = Environment.CurrentManagedThreadId;
        EventThreadName = Thread.CurrentThread.Name;
        EventThreadIsBackground = Thread.CurrentThread.IsBackground;
        EventThreadIsPoolThread = Thread.CurrentThread.IsThreadPoolThread;
        Values.Add(data.Value);
        Sequences.Add(sequence);
        if (endOfBatch)
        {
            EndOfBatchSequences.Add(sequence);
        }

        Count++;
    }

    public void OnBatchStart(long batchSize)
    {
        if (FailingBatchStarts > 0)
        {
            FailingBatchStarts--;
            throw new InvalidOperationException("batch start failed");
        }

        BatchSizes.Add(batchSize);
        BatchStartSequence = Sequences.Count == 0 ? 0 : Sequences[^1] + 1;
    }

    public void OnStart() => StartThreadId = Environment.CurrentManagedThreadId;

    public void OnShutdown() => ShutdownThreadId = Environment.CurrentManagedThreadId;

    public void OnTimeout(long sequence)
    {
        lock (Timeouts)
        {
            Timeouts.Add(sequence);
        }
    }
}
