
namespace Microstructure.Simulation.Tests.TestSupport;

/// <summary>Keeps every event a run emits.</summary>
internal sealed class RecordingObserver : IExchangeEventObserver
{
    public List<ExchangeEvent> Events { get; } = [];

    public void OnEvent(in ExchangeEvent e) => Events.Add(e);
}
