namespace Microstructure.Engine.Processing;

/// <summary>
/// An input-ring slot that carries its source's own sequence number, so that a processor fed by several racing
/// producers can apply commands in source order (see <see cref="EnginePipelineOptions.Resequence"/>).
/// </summary>
public interface ISequencedSlot
{
    /// <summary>The source's own sequence number, dense from 0.</summary>
    long SourceSequence { get; }
}
