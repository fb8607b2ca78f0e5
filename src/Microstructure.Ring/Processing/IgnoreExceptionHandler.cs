namespace Microstructure.Ring;

/// <summary>
/// Policy "log and continue": the failing event is skipped, the failure counted and passed to
/// an optional logger, and processing continues with the next event.
/// </summary>
/// <typeparam name="T">The event type.</typeparam>
public sealed class IgnoreExceptionHandler<T> : IExceptionHandler<T>
    where T : struct
{
    private readonly Action<Exception, long>? _logger;
    private long _failureCount;

    /// <summary>Creates the handler.</summary>
    /// <param name="logger">Receives each exception and the failing sequence (-1 for start and shutdown failures).</param>
    public IgnoreExceptionHandler(Action<Exception, long>? logger = null) => _logger = logger;

    /// <summary>Number of exceptions handled so far.</summary>
    public long FailureCount => Interlocked.Read(ref _failureCount);

    /// <inheritdoc/>
    public void HandleEventException(Exception ex, long sequence, ref T data) => Record(ex, sequence);

    /// <inheritdoc/>
    public void HandleOnBatchStartException(Exception ex) => Record(ex, Sequence.InitialValue);

    /// <inheritdoc/>
    public void HandleOnStartException(Exception ex) => Record(ex, Sequence.InitialValue);

    /// <inheritdoc/>
    public void HandleOnShutdownException(Exception ex) => Record(ex, Sequence.InitialValue);

    private void Record(Exception ex, long sequence)
    {
        Interlocked.Increment(ref _failureCount);
        _logger?.Invoke(ex, sequence);
    }
}
