using Microstructure.Ring;

namespace Microstructure.Engine.Processing;

/// <summary>
/// Tells code running on the business-logic thread, while it waits for room in the output ring, that it should
/// stop waiting: the pipeline is halting, or an output consumer failed and will never free a slot.
/// </summary>
internal sealed class PipelineStopSignal(Func<Exception?> outputFault)
{
    /// <summary>The business-logic processor's barrier; alerted when the processor is asked to halt.</summary>
    public SequenceBarrier? BusinessLogicBarrier { get; set; }

    /// <summary>Throws when the wait should end (see the class summary); returns otherwise.</summary>
    /// <exception cref="OperationCanceledException">The business-logic processor is halting.</exception>
    /// <exception cref="InvalidOperationException">An output consumer failed.</exception>
    public void ThrowIfStopping()
    {
        if (BusinessLogicBarrier is { IsAlerted: true } barrier)
        {
            // The processor treats cancellation of its own alerted barrier as a halt.
            throw new OperationCanceledException(barrier.CancellationToken);
        }

        if (outputFault() is { } fault)
        {
            throw new InvalidOperationException("An output-ring consumer failed, so the business-logic thread stops.", fault);
        }
    }
}
