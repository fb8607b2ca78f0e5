namespace Microstructure.Simulation.Running;

/// <summary>Hands each event to several observers, in the order given.</summary>
public sealed class CompositeObserver : IRunObserver
{
    private readonly IRunObserver[] _observers;

    /// <summary>Combines <paramref name="observers"/>.</summary>
    public CompositeObserver(params IRunObserver[] observers)
    {
        ArgumentNullException.ThrowIfNull(observers);
        _observers = [.. observers];
    }

    /// <inheritdoc />
    public void OnEvent(in ExchangeEvent e)
    {
        foreach (var observer in _observers)
        {
            observer.OnEvent(in e);
        }
    }
}
