namespace Microstructure.Engine.Journal;

/// <summary>
/// Reads a journal written by <see cref="EventJournalWriter{TEvent, TCodec}"/> with the same codec. A wrong header or
/// version, a truncated file, an enum byte no event can have, or a number longer than 64 bits is an
/// <see cref="InvalidDataException"/> naming the byte offset of the broken record.
/// </summary>
/// <typeparam name="TEvent">The event type.</typeparam>
/// <typeparam name="TCodec">Its record layout.</typeparam>
public class EventJournalReader<TEvent, TCodec>
    where TEvent : struct
    where TCodec : struct, IJournalCodec<TEvent>
{
    private readonly byte[] _data;
    private JournalDeltas _deltas;
    private int _offset;

    /// <summary>Checks the header of <paramref name="journal"/> and positions at the first record.</summary>
    /// <param name="journal">The whole journal.</param>
    /// <exception cref="InvalidDataException">The header or version is wrong.</exception>
    protected EventJournalReader(byte[] journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        string magic = System.Text.Encoding.ASCII.GetString(TCodec.Magic);
        if (journal.Length < JournalHeader.Length || !journal.AsSpan(0, 4).SequenceEqual(TCodec.Magic))
        {
            throw new InvalidDataException($"Not a Microstructure {TCodec.Name}: the '{magic}' header is missing.");
        }

        int version = BitConverter.ToInt32(journal, 4);
        if (version != TCodec.Version)
        {
            string name = char.ToUpperInvariant(TCodec.Name[0]) + TCodec.Name[1..];
            throw new InvalidDataException($"{name} format version {version} is not supported (expected {TCodec.Version}).");
        }

        _data = journal;
        _offset = JournalHeader.Length;
    }

    /// <summary>Reads the next event; false at the end of the journal.</summary>
    /// <param name="e">The event read.</param>
    /// <exception cref="InvalidDataException">The record is truncated or corrupt.</exception>
    public bool TryRead(out TEvent e)
    {
        if (_offset >= _data.Length)
        {
            e = default;
            return false;
        }

        var record = new JournalRecordReader(_data, _offset, ref _deltas, TCodec.Name);
        TCodec.Read(ref record, out e);
        _offset = record.Offset;
        return true;
    }

    /// <summary>Reads every remaining event.</summary>
    public List<TEvent> ReadAll()
    {
        var events = new List<TEvent>();
        while (TryRead(out var e))
        {
            events.Add(e);
        }

        return events;
    }

    /// <summary>Reads the whole file; a corrupt file's error names <paramref name="path"/>.</summary>
    protected static List<TEvent> ReadFile(string path, Func<byte[], EventJournalReader<TEvent, TCodec>> open)
    {
        ArgumentNullException.ThrowIfNull(open);
        byte[] bytes = File.ReadAllBytes(path);
        try
        {
            return open(bytes).ReadAll();
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }
}
