using Microstructure.Risk.Processing;

namespace Microstructure.Replay.Population;

/// <summary>What an observer of a population replay learns before the first event.</summary>
/// <param name="Exchange">The risk layer's exchange the replay runs through (units, fees, system accounts).</param>
/// <param name="Accounts">The population's accounts, as drawn.</param>
/// <param name="Seed">The population's seed.</param>
/// <param name="Design">The liquidation design's name.</param>
public sealed record PopulationSetup(Exchange Exchange, IReadOnlyList<PopulationAccount> Accounts, long Seed, string Design);
