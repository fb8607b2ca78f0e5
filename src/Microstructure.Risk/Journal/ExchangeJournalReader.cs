using Microstructure.Engine.Journal;

namespace Microstructure.Risk.Journal;

/// <summary>Reads an exchange journal written by <see cref="ExchangeJournalWriter"/>.</summary>
/// <param name="journal">The whole journal.</param>
public sealed class ExchangeJournalReader(byte[] journal) : EventJournalReader<ExchangeEvent, ExchangeEventCodec>(journal)
{
    /// <summary>Reads a whole exchange journal file; a corrupt file's error names the file.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="InvalidDataException">The file is not an exchange journal, or is truncated or corrupt.</exception>
    public static List<ExchangeEvent> ReadFile(string path) => ReadFile(path, bytes => new ExchangeJournalReader(bytes));
}
