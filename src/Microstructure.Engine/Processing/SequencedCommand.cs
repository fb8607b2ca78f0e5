namespace Microstructure.Engine.Processing;

/// <summary>
/// A slot of the input ring: a command plus the sequence number its source gave it.
/// </summary>
/// <remarks>
/// With one producer the ring's own sequence already fixes the order. With several producers the ring order is
/// whatever the threads' timing made it, so a source that needs a reproducible order stamps
/// <see cref="SourceSequence"/> (0, 1, 2, …) and the processor applies commands in that order
/// (see <see cref="EnginePipelineOptions.Resequence"/>).
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1051:Do not declare visible instance fields", Justification = "A flat blittable struct written in place into ring slots; properties would add nothing but copies.")]
public struct SequencedCommand : ISequencedSlot
{
    /// <summary>The source's own sequence number, dense from 0; used only when resequencing.</summary>
    public long SourceSequence;

    /// <summary>The command itself.</summary>
    public OrderCommand Command;

    /// <inheritdoc />
    readonly long ISequencedSlot.SourceSequence => SourceSequence;
}
