using Microstructure.Ring;

namespace Microstructure.Risk.Journal;

/// <summary>Output-ring consumer that journals every exchange event; hands bytes to the stream at each batch end.</summary>
/// <param name="writer">The journal writer.</param>
public readonly struct ExchangeJournalHandler(ExchangeJournalWriter writer) : IEventHandler<ExchangeEvent>
{
    /// <inheritdoc />
    public void OnEvent(ref ExchangeEvent data, long sequence, bool endOfBatch)
    {
        writer.Append(in data);
        if (endOfBatch)
        {
            writer.WriteBufferToStream();
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
    public void OnShutdown() => writer.Flush();

    /// <inheritdoc />
    public void OnTimeout(long sequence) => writer.WriteBufferToStream();
}
