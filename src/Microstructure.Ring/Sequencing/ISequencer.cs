namespace Microstructure.Ring;

/// <summary>
/// Claims and publishes sequences of a ring and gates producers on the slowest consumers.
/// <see cref="RingBuffer{T}"/> is the API callers use; the sequencer is exposed for tooling and tests.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Disruptor's own name (Next claims the next sequence); only VB reserves it.")]
public interface ISequencer
{
    /// <summary>Number of slots in the ring (a power of two).</summary>
    int BufferSize { get; }

    /// <summary>
    /// The cursor value: the highest published sequence for a single producer, the highest
    /// claimed sequence for multiple producers (use <see cref="IsAvailable"/> for publication).
    /// </summary>
    long Cursor { get; }

    /// <summary>Claims the next sequence, waiting for capacity.</summary>
    /// <returns>The claimed sequence.</returns>
    long Next();

    /// <summary>Claims the next <paramref name="n"/> sequences, waiting for capacity.</summary>
    /// <param name="n">How many sequences to claim, 1 to <see cref="BufferSize"/>.</param>
    /// <returns>The highest claimed sequence; the lowest is the result minus <paramref name="n"/> plus one.</returns>
    long Next(int n);

    /// <summary>Claims the next sequence if there is capacity, without waiting.</summary>
    /// <param name="sequence">The claimed sequence.</param>
    /// <returns><see langword="false"/> if the ring is full.</returns>
    bool TryNext(out long sequence);

    /// <summary>Claims the next <paramref name="n"/> sequences if there is capacity, without waiting.</summary>
    /// <param name="n">How many sequences to claim, 1 to <see cref="BufferSize"/>.</param>
    /// <param name="sequence">The highest claimed sequence.</param>
    /// <returns><see langword="false"/> if there is not enough capacity.</returns>
    bool TryNext(int n, out long sequence);

    /// <summary>Publishes a claimed sequence, making it visible to consumers.</summary>
    /// <param name="sequence">The sequence to publish.</param>
    void Publish(long sequence);

    /// <summary>Publishes a claimed range of sequences.</summary>
    /// <param name="lo">Lowest sequence of the range.</param>
    /// <param name="hi">Highest sequence of the range.</param>
    void Publish(long lo, long hi);

    /// <summary>Whether <paramref name="sequence"/> has been published and not yet overwritten.</summary>
    /// <param name="sequence">The sequence to check.</param>
    /// <returns><see langword="true"/> if the slot holds that sequence's published event.</returns>
    bool IsAvailable(long sequence);

    /// <summary>The highest contiguously published sequence in [<paramref name="nextSequence"/>, <paramref name="availableSequence"/>].</summary>
    /// <param name="nextSequence">The first sequence to check.</param>
    /// <param name="availableSequence">The highest sequence that may be available.</param>
    /// <returns>The highest published sequence, or <paramref name="nextSequence"/> minus one if none is.</returns>
    long GetHighestPublishedSequence(long nextSequence, long availableSequence);

    /// <summary>Number of slots that can be claimed without waiting.</summary>
    /// <returns>The remaining capacity.</returns>
    long GetRemainingCapacity();

    /// <summary>Adds consumer sequences that the producer must not overtake.</summary>
    /// <param name="gatingSequences">The sequences to add.</param>
    void AddGatingSequences(params Sequence[] gatingSequences);

    /// <summary>Removes a gating sequence.</summary>
    /// <param name="sequence">The sequence to remove.</param>
    /// <returns><see langword="true"/> if it was found.</returns>
    bool RemoveGatingSequence(Sequence sequence);

    /// <summary>The minimum of the gating sequences and the cursor.</summary>
    /// <returns>The slowest consumer's position.</returns>
    long GetMinimumSequence();

    /// <summary>Creates a barrier that waits for published events and for <paramref name="sequencesToTrack"/>.</summary>
    /// <param name="sequencesToTrack">Upstream consumer sequences; empty to wait on the cursor only.</param>
    /// <returns>The new barrier.</returns>
    SequenceBarrier NewBarrier(params Sequence[] sequencesToTrack);
}
