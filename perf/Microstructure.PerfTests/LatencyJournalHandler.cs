using Microstructure.Engine;
using Microstructure.Engine.Journal;
using Microstructure.Ring;

namespace Microstructure.PerfTests;

/// <summary>
/// The output ring's consumer in the harness: journals every event, then records each command's latency at its
/// first event. Runs either on a thread of its own (<see cref="IEventHandler{T}"/>) or polled by the client thread
/// (<see cref="IEventPollHandler{T}"/>).
/// </summary>
internal struct LatencyJournalHandler(JournalWriter journal, LatencyProbe probe, int cpu) : IEventHandler<EngineEvent>, IEventPollHandler<EngineEvent>
{
    private long _lastCommand = -1;

    public void OnEvent(ref EngineEvent data, long sequence, bool endOfBatch)
    {
        journal.Append(in data);
        if (data.CommandSequence != _lastCommand)
        {
            _lastCommand = data.CommandSequence;
            probe.Record(data.Timestamp.Nanoseconds);
        }

        if (endOfBatch)
        {
            journal.WriteBufferToStream();
        }
    }

    bool IEventPollHandler<EngineEvent>.OnEvent(ref EngineEvent data, long sequence, bool endOfBatch)
    {
        OnEvent(ref data, sequence, endOfBatch);
        return true;
    }

    public readonly void OnBatchStart(long batchSize)
    {
    }

    public readonly void OnStart()
    {
        if (cpu >= 0)
        {
            ThreadAffinity.Pin(cpu);
        }
    }

    public readonly void OnShutdown() => journal.Flush();

    public readonly void OnTimeout(long sequence)
    {
    }
}
