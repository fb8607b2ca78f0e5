using Microstructure.Engine.Processing;

namespace Microstructure.Risk.Processing;

/// <summary>A slot of the exchange pipeline's input ring: a command plus the sequence number its source gave it.</summary>
/// <remarks>As for the engine's <see cref="SequencedCommand"/>: stamp <see cref="SourceSequence"/> 0, 1, 2, … when several producers race and resequencing is on.</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1051:Do not declare visible instance fields", Justification = "A flat blittable struct written in place into ring slots; properties would add nothing but copies.")]
public struct SequencedExchangeCommand : ISequencedSlot
{
    /// <summary>The source's own sequence number, dense from 0; used only when resequencing.</summary>
    public long SourceSequence;

    /// <summary>The command itself.</summary>
    public ExchangeCommand Command;

    /// <inheritdoc />
    readonly long ISequencedSlot.SourceSequence => SourceSequence;
}
