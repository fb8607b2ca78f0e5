using Microstructure.Risk;

namespace Microstructure.Replay.Tests.TestSupport;

/// <summary>An observer that keeps every exchange event, and optionally checks something after each one.</summary>
internal sealed class EventLog(Action<ExchangeEvent>? check = null) : IExchangeEventObserver
{
    public List<ExchangeEvent> Events { get; } = [];

    public void OnEvent(in ExchangeEvent e)
    {
        Events.Add(e);
        check?.Invoke(e);
    }
}
