namespace Microstructure.Engine.Journal;

/// <summary>Reads a matching-engine journal written by <see cref="JournalWriter"/>.</summary>
/// <param name="journal">The whole journal.</param>
public sealed class JournalReader(byte[] journal) : EventJournalReader<EngineEvent, EngineEventCodec>(journal)
{
    /// <summary>Reads a whole journal file; a corrupt file's error names the file.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="InvalidDataException">The file is not a journal, or is truncated or corrupt.</exception>
    public static List<EngineEvent> ReadFile(string path) => ReadFile(path, bytes => new JournalReader(bytes));
}
