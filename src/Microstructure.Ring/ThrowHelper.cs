using System.Diagnostics.CodeAnalysis;

namespace Microstructure.Ring;

/// <summary>Throws moved out of hot methods so that those stay small enough to inline.</summary>
internal static class ThrowHelper
{
    [DoesNotReturn]
    public static void ThrowBufferSizeNotPowerOfTwo(int bufferSize) =>
        throw new ArgumentException($"Buffer size must be a positive power of two, was {bufferSize}.", nameof(bufferSize));

    [DoesNotReturn]
    public static void ThrowClaimSizeOutOfRange(int n, int bufferSize) =>
        throw new ArgumentOutOfRangeException(nameof(n), n, $"Claim size must be between 1 and the buffer size {bufferSize}.");

    [DoesNotReturn]
    public static void ThrowAlreadyRunning() =>
        throw new InvalidOperationException("The event processor is already running.");

    [DoesNotReturn]
    public static void ThrowAlreadyStarted() =>
        throw new InvalidOperationException("The disruptor has already been started; the handler graph is fixed.");

    [DoesNotReturn]
    public static void ThrowIndexOutOfBatch(int index, int count) =>
        throw new ArgumentOutOfRangeException(nameof(index), index, $"Index must be between 0 and {count - 1}.");
}
