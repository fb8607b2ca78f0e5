namespace Microstructure.Replay.Population;

/// <summary>
/// When the population opens its positions (market orders against the replayed book): at a time, after every
/// historical event at or before it; or at the first replay step at which the replayed mid has reached a price.
/// </summary>
/// <param name="TimeNs">Entry time in the source's clock, nanoseconds, or null.</param>
/// <param name="PriceTicks">Entry price in ticks, or null (exactly one of the two is set).</param>
public sealed record PopulationEntry(long? TimeNs, long? PriceTicks);
