using System.Runtime.ExceptionServices;

namespace Microstructure.Ring;

/// <summary>
/// Policy "halt": rethrows every exception, so the processor stops at the failing event without
/// advancing past it, and the <see cref="Disruptor{T}"/> records the fault.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
public sealed class FatalExceptionHandler<T> : IExceptionHandler<T>
    where T : struct
{
    /// <inheritdoc/>
    public void HandleEventException(Exception ex, long sequence, ref T data) => ExceptionDispatchInfo.Throw(ex);

    /// <inheritdoc/>
    public void HandleOnBatchStartException(Exception ex) => ExceptionDispatchInfo.Throw(ex);

    /// <inheritdoc/>
    public void HandleOnStartException(Exception ex) => ExceptionDispatchInfo.Throw(ex);

    /// <inheritdoc/>
    public void HandleOnShutdownException(Exception ex) => ExceptionDispatchInfo.Throw(ex);
}
