namespace Microstructure.Engine.Journal;

/// <summary>
/// Appends a compact, lossless binary log of events to a stream: the codec's header, then one record per event.
/// Records are buffered (64 KiB) and handed to the stream when the buffer fills, on <see cref="WriteBufferToStream"/>
/// (a journal handler calls it at the end of each ring batch), on <see cref="Flush"/> and on dispose.
/// </summary>
/// <typeparam name="TEvent">The event type.</typeparam>
/// <typeparam name="TCodec">Its record layout.</typeparam>
public class EventJournalWriter<TEvent, TCodec> : IDisposable
    where TEvent : struct
    where TCodec : struct, IJournalCodec<TEvent>
{
    private const int BufferSize = 64 * 1024;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _buffer = new byte[BufferSize];
    private JournalDeltas _deltas;
    private int _used;
    private bool _disposed;

    /// <summary>Starts a journal on <paramref name="stream"/> (the header goes out with the first write).</summary>
    /// <param name="stream">Where the journal goes.</param>
    /// <param name="leaveOpen">Whether disposing the writer leaves the stream open.</param>
    protected EventJournalWriter(Stream stream, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        TCodec.Magic.CopyTo(_buffer);
        BitConverter.TryWriteBytes(_buffer.AsSpan(4), TCodec.Version);
        _used = JournalHeader.Length;
        BytesWritten = JournalHeader.Length;
    }

    /// <summary>Events appended so far.</summary>
    public long EventsWritten { get; private set; }

    /// <summary>Bytes of the journal so far, header included (buffered or written).</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Appends one event (allocation-free).</summary>
    /// <param name="e">The event.</param>
    public void Append(in TEvent e)
    {
        if (_used > BufferSize - TCodec.MaxRecordLength)
        {
            WriteBufferToStream();
        }

        var record = new JournalRecordWriter(_buffer, _used, ref _deltas);
        TCodec.Write(ref record, in e);
        BytesWritten += record.Offset - _used;
        _used = record.Offset;
        EventsWritten++;
    }

    /// <summary>Hands the buffered records to the stream (without flushing the stream).</summary>
    public void WriteBufferToStream()
    {
        if (_used > 0)
        {
            _stream.Write(_buffer, 0, _used);
            _used = 0;
        }
    }

    /// <summary>Writes the buffered records and flushes the stream.</summary>
    public void Flush()
    {
        WriteBufferToStream();
        _stream.Flush();
    }

    /// <summary>Flushes, then closes the stream unless it was to be left open.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Flushes and closes (when <paramref name="disposing"/>).</summary>
    /// <param name="disposing">Called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (_disposed || !disposing)
        {
            return;
        }

        _disposed = true;
        Flush();
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}
