using Microstructure.Engine.Matching;

namespace Microstructure.Engine.Processing;

/// <summary>The matching engine as a <see cref="ICommandProcessor{TSlot, TEvent}"/> of the generic pipeline.</summary>
/// <param name="engine">The engine to drive.</param>
internal readonly struct MatchingEngineProcessor(MatchingEngine engine) : ICommandProcessor<SequencedCommand, EngineEvent>
{
    /// <summary>The engine this processor drives.</summary>
    public MatchingEngine Engine { get; } = engine;

    /// <inheritdoc />
    public void Process<TSink>(in SequencedCommand slot, long sequence, ref TSink sink)
        where TSink : struct, IEventSink<EngineEvent>
    {
        var bridge = new EngineSinkBridge<TSink> { Inner = sink };
        Engine.Process(in slot.Command, sequence, ref bridge);
        sink = bridge.Inner;
    }
}
