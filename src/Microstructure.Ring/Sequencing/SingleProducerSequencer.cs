using System.Runtime.CompilerServices;

namespace Microstructure.Ring;

/// <summary>
/// Sequencer for exactly one publishing thread: claims are plain writes (no CAS), the minimum
/// gating sequence is cached so the consumers' sequences are read only when the cache says the
/// ring might be full, and publishing is a single release write of the cursor.
/// Not safe for concurrent publishers.
/// </summary>
public sealed class SingleProducerSequencer : ISequencer
{
    private readonly int _bufferSize;
    private readonly IWaitStrategy _waitStrategy;
    private readonly bool _isBlockingWaitStrategy;
    private readonly Sequence _cursor = new();
    private Sequence[] _gatingSequences = [];
    private ProducerState _state;

    /// <summary>Creates the sequencer.</summary>
    /// <param name="bufferSize">Ring size, a positive power of two.</param>
    /// <param name="waitStrategy">The consumers' wait strategy, signalled on publish if it blocks.</param>
    public SingleProducerSequencer(int bufferSize, IWaitStrategy waitStrategy)
    {
        if (bufferSize < 1 || !int.IsPow2(bufferSize))
        {
            ThrowHelper.ThrowBufferSizeNotPowerOfTwo(bufferSize);
        }

        ArgumentNullException.ThrowIfNull(waitStrategy);
        _bufferSize = bufferSize;
        _waitStrategy = waitStrategy;
        _isBlockingWaitStrategy = waitStrategy.IsBlockingStrategy;
        _state.NextValue = Sequence.InitialValue;
        _state.CachedGatingValue = Sequence.InitialValue;
    }

    /// <inheritdoc/>
    public int BufferSize => _bufferSize;

    /// <inheritdoc/>
    public long Cursor => _cursor.Value;

    internal Sequence CursorSequence => _cursor;

    internal int GatingSequenceCount => Volatile.Read(ref _gatingSequences).Length;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Next() => NextInternal(1);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Next(int n)
    {
        if ((uint)(n - 1) >= (uint)_bufferSize)
        {
            ThrowHelper.ThrowClaimSizeOutOfRange(n, _bufferSize);
        }

        return NextInternal(n);
    }

    /// <inheritdoc/>
    public bool TryNext(out long sequence) => TryNext(1, out sequence);

    /// <inheritdoc/>
    public bool TryNext(int n, out long sequence)
    {
        if ((uint)(n - 1) >= (uint)_bufferSize)
        {
            ThrowHelper.ThrowClaimSizeOutOfRange(n, _bufferSize);
        }

        if (!HasAvailableCapacity(n))
        {
            sequence = default;
            return false;
        }

        sequence = _state.NextValue += n;
        return true;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(long sequence)
    {
        _cursor.SetValue(sequence);
        if (_isBlockingWaitStrategy)
        {
            _waitStrategy.SignalAllWhenBlocking();
        }
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(long lo, long hi) => Publish(hi);

    /// <inheritdoc/>
    public bool IsAvailable(long sequence)
    {
        var cursor = _cursor.Value;
        return sequence <= cursor && sequence > cursor - _bufferSize;
    }

    /// <inheritdoc/>
    public long GetHighestPublishedSequence(long nextSequence, long availableSequence) => availableSequence;

    /// <inheritdoc/>
    public long GetRemainingCapacity()
    {
        var nextValue = _state.NextValue;
        var consumed = SequenceGroups.GetMinimumSequence(Volatile.Read(ref _gatingSequences), nextValue);
        return _bufferSize - (nextValue - consumed);
    }

    /// <inheritdoc/>
    public void AddGatingSequences(params Sequence[] gatingSequences)
    {
        ArgumentNullException.ThrowIfNull(gatingSequences);
        SequenceGroups.AddSequences(ref _gatingSequences, _cursor, gatingSequences);
    }

    /// <inheritdoc/>
    public bool RemoveGatingSequence(Sequence sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        return SequenceGroups.RemoveSequence(ref _gatingSequences, sequence);
    }

    /// <inheritdoc/>
    public long GetMinimumSequence() => SequenceGroups.GetMinimumSequence(Volatile.Read(ref _gatingSequences), _cursor.Value);

    /// <inheritdoc/>
    public SequenceBarrier NewBarrier(params Sequence[] sequencesToTrack)
    {
        ArgumentNullException.ThrowIfNull(sequencesToTrack);
        return new SequenceBarrier(this, _waitStrategy, _cursor, sequencesToTrack);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long NextInternal(int n)
    {
        var nextValue = _state.NextValue;
        var nextSequence = nextValue + n;
        var wrapPoint = nextSequence - _bufferSize;
        var cachedGatingSequence = _state.CachedGatingValue;

        // Fast path: the cached minimum proves the claimed slots were consumed on the previous lap.
        if (wrapPoint > cachedGatingSequence || cachedGatingSequence > nextValue)
        {
            WaitForCapacity(wrapPoint, nextValue);
        }

        _state.NextValue = nextSequence;
        return nextSequence;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WaitForCapacity(long wrapPoint, long nextValue)
    {
        // Store-load fence: our last cursor publish must be visible before we read consumer progress.
        Interlocked.MemoryBarrier();
        var spinWait = default(SpinWait);
        long minSequence;
        while (wrapPoint > (minSequence = SequenceGroups.GetMinimumSequence(Volatile.Read(ref _gatingSequences), nextValue)))
        {
            spinWait.SpinOnce(sleep1Threshold: -1);
        }

        _state.CachedGatingValue = minSequence;
    }

    private bool HasAvailableCapacity(int requiredCapacity)
    {
        var nextValue = _state.NextValue;
        var wrapPoint = nextValue + requiredCapacity - _bufferSize;
        var cachedGatingSequence = _state.CachedGatingValue;
        if (wrapPoint > cachedGatingSequence || cachedGatingSequence > nextValue)
        {
            Interlocked.MemoryBarrier();
            var minSequence = SequenceGroups.GetMinimumSequence(Volatile.Read(ref _gatingSequences), nextValue);
            _state.CachedGatingValue = minSequence;
            if (wrapPoint > minSequence)
            {
                return false;
            }
        }

        return true;
    }
}
