using Microstructure.Risk;

namespace Microstructure.Replay.Population;

/// <summary>
/// Watches a replay with a leveraged population: told once which exchange the population runs on, then sees every
/// exchange event in order — what a run recorder needs, the same stream a simulation's recorder sees.
/// </summary>
public interface IPopulationObserver : IExchangeEventObserver
{
    /// <summary>Called once the replay has built the exchange for the replayed instrument, before its first event.</summary>
    /// <param name="setup">The exchange, the population's accounts, its seed and liquidation design.</param>
    void OnStart(PopulationSetup setup);
}
