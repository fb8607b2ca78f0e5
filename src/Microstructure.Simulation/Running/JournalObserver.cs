using Microstructure.Risk.Journal;

namespace Microstructure.Simulation.Running;

/// <summary>Writes every event of a run to an exchange journal (<see cref="ExchangeJournalWriter"/>): the run's byte-exact record.</summary>
/// <param name="writer">The journal writer (the caller disposes it).</param>
internal sealed class JournalObserver(ExchangeJournalWriter writer) : IExchangeEventObserver
{
    /// <inheritdoc />
    public void OnEvent(in ExchangeEvent e) => writer.Append(in e);
}
