namespace Microstructure.Engine.Journal;

/// <summary>
/// The matching engine's journal: header <c>MSJ1</c>, version 2, then one <see cref="EngineEventCodec"/> record per
/// event (typically 25–35 bytes; the in-memory struct is 144). Read it back with <see cref="JournalReader"/>.
/// </summary>
/// <param name="stream">Where the journal goes.</param>
/// <param name="leaveOpen">Whether disposing the writer leaves the stream open.</param>
public sealed class JournalWriter(Stream stream, bool leaveOpen = false)
    : EventJournalWriter<EngineEvent, EngineEventCodec>(stream, leaveOpen);
