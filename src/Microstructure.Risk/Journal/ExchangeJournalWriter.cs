using Microstructure.Engine.Journal;

namespace Microstructure.Risk.Journal;

/// <summary>
/// The exchange's journal: header <c>MSX1</c>, version 3, then one <see cref="ExchangeEventCodec"/> record per event.
/// Synchronous and pipelined runs of the same commands write byte-identical journals. Read it back with
/// <see cref="ExchangeJournalReader"/>.
/// </summary>
/// <param name="stream">Where the journal goes.</param>
/// <param name="leaveOpen">Whether disposing the writer leaves the stream open.</param>
public sealed class ExchangeJournalWriter(Stream stream, bool leaveOpen = false)
    : EventJournalWriter<ExchangeEvent, ExchangeEventCodec>(stream, leaveOpen);
