using Microstructure.Risk;
using Microstructure.Risk.Journal;
using Microstructure.Ring;

namespace Microstructure.PerfTests;

/// <summary>
/// The exchange pipeline's output consumer in the harness: journals every event, records each command's latency at its
/// first event, and also into a second histogram for the commands of the burst window.
/// </summary>
internal struct RiskLatencyHandler(ExchangeJournalWriter journal, LatencyProbe all, LatencyProbe burst, long burstFrom, long burstTo, int cpu) : IEventHandler<ExchangeEvent>
{
    private long _lastCommand = -1;

    public void OnEvent(ref ExchangeEvent data, long sequence, bool endOfBatch)
    {
        journal.Append(in data);
        if (data.Engine.CommandSequence != _lastCommand)
        {
            _lastCommand = data.Engine.CommandSequence;
            all.Record(data.Engine.Timestamp.Nanoseconds);
            if (data.Engine.CommandSequence >= burstFrom && data.Engine.CommandSequence < burstTo)
            {
                burst.Record(data.Engine.Timestamp.Nanoseconds);
            }
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
