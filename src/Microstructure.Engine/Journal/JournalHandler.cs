using Microstructure.Ring;

namespace Microstructure.Engine.Journal;

/// <summary>Output-ring consumer that journals every event; hands bytes to the stream at the end of each batch.</summary>
public readonly struct JournalHandler(JournalWriter writer) : IEventHandler<EngineEvent>
{
    private readonly JournalWriter _writer = writer;

    /// <inheritdoc />
    public void OnEvent(ref EngineEvent data, long sequence, bool endOfBatch)
    {
        _writer.Append(in data);
        if (endOfBatch)
        {
            _writer.WriteBufferToStream();
        }
    }

    /// <inheritdoc />
    public void OnBatchStart(long batchSize)
    {
    }

    /// <inheritdoc />
    public void OnStart()
    {
    }

    /// <inheritdoc />
    public void OnShutdown() => _writer.Flush();

    /// <inheritdoc />
    public void OnTimeout(long sequence) => _writer.WriteBufferToStream();
}
