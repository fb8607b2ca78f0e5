using System.Runtime.CompilerServices;

namespace Microstructure.Ring;

/// <content>The single-event two-phase publish scope.</content>
public sealed partial class RingBuffer<T>
{
    /// <summary>A claimed, not yet published slot. <see cref="Dispose"/> publishes it.</summary>
    public readonly ref struct UnpublishedEventScope
    {
        private readonly RingBuffer<T> _ringBuffer;

        internal UnpublishedEventScope(RingBuffer<T> ringBuffer, long sequence)
        {
            _ringBuffer = ringBuffer;
            Sequence = sequence;
        }

        /// <summary>The claimed sequence.</summary>
        public long Sequence { get; }

        /// <summary>The claimed event, to write in place.</summary>
        /// <returns>A reference to the slot.</returns>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public ref T Event() => ref _ringBuffer[Sequence];

        /// <summary>Publishes the event.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Dispose() => _ringBuffer.Publish(Sequence);
    }
}
