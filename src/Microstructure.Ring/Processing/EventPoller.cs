namespace Microstructure.Ring;

/// <summary>
/// A consumer without a thread of its own: the owner calls <see cref="Poll{THandler}(ref THandler)"/> whenever it
/// likes (Disruptor-net's <c>EventPoller</c>). Use it when a thread that already exists — a load generator, a
/// simulation kernel — must read a ring's events between its own work instead of handing them to another thread.
/// </summary>
/// <typeparam name="T">The ring's event type.</typeparam>
/// <remarks>
/// Create it with <see cref="RingBuffer{T}.NewPoller(Sequence[])"/> and add <see cref="Sequence"/> to the ring's
/// gating sequences, or producers will overwrite events the poller has not read. Not thread-safe: one polling
/// thread per poller.
/// </remarks>
public sealed class EventPoller<T>
    where T : struct
{
    private readonly RingBuffer<T> _ringBuffer;
    private readonly ISequencer _sequencer;
    private readonly DependentSequenceGroup _upstream;

    internal EventPoller(RingBuffer<T> ringBuffer, ISequencer sequencer, Sequence cursor, Sequence[] gatingSequences)
    {
        _ringBuffer = ringBuffer;
        _sequencer = sequencer;
        _upstream = new DependentSequenceGroup(cursor, gatingSequences);
    }

    /// <summary>The highest sequence this poller has handled; gate producers on it.</summary>
    public Sequence Sequence { get; } = new();

    /// <summary>
    /// Handles every event that is available now (published, and processed by the upstream consumers given at
    /// creation), in sequence order, until the handler returns false; then records progress once.
    /// </summary>
    /// <typeparam name="THandler">The handler type; a struct, so the call is inlined.</typeparam>
    /// <param name="handler">Receives the events.</param>
    /// <returns>What the poll found.</returns>
    /// <remarks>
    /// If the handler throws, the events before the failing one count as handled and the exception propagates;
    /// the next poll starts at the failing event.
    /// </remarks>
    public PollState Poll<THandler>(ref THandler handler)
        where THandler : IEventPollHandler<T>
    {
        var current = Sequence.Value;
        var next = current + 1;
        var available = _sequencer.GetHighestPublishedSequence(next, _upstream.Value);
        if (next > available)
        {
            return _sequencer.Cursor >= next ? PollState.Gating : PollState.Idle;
        }

        var processed = current;
        try
        {
            bool more;
            do
            {
                more = handler.OnEvent(ref _ringBuffer[next], next, next == available);
                processed = next;
                next++;
            }
            while (more && next <= available);
        }
        finally
        {
            Sequence.SetValue(processed);
        }

        return PollState.Processing;
    }
}
