namespace Microstructure.Engine.Journal;

/// <summary>The previous record's command sequence and timestamp, which the next record is written relative to.</summary>
internal struct JournalDeltas
{
    /// <summary>The previous record's command sequence (0 before the first).</summary>
    internal long _commandSequence;

    /// <summary>The previous record's timestamp in ns (0 before the first).</summary>
    internal long _timestamp;
}
