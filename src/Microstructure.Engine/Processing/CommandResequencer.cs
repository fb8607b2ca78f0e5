using Microstructure.Engine.Matching;

namespace Microstructure.Engine.Processing;

/// <summary>The matching engine's resequencer: <see cref="CommandResequencer{TSlot}"/> over <see cref="SequencedCommand"/>.</summary>
internal sealed class CommandResequencer
{
    private readonly CommandResequencer<SequencedCommand> _inner;

    /// <summary>Creates a resequencer expecting source sequence 0 first.</summary>
    /// <param name="windowSize">How far ahead of the next expected sequence a command may arrive; a power of two.</param>
    public CommandResequencer(int windowSize) => _inner = new CommandResequencer<SequencedCommand>(windowSize);

    /// <summary>The next source sequence the engine will apply.</summary>
    public long NextExpected => _inner.NextExpected;

    /// <summary>The highest source sequence applied so far (−1 before the first).</summary>
    public long Applied => _inner.Applied.Value;

    /// <summary>Commands waiting for an earlier one.</summary>
    public int Held => _inner.Held;

    /// <summary>Takes one command from the ring and applies every command that is now in order.</summary>
    public void Accept<TSink>(in SequencedCommand slot, MatchingEngine engine, ref TSink sink)
        where TSink : struct, IEngineEventSink
    {
        var processor = new MatchingEngineProcessor(engine);
        _inner.Accept<EngineEvent, MatchingEngineProcessor, TSink>(in slot, ref processor, ref sink);
    }
}
