using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Microstructure.Ring;

/// <summary>
/// Sequencer for any number of publishing threads: sequences are claimed with an atomic add
/// (or CAS for <c>TryNext</c>), and each slot carries an availability flag holding the lap number
/// of the event last published into it, so consumers can tell published slots from merely
/// claimed ones and read only a contiguous published prefix.
/// </summary>
public sealed class MultiProducerSequencer : ISequencer
{
    private readonly int _bufferSize;
    private readonly int _indexMask;
    private readonly int _indexShift;
    private readonly IWaitStrategy _waitStrategy;
    private readonly bool _isBlockingWaitStrategy;
    private readonly Sequence _cursor = new();
    private readonly Sequence _gatingSequenceCache = new();
    private readonly int[] _availableBuffer;
    private Sequence[] _gatingSequences = [];

    /// <summary>Creates the sequencer.</summary>
    /// <param name="bufferSize">Ring size, a positive power of two.</param>
    /// <param name="waitStrategy">The consumers' wait strategy, signalled on publish if it blocks.</param>
    public MultiProducerSequencer(int bufferSize, IWaitStrategy waitStrategy)
    {
        if (bufferSize < 1 || !int.IsPow2(bufferSize))
        {
            ThrowHelper.ThrowBufferSizeNotPowerOfTwo(bufferSize);
        }

        ArgumentNullException.ThrowIfNull(waitStrategy);
        _bufferSize = bufferSize;
        _indexMask = bufferSize - 1;
        _indexShift = BitOperations.Log2((uint)bufferSize);
        _waitStrategy = waitStrategy;
        _isBlockingWaitStrategy = waitStrategy.IsBlockingStrategy;
        _availableBuffer = new int[bufferSize];
        _availableBuffer.AsSpan().Fill(-1);
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

        long current;
        long next;
        do
        {
            current = _cursor.Value;
            next = current + n;
            if (!HasAvailableCapacity(n, current))
            {
                sequence = default;
                return false;
            }
        }
        while (!_cursor.CompareAndSet(current, next));

        sequence = next;
        return true;
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Publish(long sequence)
    {
        SetAvailable(sequence);
        if (_isBlockingWaitStrategy)
        {
            _waitStrategy.SignalAllWhenBlocking();
        }
    }

    /// <inheritdoc/>
    public void Publish(long lo, long hi)
    {
        for (var sequence = lo; sequence <= hi; sequence++)
        {
            SetAvailable(sequence);
        }

        if (_isBlockingWaitStrategy)
        {
            _waitStrategy.SignalAllWhenBlocking();
        }
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsAvailable(long sequence)
    {
        ref var flag = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_availableBuffer), (int)sequence & _indexMask);
        return Volatile.Read(ref flag) == CalculateAvailabilityFlag(sequence);
    }

    /// <inheritdoc/>
    public long GetHighestPublishedSequence(long nextSequence, long availableSequence)
    {
        for (var sequence = nextSequence; sequence <= availableSequence; sequence++)
        {
            if (!IsAvailable(sequence))
            {
                return sequence - 1;
            }
        }

        return availableSequence;
    }

    /// <inheritdoc/>
    public long GetRemainingCapacity()
    {
        var produced = _cursor.Value;
        var consumed = SequenceGroups.GetMinimumSequence(Volatile.Read(ref _gatingSequences), produced);
        return _bufferSize - (produced - consumed);
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
        var next = _cursor.AddAndGet(n);
        var current = next - n;
        var wrapPoint = next - _bufferSize;
        var cachedGatingSequence = _gatingSequenceCache.Value;
        if (wrapPoint > cachedGatingSequence || cachedGatingSequence > current)
        {
            WaitForCapacity(wrapPoint, current);
        }

        return next;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void WaitForCapacity(long wrapPoint, long current)
    {
        var spinWait = default(SpinWait);
        long gatingSequence;
        while (wrapPoint > (gatingSequence = SequenceGroups.GetMinimumSequence(Volatile.Read(ref _gatingSequences), current)))
        {
            spinWait.SpinOnce(sleep1Threshold: -1);
        }

        _gatingSequenceCache.SetValue(gatingSequence);
    }

    private bool HasAvailableCapacity(int requiredCapacity, long cursorValue)
    {
        var wrapPoint = cursorValue + requiredCapacity - _bufferSize;
        var cachedGatingSequence = _gatingSequenceCache.Value;
        if (wrapPoint > cachedGatingSequence || cachedGatingSequence > cursorValue)
        {
            var minSequence = SequenceGroups.GetMinimumSequence(Volatile.Read(ref _gatingSequences), cursorValue);
            _gatingSequenceCache.SetValue(minSequence);
            if (wrapPoint > minSequence)
            {
                return false;
            }
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetAvailable(long sequence)
    {
        ref var flag = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_availableBuffer), (int)sequence & _indexMask);
        Volatile.Write(ref flag, CalculateAvailabilityFlag(sequence));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int CalculateAvailabilityFlag(long sequence) => (int)((ulong)sequence >> _indexShift);
}
