using System.Runtime.CompilerServices;
using Microstructure.Ring;

namespace Microstructure.Engine.Processing;

/// <summary>Publishes each event into the output ring (claim, copy in place, publish).</summary>
/// <typeparam name="TEvent">The output event type.</typeparam>
/// <remarks>
/// The business-logic thread is the output ring's only producer, so its single-producer sequencer needs no CAS.
/// Each event is published as soon as it is written so that downstream consumers see a command's first trade
/// without waiting for the rest of its sweep. When the ring is full the sink waits, but never blindly: if the
/// pipeline is halting or an output consumer has failed (it will never free a slot), it throws instead, so the
/// business-logic thread can stop.
/// </remarks>
internal readonly struct OutputRingSink<TEvent>(RingBuffer<TEvent> output, PipelineStopSignal stop) : IEventSink<TEvent>
    where TEvent : struct
{
    /// <inheritdoc />
    public void OnEvent(in TEvent e)
    {
        if (!output.TryNext(out long sequence))
        {
            sequence = WaitForSlot();
        }

        output[sequence] = e;
        output.Publish(sequence);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private long WaitForSlot()
    {
        var spin = default(SpinWait);
        long sequence;
        while (!output.TryNext(out sequence))
        {
            stop.ThrowIfStopping();
            spin.SpinOnce(sleep1Threshold: -1);
        }

        return sequence;
    }
}
