namespace Microstructure.Ring;

/// <summary>
/// Lets a consumer wait for events: published by the producers and already processed by the
/// consumers upstream of it. Alerting the barrier cancels its token so a waiting consumer exits.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001:Types that own disposable fields should be disposable", Justification = "Its token source never has registrations or a wait handle, so there is nothing to release (see ResetProcessing).")]
public sealed class SequenceBarrier
{
    private readonly ISequencer _sequencer;
    private readonly IWaitStrategy _waitStrategy;
    private readonly DependentSequenceGroup _dependentSequences;
    private volatile CancellationTokenSource _cancellationTokenSource = new();

    internal SequenceBarrier(ISequencer sequencer, IWaitStrategy waitStrategy, Sequence cursor, Sequence[] dependentSequences)
    {
        _sequencer = sequencer;
        _waitStrategy = waitStrategy;
        _dependentSequences = new DependentSequenceGroup(cursor, dependentSequences);
    }

    /// <summary>
    /// The sequence this barrier's consumer may read up to right now, without waiting: the
    /// minimum of the upstream sequences, or the cursor when there are none. For a multi-producer
    /// ring with no upstream consumers this is the highest <em>claimed</em> sequence.
    /// </summary>
    public long Cursor => _dependentSequences.Value;

    /// <summary>Whether <see cref="Alert"/> was called since the last <see cref="ResetProcessing"/>.</summary>
    public bool IsAlerted => _cancellationTokenSource.IsCancellationRequested;

    /// <summary>The token cancelled by <see cref="Alert"/>.</summary>
    public CancellationToken CancellationToken => _cancellationTokenSource.Token;

    /// <summary>The upstream sequences (and cursor) this barrier waits for.</summary>
    public DependentSequenceGroup DependentSequences => _dependentSequences;

    /// <summary>
    /// Waits until <paramref name="sequence"/> is available and returns the highest available
    /// sequence, which is contiguous published for multiple producers and may be greater than
    /// requested. May return less than <paramref name="sequence"/> when a multi-producer slot is
    /// claimed but not yet published; callers then wait again.
    /// </summary>
    /// <param name="sequence">The sequence to wait for.</param>
    /// <returns>The highest available sequence, or <see cref="SequenceWaitResult.Timeout"/>.</returns>
    /// <exception cref="OperationCanceledException">The barrier was alerted.</exception>
    public SequenceWaitResult WaitFor(long sequence)
    {
        var cancellationToken = _cancellationTokenSource.Token;
        cancellationToken.ThrowIfCancellationRequested();

        var result = _waitStrategy.WaitFor(sequence, _dependentSequences, cancellationToken);
        if (result.UnsafeAvailableSequence < sequence)
        {
            return result;
        }

        return _sequencer.GetHighestPublishedSequence(sequence, result.UnsafeAvailableSequence);
    }

    /// <summary>Alerts the barrier: current and future waits throw <see cref="OperationCanceledException"/>.</summary>
    public void Alert()
    {
        _cancellationTokenSource.Cancel();
        _waitStrategy.SignalAllWhenBlocking();
    }

    /// <summary>Clears the alert so that the barrier can be waited on again (called when a processor starts).</summary>
    public void ResetProcessing()
    {
        // The cancelled source is not disposed: a concurrent Alert may still be calling Cancel on it,
        // and a source without registrations or wait handle holds nothing to release.
        if (_cancellationTokenSource.IsCancellationRequested)
        {
            _cancellationTokenSource = new CancellationTokenSource();
        }
    }
}
