namespace Microstructure.Ring;

/// <summary>Shared waiting loops.</summary>
internal static class WaitStrategyHelper
{
    /// <summary>Spins (yielding, never sleeping) until the upstream consumers reach <paramref name="sequence"/>.</summary>
    public static long SpinForDependents(long sequence, DependentSequenceGroup dependentSequences, CancellationToken cancellationToken)
    {
        var spinWait = default(SpinWait);
        long availableSequence;
        while ((availableSequence = dependentSequences.Value) < sequence)
        {
            cancellationToken.ThrowIfCancellationRequested();
            spinWait.SpinOnce(sleep1Threshold: -1);
        }

        return availableSequence;
    }
}
