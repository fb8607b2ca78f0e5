using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Microstructure.Ring;

/// <summary>
/// A pre-allocated ring of struct events: producers claim a sequence, write the event in place
/// through a <see langword="ref"/>, and publish; consumers read events in sequence order. A
/// producer never overwrites a slot that any gating consumer has not yet processed.
/// </summary>
/// <typeparam name="T">The event type, stored inline in the ring.</typeparam>
public sealed partial class RingBuffer<T>
    where T : struct
{
    private readonly T[] _entries;
    private readonly long _indexMask;
    private readonly int _bufferPad;
    private readonly int _bufferSize;

    // Exactly one of these is set; branching on a readonly field keeps calls direct and inlinable.
    private readonly SingleProducerSequencer? _singleProducer;
    private readonly MultiProducerSequencer? _multiProducer;
    private readonly ISequencer _sequencer;

    private RingBuffer(int bufferSize, SingleProducerSequencer? singleProducer, MultiProducerSequencer? multiProducer)
    {
        _bufferSize = bufferSize;
        _indexMask = bufferSize - 1;
        _singleProducer = singleProducer;
        _multiProducer = multiProducer;
        _sequencer = (ISequencer?)singleProducer ?? multiProducer!;

        // Padding elements before and after the live slots keep the events off the cache lines of
        // the array header and of whatever object follows the array.
        _bufferPad = Math.Max(1, (Padding.Size + Unsafe.SizeOf<T>() - 1) / Unsafe.SizeOf<T>());
        _entries = new T[bufferSize + (2 * _bufferPad)];
        TouchEveryPage(_entries);
    }

    /// <summary>
    /// Writes one slot in every 4 KB page now, so the operating system maps the ring's memory at construction. A large
    /// array is handed out as pages the OS has not mapped yet, and the first write to each faults: without this, the
    /// first lap through a large ring pays a page fault every few slots on the hot path. A 2^18-slot ring of 272-byte
    /// exchange events is 17,000 pages; on the team's VM that first lap cost 30–90 ms inside the first liquidation
    /// burst that reached fresh slots (issue 16, risk-e2e).
    /// </summary>
    private static void TouchEveryPage(T[] entries)
    {
        const int PageBytes = 4096;
        var step = Math.Max(1, PageBytes / Unsafe.SizeOf<T>());
        for (var i = 0; i < entries.Length; i += step)
        {
            entries[i] = default;
        }
    }

    /// <summary>Number of slots in the ring.</summary>
    public int BufferSize => _bufferSize;

    /// <summary>
    /// The cursor: the highest published sequence (single producer) or highest claimed sequence
    /// (multiple producers; see <see cref="IsAvailable"/>).
    /// </summary>
    public long Cursor => _sequencer.Cursor;

    /// <summary>The sequencer behind this ring.</summary>
    public ISequencer Sequencer => _sequencer;

    internal int GatingSequenceCount => _singleProducer?.GatingSequenceCount ?? _multiProducer!.GatingSequenceCount;

    /// <summary>The event slot for <paramref name="sequence"/>, by reference. No bounds check: the index is masked.</summary>
    /// <param name="sequence">A claimed or available sequence.</param>
    public ref T this[long sequence]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_entries), _bufferPad + (int)(sequence & _indexMask));
    }

    /// <summary>Creates a ring for exactly one publishing thread.</summary>
    /// <param name="bufferSize">Number of slots, a positive power of two.</param>
    /// <param name="waitStrategy">How consumers wait.</param>
    /// <returns>The ring.</returns>
    /// <exception cref="ArgumentException"><paramref name="bufferSize"/> is not a power of two.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Disruptor's factory shape: RingBuffer<T>.CreateSingleProducer reads as what it builds.")]
    public static RingBuffer<T> CreateSingleProducer(int bufferSize, IWaitStrategy waitStrategy) =>
        new(bufferSize, new SingleProducerSequencer(bufferSize, waitStrategy), null);

    /// <summary>Creates a ring that any number of threads may publish to.</summary>
    /// <param name="bufferSize">Number of slots, a positive power of two.</param>
    /// <param name="waitStrategy">How consumers wait.</param>
    /// <returns>The ring.</returns>
    /// <exception cref="ArgumentException"><paramref name="bufferSize"/> is not a power of two.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Disruptor's factory shape: RingBuffer<T>.CreateSingleProducer reads as what it builds.")]
    public static RingBuffer<T> CreateMultiProducer(int bufferSize, IWaitStrategy waitStrategy) =>
        new(bufferSize, null, new MultiProducerSequencer(bufferSize, waitStrategy));

    /// <summary>Claims the next sequence, waiting while the ring is full.</summary>
    /// <returns>The claimed sequence; write <c>this[sequence]</c>, then <see cref="Publish(long)"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Next() => _singleProducer is { } single ? single.Next() : _multiProducer!.Next();

    /// <summary>Claims the next <paramref name="n"/> sequences, waiting while the ring is too full.</summary>
    /// <param name="n">How many, 1 to <see cref="BufferSize"/>.</param>
    /// <returns>The highest claimed sequence.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Next(int n) => _singleProducer is { } single ? single.Next(n) : _multiProducer!.Next(n);

    /// <summary>Claims the next sequence if the ring is not full.</summary>
    /// <param name="sequence">The claimed sequence.</param>
    /// <returns><see langword="false"/> if the ring is full (nothing was claimed).</returns>
    public bool TryNext(out long sequence) => _sequencer.TryNext(1, out sequence);

    /// <summary>Claims the next <paramref name="n"/> sequences if there is room for all of them.</summary>
    /// <param name="n">How many, 1 to <see cref="BufferSize"/>.</param>
    /// <param name="sequence">The highest claimed sequence.</param>
    /// <returns><see langword="false"/> if there is not enough room (nothing was claimed).</returns>
    public bool TryNext(int n, out long sequence) => _sequencer.TryNext(n, out sequence);

    /// <summary>Publishes a claimed sequence.</summary>
    /// <param name="sequence">The sequence.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(long sequence)
    {
        if (_singleProducer is { } single)
        {
            single.Publish(sequence);
        }
        else
        {
            _multiProducer!.Publish(sequence);
        }
    }

    /// <summary>Publishes a claimed range.</summary>
    /// <param name="lo">Lowest sequence.</param>
    /// <param name="hi">Highest sequence.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(long lo, long hi)
    {
        if (_singleProducer is { } single)
        {
            single.Publish(lo, hi);
        }
        else
        {
            _multiProducer!.Publish(lo, hi);
        }
    }

    /// <summary>Number of slots that can be claimed right now without waiting.</summary>
    /// <returns>The remaining capacity.</returns>
    public long GetRemainingCapacity() => _sequencer.GetRemainingCapacity();

    /// <summary>Adds consumer sequences the producers must not overtake (usually the end-of-chain consumers).</summary>
    /// <param name="gatingSequences">The sequences.</param>
    public void AddGatingSequences(params Sequence[] gatingSequences) => _sequencer.AddGatingSequences(gatingSequences);

    /// <summary>Removes a gating sequence.</summary>
    /// <param name="sequence">The sequence.</param>
    /// <returns><see langword="true"/> if it was found.</returns>
    public bool RemoveGatingSequence(Sequence sequence) => _sequencer.RemoveGatingSequence(sequence);

    /// <summary>The slowest gating consumer's sequence (or the cursor if there are none).</summary>
    /// <returns>The minimum gating sequence.</returns>
    public long GetMinimumGatingSequence() => _sequencer.GetMinimumSequence();

    /// <summary>Creates a barrier for a consumer that follows <paramref name="sequencesToTrack"/>.</summary>
    /// <param name="sequencesToTrack">Upstream consumer sequences; none for a first-stage consumer.</param>
    /// <returns>The barrier.</returns>
    public SequenceBarrier NewBarrier(params Sequence[] sequencesToTrack) => _sequencer.NewBarrier(sequencesToTrack);

    /// <summary>
    /// Creates a poller: a consumer driven by its owner's thread. Add its <see cref="EventPoller{T}.Sequence"/> to the
    /// gating sequences (<see cref="AddGatingSequences"/>) before publishing.
    /// </summary>
    /// <param name="gatingSequences">Upstream consumer sequences the poller must stay behind; none to read published events.</param>
    /// <returns>The poller.</returns>
    public EventPoller<T> NewPoller(params Sequence[] gatingSequences)
    {
        ArgumentNullException.ThrowIfNull(gatingSequences);
        var cursor = _singleProducer?.CursorSequence ?? _multiProducer!.CursorSequence;
        return new EventPoller<T>(this, _sequencer, cursor, gatingSequences);
    }

    /// <summary>Whether <paramref name="sequence"/> is published and still in the ring.</summary>
    /// <param name="sequence">The sequence.</param>
    /// <returns><see langword="true"/> if available to consumers.</returns>
    public bool IsAvailable(long sequence) => _sequencer.IsAvailable(sequence);

    /// <summary>
    /// Claims one slot for a two-phase publish: <c>using (var scope = ring.PublishEvent()) { scope.Event() = ...; }</c>
    /// publishes on dispose.
    /// </summary>
    /// <returns>The scope.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public UnpublishedEventScope PublishEvent() => new(this, Next());

    /// <summary>Claims <paramref name="count"/> slots for a two-phase batch publish; dispose publishes them all.</summary>
    /// <param name="count">How many events, 1 to <see cref="BufferSize"/>.</param>
    /// <returns>The scope.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public UnpublishedEventBatchScope PublishEvents(int count)
    {
        var hi = Next(count);
        return new(this, hi - count + 1, hi);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"RingBuffer<{typeof(T).Name}>(BufferSize={_bufferSize}, Cursor={Cursor}, {(_singleProducer is null ? "multi" : "single")} producer)";
}
