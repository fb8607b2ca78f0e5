using Microstructure.Engine;
using Microstructure.Engine.Journal;
using Microstructure.Ring;

namespace Microstructure.PerfTests;

/// <summary>The output ring's consumer in the harness: journals every event, then records each command's latency.</summary>
/// <remarks>One consumer thread, not two, because the machine has two cores and the pipeline already runs a producer and the business-logic thread.</remarks>
internal struct LatencyJournalHandler(JournalWriter journal, LatencyProbe probe, int cpu) : IEventHandler<EngineEvent>
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
