using Microstructure.Agents.Randomness;

namespace Microstructure.Agents;

/// <summary>What the kernel gives an agent when it is built.</summary>
/// <param name="AccountId">The agent's exchange account.</param>
/// <param name="Population">The name of the population it belongs to (from the scenario).</param>
/// <param name="Member">Its index within the population (0-based).</param>
/// <param name="Random">Its own seeded random stream.</param>
public sealed record AgentSetup(long AccountId, string Population, int Member, SimRandom Random);
