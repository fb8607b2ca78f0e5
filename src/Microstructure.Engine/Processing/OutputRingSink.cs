using Microstructure.Ring;

namespace Microstructure.Engine.Processing;

/// <summary>Publishes each engine event into the output ring (claim, copy in place, publish).</summary>
/// <remarks>
/// The business-logic thread is the output ring's only producer, so its single-producer sequencer needs no CAS.
/// Each event is published as soon as it is written so that downstream consumers see a command's first trade
/// without waiting for the rest of its sweep.
/// </remarks>
internal struct OutputRingSink(RingBuffer<EngineEvent> output) : IEngineEventSink
{
    private readonly RingBuffer<EngineEvent> _output = output;

    /// <inheritdoc />
    public readonly void OnEvent(in EngineEvent engineEvent)
    {
        long sequence = _output.Next();
        _output[sequence] = engineEvent;
        _output.Publish(sequence);
    }
}
