using Microstructure.Replay.Population;
using Microstructure.Risk;

namespace Microstructure.Replay.Tests.TestSupport;

/// <summary>An observer that keeps every exchange event, and optionally checks something after each one.</summary>
internal sealed class EventLog(Action<ExchangeEvent>? check = null) : IPopulationObserver
{
    public List<ExchangeEvent> Events { get; } = [];

    /// <summary>What the replay handed over before its first event (null until then).</summary>
    public PopulationSetup? Setup { get; private set; }

    /// <summary>Events seen before <see cref="Setup"/> arrived (must stay 0).</summary>
    public int EventsBeforeSetup { get; private set; }

    public void OnStart(PopulationSetup setup) => Setup = setup;

    public void OnEvent(in ExchangeEvent e)
    {
        if (Setup is null)
        {
            EventsBeforeSetup++;
        }

        Events.Add(e);
        check?.Invoke(e);
    }
}
