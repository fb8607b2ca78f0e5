using Microstructure.Engine;

namespace Microstructure.Replay.Population;

/// <summary>One leveraged account of a population, as drawn.</summary>
/// <param name="AccountId">The exchange account.</param>
/// <param name="Side">Buy = goes long, Sell = goes short.</param>
/// <param name="Lots">Position size to open.</param>
/// <param name="Leverage">Leverage its initial margin is posted at.</param>
public readonly record struct PopulationAccount(long AccountId, Side Side, long Lots, int Leverage);
