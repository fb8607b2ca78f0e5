using Microstructure.Ring;

namespace Microstructure.Engine.Processing;

/// <summary>Publishes each event into the output ring (claim, copy in place, publish).</summary>
/// <remarks>
/// The business-logic thread is the output ring's only producer, so its single-producer sequencer needs no CAS.
/// Each event is published as soon as it is written so that downstream consumers see a command's first trade
/// without waiting for the rest of its sweep.
/// </remarks>
internal readonly struct OutputRingSink<TEvent>(RingBuffer<TEvent> output) : IEventSink<TEvent>
    where TEvent : struct
{
    private readonly RingBuffer<TEvent> _output = output;

    /// <inheritdoc />
    public void OnEvent(in TEvent e)
    {
        long sequence = _output.Next();
        _output[sequence] = e;
        _output.Publish(sequence);
    }
}
