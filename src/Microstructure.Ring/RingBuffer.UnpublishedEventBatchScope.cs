using System.Runtime.CompilerServices;

namespace Microstructure.Ring;

/// <content>The batch two-phase publish scope.</content>
public sealed partial class RingBuffer<T>
{
    /// <summary>A claimed, not yet published range of slots. <see cref="Dispose"/> publishes all of them.</summary>
    public readonly ref struct UnpublishedEventBatchScope
    {
        private readonly RingBuffer<T> _ringBuffer;

        internal UnpublishedEventBatchScope(RingBuffer<T> ringBuffer, long startSequence, long endSequence)
        {
            _ringBuffer = ringBuffer;
            StartSequence = startSequence;
            EndSequence = endSequence;
        }

        /// <summary>The first claimed sequence.</summary>
        public long StartSequence { get; }

        /// <summary>The last claimed sequence.</summary>
        public long EndSequence { get; }

        /// <summary>Number of claimed events.</summary>
        public int Count => (int)(EndSequence - StartSequence + 1);

        /// <summary>The claimed event at <paramref name="index"/> within the batch.</summary>
        /// <param name="index">0 to <see cref="Count"/> minus one.</param>
        /// <returns>A reference to the slot.</returns>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the batch.</exception>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ref T Event(int index)
        {
            if ((uint)index >= (uint)Count)
            {
                ThrowHelper.ThrowIndexOutOfBatch(index, Count);
            }

            return ref _ringBuffer[StartSequence + index];
        }

        /// <summary>Publishes every event of the batch.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Dispose() => _ringBuffer.Publish(StartSequence, EndSequence);
    }
}
