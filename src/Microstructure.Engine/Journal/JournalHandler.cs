using Microstructure.Ring;

namespace Microstructure.Engine.Journal;

/// <summary>
/// A ring consumer that journals every event: appends each, hands the buffer to the stream at the end of each batch
/// (no flush per batch) or on a timeout, and flushes on shutdown. For any journal — the engine's or the exchange's.
/// </summary>
/// <typeparam name="TEvent">The event type on the ring.</typeparam>
/// <typeparam name="TCodec">Its record layout.</typeparam>
/// <param name="writer">The journal.</param>
public readonly struct JournalHandler<TEvent, TCodec>(EventJournalWriter<TEvent, TCodec> writer) : IEventHandler<TEvent>
    where TEvent : struct
    where TCodec : struct, IJournalCodec<TEvent>
{
    /// <inheritdoc />
    public void OnEvent(ref TEvent data, long sequence, bool endOfBatch)
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
