namespace Microstructure.Ring;

/// <summary>
/// The handler the DSL gives each processor, forwarding to the disruptor's current default, so
/// that <see cref="Disruptor{T}.SetDefaultExceptionHandler"/> applies whatever the call order.
/// </summary>
internal sealed class DelegatingExceptionHandler<T> : IExceptionHandler<T>
    where T : struct
{
    private volatile IExceptionHandler<T> _target = new FatalExceptionHandler<T>();

    public IExceptionHandler<T> Target
    {
        get => _target;
        set => _target = value;
    }

    public void HandleEventException(Exception ex, long sequence, ref T data) => _target.HandleEventException(ex, sequence, ref data);

    public void HandleOnBatchStartException(Exception ex) => _target.HandleOnBatchStartException(ex);

    public void HandleOnStartException(Exception ex) => _target.HandleOnStartException(ex);

    public void HandleOnShutdownException(Exception ex) => _target.HandleOnShutdownException(ex);
}
